import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { AddressInfo, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SignJWT } from 'jose';
import { io } from 'socket.io-client';
import { loadConfig } from '../apps/dispatch-api/src/config/app-config';
import { createApp, REQUEST_TIMEOUT_MS } from '../apps/dispatch-api/src/bootstrap';
import { cast } from './support/dtask-api';
import { startTestApp, TestApp } from './support/test-app';

const RUN_SERVICE = join(__dirname, 'support', 'run-dispatch-api.js');
const OIDC_ENV = { AUTH_MODE: 'oidc', OIDC_ISSUER: 'https://idp.county.test/', OIDC_JWKS_URL: 'http://127.0.0.1:9/jwks', OIDC_AUDIENCE: 'dtask', PSEUDONYM_KEY: 'county-secret-pseudonym-key-0123456789' };

describe('who gets in', () => {
  let app: TestApp;
  let baseUrl: string;

  beforeAll(async () => {
    app = await startTestApp();
    await app.app.listen(0, '127.0.0.1');
    baseUrl = `http://127.0.0.1:${(app.app.getHttpServer().address() as AddressInfo).port}`;
  });
  afterAll(() => app.close());

  it('refuses dev-mode tokens without an expiry, issued in the future or living past 12 hours', async () => {
    const key = new TextEncoder().encode(loadConfig({}).DEV_TOKEN_SECRET);
    const now = Math.floor(Date.now() / 1000);
    const token = (times: { iat?: number; exp?: number }) => {
      const jwt = new SignJWT({ role: 'supervisor' }).setProtectedHeader({ alg: 'HS256' }).setSubject('mallory').setIssuer('dtask-dev').setAudience('dtask-dispatch-api');
      if (times.iat !== undefined) jwt.setIssuedAt(times.iat);
      if (times.exp !== undefined) jwt.setExpirationTime(times.exp);
      return jwt.sign(key);
    };
    const get = async (times: { iat?: number; exp?: number }) => (await app.http.get('/api/d-tasks').set('Authorization', `Bearer ${await token(times)}`)).status;
    expect(await get({ iat: now, exp: now + 3600 })).toBe(200);
    expect(await get({ iat: now })).toBe(401);
    expect(await get({ iat: now + 3600, exp: now + 7200 })).toBe(401);
    expect(await get({ iat: now, exp: Date.parse('9999-01-01T00:00:00Z') / 1000 })).toBe(401);
    // The service's own dev tokens live 12 hours: still accepted.
    expect((await app.http.get('/api/d-tasks').set('Authorization', `Bearer ${await app.tokenFor('nurse')}`)).status).toBe(200);
  });

  it('serves the API documents in dev mode only', async () => {
    await app.http.get('/api/docs-json').expect(200);
    const production = await startTestApp(OIDC_ENV);
    try {
      for (const path of ['/api/docs', '/api/docs/', '/api/docs-json', '/api/docs-yaml']) {
        const response = await production.http.get(path);
        expect({ path, status: response.status }).toEqual({ path, status: 404 });
      }
    } finally {
      await production.close();
    }
  });

  it('refuses connections to the default socket.io namespace, and keeps /live for a token', async () => {
    const attempt = (namespace: string, auth?: { token: string }) =>
      new Promise<string>((resolve) => {
        const socket = io(`${baseUrl}${namespace}`, { auth, transports: ['websocket'], reconnection: false, forceNew: true, timeout: 5000 });
        socket.on('connect', () => {
          socket.close();
          resolve('connected');
        });
        socket.on('connect_error', (error) => {
          socket.close();
          resolve(`refused: ${error.message}`);
        });
      });
    expect(await attempt('/')).toBe('refused: not-found');
    expect(await attempt('/', { token: await app.tokenFor('nurse') })).toBe('refused: not-found');
    expect(await attempt('/live')).toBe('refused: unauthorized');
    expect(await attempt('/live', { token: await app.tokenFor('nurse') })).toBe('connected');
  });

  it('answers a malformed event position with 400 naming it, never 500', async () => {
    const analyst = await app.tokenFor('analyst');
    for (const fromPosition of ['01', '00', '18446744073709551616', '99999999999999999999', '-1', '1e3']) {
      const response = await app.http.get(`/api/events?fromPosition=${fromPosition}`).set('Authorization', `Bearer ${analyst}`);
      expect({ fromPosition, status: response.status }).toEqual({ fromPosition, status: 400 });
      expect(response.body.issues[0].path).toBe('fromPosition');
    }
    for (const fromPosition of ['0', '1', '18446744073709551615']) {
      await app.http.get(`/api/events?fromPosition=${fromPosition}`).set('Authorization', `Bearer ${analyst}`).expect(200);
    }
  });

  it('gives the whole request at most 30 s to arrive, then answers 408 and closes', async () => {
    expect(REQUEST_TIMEOUT_MS).toBe(30_000);
    expect(app.app.getHttpServer().requestTimeout).toBe(REQUEST_TIMEOUT_MS);
    // The same limit, shortened, against a client that stalls halfway through its body.
    const dataDir = mkdtempSync(join(tmpdir(), 'dtask-timeout-'));
    const quick = await createApp(loadConfig({ LOG_LEVEL: 'silent', DATA_DIR: dataDir }), { requestTimeoutMs: 1500 });
    try {
      await quick.listen(0, '127.0.0.1');
      const port = (quick.getHttpServer().address() as AddressInfo).port;
      const started = Date.now();
      const answer = await new Promise<{ text: string; closedAfterMs: number }>((resolve) => {
        let text = '';
        const socket = connect(port, '127.0.0.1', () =>
          socket.write('POST /api/d-tasks HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"ercTaskId":'),
        );
        socket.on('data', (chunk: Buffer) => (text += chunk.toString()));
        socket.on('close', () => resolve({ text, closedAfterMs: Date.now() - started }));
        setTimeout(() => {
          socket.destroy();
          resolve({ text: 'still open', closedAfterMs: Date.now() - started });
        }, 10_000);
      });
      expect(answer.text).toMatch(/^HTTP\/1\.1 408/);
      expect(answer.closedAfterMs).toBeGreaterThanOrEqual(1400);
      expect(answer.closedAfterMs).toBeLessThan(5000);
    } finally {
      await quick.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 20_000);

  // Fails today: libs/domain/src/dtask/decide.ts `case 'Release'` lets a supervisor through
  // requireOwner and emits DTaskReleased without a nurseId, which the event schema refuses (500).
  // Turn into `it` once decide.ts rejects 'not-claimed' when the task has no owner.
  it('answers a supervisor’s release of an unclaimed task with 409, not 500', async () => {
    const api = await cast(app);
    const taskId = await api.intake();
    const response = await api.post(api.tokens.supervisor, `/api/d-tasks/${taskId}/release`);
    expect(response.status).toBe(409);
  });
});

describe('what analysts can take', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  it('shows analysts staff as pseudonyms, and one patient for one phone however it is written', async () => {
    const api = await cast(app);
    const phones = ['+358 40 765 4321', '+358407654321', '+358-40-765 4321'];
    const taskIds: string[] = [];
    for (const callbackPhone of phones) {
      // No identity code: the phone is the patient's identity.
      const taskId = await api.intake({ callbackPhone, patient: { ageYears: 80 } });
      await api.post(api.tokens.nurse, `/api/d-tasks/${taskId}/claim`).expect(200);
      taskIds.push(taskId);
    }
    const log = await api.get(api.tokens.analyst, '/api/events?limit=5000').expect(200);
    const exported = await api.get(api.tokens.analyst, '/api/export/events.ndjson').expect(200);
    for (const text of [JSON.stringify(log.body), exported.text]) {
      for (const name of ['nurse-anna', 'erica']) expect(text).not.toContain(name);
    }
    const events = log.body.events as { streamId: string; type: string; data: Record<string, any>; metadata: Record<string, any> }[];
    const received = events.filter((event) => event.type === 'DTaskReceived' && taskIds.some((id) => event.streamId === `dtask-${id}`));
    expect(received).toHaveLength(3);
    expect(new Set(received.map((event) => event.data.patient.ref)).size).toBe(1);
    const claims = events.filter((event) => event.type === 'DTaskClaimed' && taskIds.some((id) => event.streamId === `dtask-${id}`));
    expect(claims).toHaveLength(3);
    // The same nurse is the same pseudonym everywhere, so measures by nurse still add up.
    expect(new Set(claims.flatMap((event) => [event.data.nurseId, event.metadata.actor.id])).size).toBe(1);
    expect(claims[0]!.data.nurseId).toMatch(/^s-[0-9a-f]{24}$/);
    expect(received[0]!.metadata.actor).toEqual({ id: expect.stringMatching(/^s-[0-9a-f]{24}$/), role: 'erc' });
    // The nurse's own view of the task keeps the real ids.
    const task = await api.get(api.tokens.nurse, `/api/d-tasks/${taskIds[0]}`).expect(200);
    expect(JSON.stringify(task.body)).toContain('nurse-anna');
  });
});

describe('starting the service', () => {
  const children: ChildProcess[] = [];
  afterAll(() => {
    for (const child of children) if (child.exitCode === null) child.kill();
  });

  /** Starts `main.ts` in a child as `npm start` does; resolves with what it printed once it listens or exits. */
  function start(env: Record<string, string>): Promise<{ stdout: string; stderr: string; code: number | null }> {
    const dataDir = mkdtempSync(join(tmpdir(), 'dtask-main-'));
    const child = spawn(process.execPath, [RUN_SERVICE], { env: { ...process.env, PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'silent', HOST: '', ...env }, stdio: 'pipe' });
    children.push(child);
    let stdout = '';
    let stderr = '';
    return new Promise((resolve) => {
      const done = (code: number | null) => {
        child.kill();
        rmSync(dataDir, { recursive: true, force: true });
        resolve({ stdout, stderr, code });
      };
      child.stdout!.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        if (stdout.includes('listening on')) done(null);
      });
      child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.on('exit', (code) => done(code));
    });
  }

  it('in dev mode listens on loopback only and warns that anyone may sign in as any role', async () => {
    const { stdout, stderr } = await start({});
    expect(stdout).toMatch(/listening on http:\/\/127\.0\.0\.1:\d+/);
    expect(stderr).toMatch(/WARNING: AUTH_MODE=dev/);
    expect(stderr).toMatch(/any role/);
  }, 60_000);

  it('stops at once on a limit out of its range, naming the setting and its range', () => {
    for (const [name, value, range] of [
      ['S2_DISPATCH_MINUTES', '200000000000', 'from 1 to 480 minutes'],
      ['SCHEDULER_INTERVAL_MS', '9999999999', 'from 100 to 60000 ms'],
      ['S6_HANDOFF_MINUTES', '0x10', 'from 1 to 1440 minutes'],
    ]) {
      const result = spawnSync(process.execPath, [RUN_SERVICE], { env: { ...process.env, PORT: '0', LOG_LEVEL: 'silent', [name!]: value }, encoding: 'utf8', timeout: 30_000 });
      expect(result.status).toBe(1);
      expect(result.stderr).toContain(`${name}: must be a whole number ${range}`);
      expect(result.stdout).not.toContain('listening');
    }
  }, 60_000);
});

describe('the console’s security headers', () => {
  let app: TestApp;
  beforeAll(async () => {
    require('node:child_process').execFileSync(process.execPath, [join(__dirname, '..', 'scripts', 'build-console-if-stale.js')], { stdio: 'ignore' });
    app = await startTestApp();
  }, 120_000);
  afterAll(() => app?.close());

  it('sends a same-origin CSP, no framing, no sniffing and no referrer with the console', async () => {
    const index = await app.http.get('/').expect(200);
    const asset = /src="(\/assets\/[^"]+\.js)"/.exec(index.text)![1]!;
    for (const response of [index, await app.http.get(asset).expect(200)]) {
      expect(response.headers['x-frame-options']).toBe('DENY');
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['referrer-policy']).toBe('no-referrer');
      const csp = response.headers['content-security-policy'] as string;
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toMatch(/script-src 'self' 'sha256-[A-Za-z0-9+/=]+'/);
      expect(csp).not.toContain('unsafe-inline');
    }
  });
});
