import { startTestApp, TestApp } from './support/test-app';

describe('dispatch-api health and authentication', () => {
  let testApp: TestApp;
  beforeAll(async () => {
    testApp = await startTestApp();
  });
  afterAll(() => testApp.close());

  it('is live, and ready once the event store answers', async () => {
    await testApp.http.get('/health/live').expect(200);
    const ready = await testApp.http.get('/health/ready').expect(200);
    expect(ready.body.details.eventStore).toMatchObject({ status: 'up', kind: 'sqlite' });
  });

  it('is not ready when the event store is closed', async () => {
    const other = await startTestApp();
    try {
      const { EVENT_STORE } = await import('../apps/dispatch-api/src/event-store/event-store.module');
      await other.app.get(EVENT_STORE).close();
      const ready = await other.http.get('/health/ready');
      expect(ready.status).toBe(503);
      expect(ready.body.details.eventStore.status).toBe('down');
    } finally {
      await other.close();
    }
  });

  it('refuses API routes without a valid token', async () => {
    const none = await testApp.http.get('/api/services');
    expect(none.status).toBe(401);
    const forged = await testApp.http.get('/api/services').set('Authorization', 'Bearer not.a.jwt');
    expect(forged.status).toBe(401);
  });

  it('issues dev tokens and names bad fields', async () => {
    const bad = await testApp.http.post('/api/auth/dev-token').send({ sub: 'x', role: 'pilot' });
    expect(bad.status).toBe(400);
    expect(bad.body.issues.map((issue: { path: string }) => issue.path)).toContain('role');
    expect(await testApp.tokenFor('nurse')).toMatch(/^ey/);
  });

  it('refuses dev tokens outside dev mode', async () => {
    const oidc = await startTestApp({
      AUTH_MODE: 'oidc',
      OIDC_ISSUER: 'https://idp.example.test/',
      OIDC_JWKS_URL: 'https://idp.example.test/jwks',
      OIDC_AUDIENCE: 'dtask',
      PSEUDONYM_KEY: 'county-secret-pseudonym-key-0123456789',
    });
    try {
      const response = await oidc.http.post('/api/auth/dev-token').send({ sub: 'n1', role: 'nurse' });
      expect(response.status).toBe(403);
    } finally {
      await oidc.close();
    }
  });

  it('serves the OpenAPI document', async () => {
    const docs = await testApp.http.get('/api/docs-json').expect(200);
    expect(docs.body.openapi).toMatch(/^3\./);
  });
});
