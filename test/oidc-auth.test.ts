import { exportJWK, generateKeyPair, KeyLike, SignJWT } from 'jose';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { startTestApp, TestApp } from './support/test-app';

describe('production authentication (OIDC, JWKS)', () => {
  let jwks: Server;
  let app: TestApp;
  let sign: (claims: Record<string, unknown>, options?: { issuer?: string; audience?: string }) => Promise<string>;
  let key: KeyLike;
  const env = (jwksUrl: string) => ({ AUTH_MODE: 'oidc', OIDC_ISSUER: 'https://idp.county.test/', OIDC_JWKS_URL: jwksUrl, OIDC_AUDIENCE: 'dtask', PSEUDONYM_KEY: 'county-secret-pseudonym-key-0123456789' });
  /** A county-signed token with the times given (seconds since the epoch), or none where omitted. */
  const signAt = (times: { iat?: number; exp?: number }, claims: Record<string, unknown> = { sub: 'nurse-oidc', role: 'nurse' }) => {
    const jwt = new SignJWT(claims).setProtectedHeader({ alg: 'ES256', kid: 'county-key-1' }).setIssuer('https://idp.county.test/').setAudience('dtask');
    if (times.iat !== undefined) jwt.setIssuedAt(times.iat);
    if (times.exp !== undefined) jwt.setExpirationTime(times.exp);
    return jwt.sign(key);
  };
  const now = () => Math.floor(Date.now() / 1000);

  beforeAll(async () => {
    const { publicKey, privateKey } = await generateKeyPair('ES256');
    key = privateKey;
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

  it('refuses a token without an expiry, issued in the future, or living longer than 12 hours', async () => {
    const get = (token: string) => app.http.get('/api/d-tasks').set('Authorization', `Bearer ${token}`);
    await get(await signAt({ iat: now() - 60, exp: now() + 3600 })).expect(200);
    // Within the clock skew of a minute either way.
    await get(await signAt({ iat: now() + 30, exp: now() + 3600 })).expect(200);
    await get(await signAt({ exp: now() + 3600 })).expect(200);
    for (const times of [
      { iat: now() },
      {},
      { iat: now() + 600, exp: now() + 3600 },
      { iat: now() + 86_400 * 365, exp: now() + 86_400 * 366 },
      { iat: now(), exp: Date.parse('9999-12-31T00:00:00Z') / 1000 },
      { exp: now() + 13 * 3600 },
      { iat: now() - 3600, exp: now() + 12 * 3600 },
    ]) {
      const response = await get(await signAt(times));
      expect({ times, status: response.status }).toEqual({ times, status: 401 });
    }
  });

  it('refuses a token whose alg or kid no key of the county has, with 401', async () => {
    const [, body, signature] = (await sign({ sub: 'nurse-oidc', role: 'nurse' })).split('.');
    const header = (fields: Record<string, string | undefined>) => Buffer.from(JSON.stringify(fields)).toString('base64url');
    for (const fields of [{ alg: 'XS999', kid: 'county-key-1' }, { alg: 'HS256', kid: 'county-key-1' }, { alg: 'ES256', kid: 'no-such-key' }, { alg: 'none' }]) {
      const response = await app.http.get('/api/d-tasks').set('Authorization', `Bearer ${header(fields)}.${body}.${signature}`);
      expect({ fields, status: response.status }).toEqual({ fields, status: 401 });
    }
  });

  it('refuses a partner token whose service is missing or not in the directory', async () => {
    const inbox = (token: string) => app.http.get('/api/handoffs').set('Authorization', `Bearer ${token}`);
    await inbox(await sign({ sub: 'kotihoito-1', role: 'partner', service: 'oulu-home-care' })).expect(200);
    await inbox(await sign({ sub: 'kotihoito-1', role: 'partner' })).expect(401);
    await inbox(await sign({ sub: 'kotihoito-1', role: 'partner', service: 'no-such-service' })).expect(401);
  });

  it('answers 503, not 401, while the identity provider’s keys cannot be fetched', async () => {
    // Nothing listens on port 9 (discard) of loopback; a second IdP answers 500.
    const failing = createServer((_, res) => res.writeHead(500).end('down'));
    await new Promise<void>((resolve) => failing.listen(0, '127.0.0.1', resolve));
    try {
      for (const url of ['http://127.0.0.1:9/jwks', `http://127.0.0.1:${(failing.address() as AddressInfo).port}/jwks`]) {
        const down = await startTestApp(env(url));
        try {
          const response = await down.http.get('/api/d-tasks').set('Authorization', `Bearer ${await sign({ sub: 'nurse-oidc', role: 'nurse' })}`);
          expect(response.status).toBe(503);
          expect(response.headers['retry-after']).toBeDefined();
          expect(response.body.error).toBe('unavailable');
          // What is not a token at all stays 401 even then.
          await down.http.get('/api/d-tasks').set('Authorization', 'Bearer not-a-token').expect(401);
        } finally {
          await down.close();
        }
      }
    } finally {
      failing.close();
    }
  });

  it('refuses to start with a plain-http JWKS URL off loopback', async () => {
    await expect(startTestApp(env('http://idp.county.test/jwks'))).rejects.toThrow(/OIDC_JWKS_URL: must be an https:\/\/ URL/);
  });
});
