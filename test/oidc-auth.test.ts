import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { startTestApp, TestApp } from './support/test-app';

describe('production authentication (OIDC, JWKS)', () => {
  let jwks: Server;
  let app: TestApp;
  let sign: (claims: Record<string, unknown>, options?: { issuer?: string; audience?: string }) => Promise<string>;

  beforeAll(async () => {
    const { publicKey, privateKey } = await generateKeyPair('ES256');
    const jwk = { ...(await exportJWK(publicKey)), kid: 'county-key-1', alg: 'ES256', use: 'sig' };
    jwks = createServer((_, res) => res.setHeader('content-type', 'application/json').end(JSON.stringify({ keys: [jwk] })));
    await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/jwks`;
    app = await startTestApp({ AUTH_MODE: 'oidc', OIDC_ISSUER: 'https://idp.county.test/', OIDC_JWKS_URL: url, OIDC_AUDIENCE: 'dtask', PSEUDONYM_KEY: 'county-secret-pseudonym-key-0123456789' });
    sign = (claims, options = {}) =>
      new SignJWT(claims)
        .setProtectedHeader({ alg: 'ES256', kid: 'county-key-1' })
        .setIssuer(options.issuer ?? 'https://idp.county.test/')
        .setAudience(options.audience ?? 'dtask')
        .setIssuedAt()
        .setExpirationTime('5m')
        .sign(privateKey);
  });
  afterAll(async () => {
    await app.close();
    jwks.close();
  });

  it('accepts a token from the county IdP and enforces its role', async () => {
    const nurse = await sign({ sub: 'nurse-oidc', role: 'nurse' });
    await app.http.get('/api/d-tasks').set('Authorization', `Bearer ${nurse}`).expect(200);
    await app.http.get('/api/events').set('Authorization', `Bearer ${nurse}`).expect(403);
  });

  it('refuses tokens for another audience or issuer, and dev tokens', async () => {
    const otherAudience = await sign({ sub: 'n', role: 'nurse' }, { audience: 'other-app' });
    await app.http.get('/api/d-tasks').set('Authorization', `Bearer ${otherAudience}`).expect(401);
    const otherIssuer = await sign({ sub: 'n', role: 'nurse' }, { issuer: 'https://evil.test/' });
    await app.http.get('/api/d-tasks').set('Authorization', `Bearer ${otherIssuer}`).expect(401);
    await app.http.post('/api/auth/dev-token').send({ sub: 'n', role: 'nurse' }).expect(403);
  });
});
