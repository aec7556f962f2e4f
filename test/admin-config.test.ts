import { startTestApp, TestApp } from './support/test-app';

/** What the admin view shows comes from the server already redacted: the view never has a secret to hide. */
describe('GET /api/admin/config keeps secrets on the server', () => {
  const secret = 'a-dev-token-secret-nobody-may-see-0123456789';
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ DEV_TOKEN_SECRET: secret });
  });
  afterAll(() => app?.close());

  it('names the secrets as set, never their values, and shows the limits in force', async () => {
    const token = await app.tokenFor('admin', 'admin-aino');
    const response = await app.http.get('/api/admin/config').set('Authorization', `Bearer ${token}`).expect(200);
    const text = JSON.stringify(response.body);
    expect(text).not.toContain(secret);
    expect(text).not.toContain('dev-only-pseudonym');
    expect(response.body.settings.DEV_TOKEN_SECRET).toMatch(/redacted/);
    expect(response.body.settings.PSEUDONYM_KEY).toMatch(/redacted/);
    expect(response.body.settings).toMatchObject({ S1_FAILED_ATTEMPTS: 2, S2_ALERT_MINUTES: 20, S6_HANDOFF_MINUTES: 30 });
  });
});
