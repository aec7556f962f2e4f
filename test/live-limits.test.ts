import { EventStore } from '@dtask/event-store';
import { SignJWT } from 'jose';
import { AddressInfo } from 'node:net';
import { io, Socket } from 'socket.io-client';
import { EVENT_STORE } from '../apps/dispatch-api/src/event-store/event-store.module';
import { LiveGateway, MAX_UNREAD_PACKETS } from '../apps/dispatch-api/src/live/live.gateway';
import { startTestApp, TestApp } from './support/test-app';

/** A strong dev signing key of this test's own, so it can sign a token that expires in seconds. */
const DEV_TOKEN_SECRET = 'x7Qp2LmV9sKd4Rt8Wz1Nc6Hy3Bf5Gj0Ue';

let testApp: TestApp;
let baseUrl: string;
let store: EventStore;
let gateway: LiveGateway;

beforeAll(async () => {
  testApp = await startTestApp({ DEV_TOKEN_SECRET });
  await testApp.app.listen(0, '127.0.0.1');
  baseUrl = `http://127.0.0.1:${(testApp.app.getHttpServer().address() as AddressInfo).port}`;
  store = testApp.app.get(EVENT_STORE);
  gateway = testApp.app.get(LiveGateway);
});
afterAll(() => testApp.close());

const connect = (token: string): Socket => io(`${baseUrl}/live`, { auth: { token }, transports: ['websocket'], reconnection: false, forceNew: true });

const waitFor = async (condition: () => boolean, timeoutMs = 20_000) => {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

/** Appends `count` small task events in batches, as a busy centre's history would hold them. */
async function appendMany(count: number): Promise<void> {
  for (let written = 0; written < count; written += 500) {
    await Promise.all(
      Array.from({ length: Math.min(500, count - written) }, (_, i) => {
        const eventId = globalThis.crypto.randomUUID();
        const metadata = { eventId, correlationId: eventId, causationId: eventId, actor: { id: 'test', role: 'system' }, occurredAt: new Date().toISOString(), schemaVersion: 1 };
        return store.append(`dtask-${globalThis.crypto.randomUUID()}`, [{ eventId, type: 'DTaskReleased', data: { n: written + i, padding: 'x'.repeat(400) }, metadata }], { expectedRevision: 'any' });
      }),
    );
  }
}

/** The TCP socket under a socket.io client: pausing it is a client that stops reading. */
const tcpOf = (socket: Socket) => (socket.io.engine.transport as unknown as { ws: { _socket: { pause(): void; resume(): void } } }).ws._socket;

describe('live channel fan-out and limits', () => {
  it('sends live events to staff alike and to a partner only its own service\'s handoffs', async () => {
    const partner = connect(await testApp.tokenFor('partner', 'hc-live', 'oulu-home-care'));
    const nurse = connect(await testApp.tokenFor('nurse', 'nurse-live'));
    const seen = { partner: [] as { type: string; data: { target?: string } }[], nurse: [] as { position: string }[] };
    partner.on('event', (event) => seen.partner.push(event));
    nurse.on('event', (event) => seen.nurse.push(event));
    await Promise.all([partner, nurse].map((socket) => new Promise<void>((resolve) => socket.on('connect', () => resolve()))));
    for (const socket of [partner, nurse]) {
      await new Promise<void>((resolve) => (socket.once('caught-up', () => resolve()), socket.emit('subscribe', { fromNow: true })));
    }
    const append = (taskId: string, type: string, data: Record<string, unknown>) => {
      const eventId = globalThis.crypto.randomUUID();
      const metadata = { eventId, correlationId: eventId, causationId: eventId, actor: { id: 'test', role: 'system' }, occurredAt: new Date().toISOString(), schemaVersion: 1 };
      return store.append(`dtask-${taskId}`, [{ eventId, type, data, metadata }], { expectedRevision: 'any' });
    };
    await append('live-a', 'RedirectRequested', { target: 'oulu-home-care', targetKind: 'home-care', handoffNote: 'a', patientInformed: true });
    await append('live-b', 'RedirectRequested', { target: 'oulu-primary-care', targetKind: 'primary-care', handoffNote: 'b', patientInformed: true });
    const last = await append('live-c', 'CallbackAttempted', { outcome: 'busy', attempt: 1 });
    await waitFor(() => seen.nurse.some((event) => event.position === last.position));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(seen.nurse).toHaveLength(3);
    expect(seen.partner.map((event) => event.data.target)).toEqual(['oulu-home-care']);
    partner.close();
    nurse.close();
  }, 30_000);

  it('gives a batch client the same events, in order and once, a frame per burst, across catch-up and live', async () => {
    const append = (taskId: string, type: string, data: Record<string, unknown>) => {
      const eventId = globalThis.crypto.randomUUID();
      const metadata = { eventId, correlationId: eventId, causationId: eventId, actor: { id: 'test', role: 'system' }, occurredAt: new Date().toISOString(), schemaVersion: 1 };
      return store.append(`dtask-${taskId}`, [{ eventId, type, data, metadata }], { expectedRevision: 'any' });
    };
    const from = await store.headPosition();
    for (let i = 0; i < 5; i += 1) await append(`batch-before-${i}`, 'CallbackAttempted', { outcome: 'busy', attempt: 1 });
    const token = await testApp.tokenFor('nurse', 'nurse-batch');
    const single = connect(token);
    const batched = connect(token);
    const positions = { single: [] as string[], batched: [] as string[] };
    let frames = 0;
    single.on('event', (event: { position: string }) => positions.single.push(event.position));
    batched.on('events', (events: { position: string }[]) => {
      frames += 1;
      positions.batched.push(...events.map((event) => event.position));
    });
    batched.on('event', () => positions.batched.push('a single frame to a batch client'));
    const connected = [single, batched].map((socket) => new Promise<void>((resolve) => socket.on('connect', () => resolve())));
    await Promise.all(connected);
    for (const [socket, batch] of [[single, false], [batched, true]] as const) {
      await new Promise<void>((resolve) => (socket.once('caught-up', () => resolve()), socket.emit('subscribe', { ...(from ? { fromPosition: from } : {}), ...(batch ? { batch } : {}) })));
    }
    // A burst while live: ten events in one go.
    await Promise.all(Array.from({ length: 10 }, (_, i) => append(`batch-live-${i}`, 'CallbackAttempted', { outcome: 'busy', attempt: 1 })));
    const last = await append('batch-last', 'CallbackAttempted', { outcome: 'busy', attempt: 1 });
    await waitFor(() => positions.batched.includes(last.position) && positions.single.includes(last.position)).catch((error) => {
      throw new Error(`${(error as Error).message}: single ${positions.single.length}, batched ${positions.batched.length} in ${frames} frames, last ${last.position}`);
    });
    expect(positions.batched).toEqual(positions.single);
    expect(new Set(positions.batched).size).toBe(16);
    expect(frames).toBeLessThan(16);
    single.close();
    batched.close();
  }, 30_000);

  it('drops a client that stops reading and frees its backlog; resumed from its last position it misses nothing', async () => {
    await appendMany(30_000);
    const head = await store.headPosition();
    const token = await testApp.tokenFor('nurse', 'nurse-stalled');
    const socket = connect(token);
    await new Promise<void>((resolve) => socket.on('connect', () => resolve()));
    const before = gateway.clientCount;
    let lastSeen: string | undefined;
    let told: { reason: string } | undefined;
    socket.on('event', (event: { position: string }) => (lastSeen = event.position));
    socket.on('live-error', (message: typeof told) => (told = message));
    socket.emit('subscribe', {});
    tcpOf(socket).pause();

    // The server gives up on it instead of buffering a whole history for it.
    await waitFor(() => gateway.clientCount < before, 30_000);
    tcpOf(socket).resume();
    await waitFor(() => socket.disconnected && told !== undefined, 30_000);
    expect(told!.reason).toBe('too-slow');
    socket.close();

    // Resuming from the last position it saw, it gets the rest, each event once, up to the head.
    const resumed = connect(token);
    const positions: string[] = [];
    resumed.on('event', (event: { position: string }) => positions.push(event.position));
    await new Promise<void>((resolve) => resumed.on('connect', () => resolve()));
    resumed.emit('subscribe', lastSeen ? { fromPosition: lastSeen } : {});
    await waitFor(() => positions.length > 0 && positions[positions.length - 1] === head, 60_000).catch((error) => {
      throw new Error(`${(error as Error).message}: ${positions.length} events, last ${positions[positions.length - 1]}, head ${head}, resumed from ${lastSeen}`);
    });
    expect(new Set(positions).size).toBe(positions.length);
    if (lastSeen) expect(positions.every((position) => BigInt(position) > BigInt(lastSeen!))).toBe(true);
    resumed.close();
    expect(MAX_UNREAD_PACKETS).toBeLessThan(30_000);
  }, 120_000);

  it('refuses a subscribe from a position that is no position, saying so, instead of failing later', async () => {
    const socket = connect(await testApp.tokenFor('nurse', 'nurse-position'));
    await new Promise<void>((resolve) => socket.on('connect', () => resolve()));
    for (const fromPosition of ['01', '1e3', '-1', '123456789012345678901']) {
      expect(await socket.emitWithAck('subscribe', { fromPosition })).toMatchObject({ ok: false });
    }
    expect(await socket.emitWithAck('subscribe', { fromPosition: '0' })).toEqual({ ok: true });
    socket.close();
  });

  it('closes a socket when its token expires, saying so', async () => {
    const nowSeconds = Math.floor(Date.now() / 1000);
    // Long enough to connect on a busy machine (a 3 s token sometimes expired before the socket opened).
    const token = await new SignJWT({ role: 'nurse' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('nurse-short')
      .setIssuer('dtask-dev')
      .setAudience('dtask-dispatch-api')
      .setIssuedAt(nowSeconds)
      .setExpirationTime(nowSeconds + 8)
      .sign(new TextEncoder().encode(DEV_TOKEN_SECRET));
    const socket = connect(token);
    let expired = false;
    socket.on('session-expired', () => (expired = true));
    await new Promise<void>((resolve, reject) => {
      socket.on('connect', () => resolve());
      socket.on('connect_error', (error) => reject(new Error(`refused: ${error.message}`)));
      socket.on('disconnect', (reason) => reject(new Error(`disconnected: ${reason}`)));
    });
    socket.emit('subscribe', { fromNow: true });
    await waitFor(() => expired && socket.disconnected, 15_000);
    // And the same token cannot open the channel again.
    const again = connect(token);
    const error = await new Promise<Error>((resolve) => again.on('connect_error', resolve));
    expect(error.message).toBe('unauthorized');
    again.close();
  }, 30_000);
});
