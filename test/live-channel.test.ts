import { EventStore } from '@dtask/event-store';
import { AddressInfo } from 'node:net';
import { io, Socket } from 'socket.io-client';
import { EVENT_STORE } from '../apps/dispatch-api/src/event-store/event-store.module';
import { startTestApp, TestApp } from './support/test-app';

interface LiveEvent {
  position: string;
  type: string;
  streamId: string;
  data: Record<string, unknown>;
}

let testApp: TestApp;
let baseUrl: string;
let store: EventStore;

beforeAll(async () => {
  testApp = await startTestApp();
  await testApp.app.listen(0, '127.0.0.1');
  baseUrl = `http://127.0.0.1:${(testApp.app.getHttpServer().address() as AddressInfo).port}`;
  store = testApp.app.get(EVENT_STORE);
});
afterAll(() => testApp.close());

function connect(token: string): Socket {
  return io(`${baseUrl}/live`, { auth: { token }, transports: ['websocket'], reconnection: false, forceNew: true });
}

async function appendTaskEvent(taskId: string, type: string, data: Record<string, unknown>) {
  const eventId = globalThis.crypto.randomUUID();
  const metadata = { eventId, correlationId: eventId, causationId: eventId, actor: { id: 'test', role: 'system' }, occurredAt: new Date().toISOString(), schemaVersion: 1 };
  return store.append(`dtask-${taskId}`, [{ eventId, type, data, metadata }], { expectedRevision: 'any' });
}

function collect(socket: Socket, into: LiveEvent[]) {
  socket.on('event', (event: LiveEvent) => into.push(event));
}

const waitFor = async (condition: () => boolean, timeoutMs = 10_000) => {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};

describe('live channel', () => {
  it('refuses a connection without a valid token', async () => {
    const socket = io(`${baseUrl}/live`, { auth: { token: 'nope' }, transports: ['websocket'], reconnection: false, forceNew: true });
    const error = await new Promise<Error>((resolve) => socket.on('connect_error', resolve));
    expect(error.message).toBe('unauthorized');
    socket.close();
  });

  it('misses nothing and repeats nothing across a reconnect while appends continue', async () => {
    const token = await testApp.tokenFor('supervisor');
    const received: LiveEvent[] = [];
    let appending = true;
    const written: string[] = [];
    const appender = (async () => {
      for (let i = 0; appending || i < 300; i += 1) {
        const result = await appendTaskEvent(`live-${i % 7}`, 'CallbackAttempted', { outcome: 'no-answer', attempt: i });
        written.push(result.position);
        if (i % 10 === 0) await new Promise((resolve) => setTimeout(resolve, 2));
        if (i > 2000) break;
      }
    })();

    const first = connect(token);
    collect(first, received);
    await new Promise<void>((resolve) => first.on('connect', () => resolve()));
    first.emit('subscribe', {});
    await waitFor(() => received.length >= 60);
    first.disconnect();
    const lastPosition = received[received.length - 1]!.position;
    await new Promise((resolve) => setTimeout(resolve, 100)); // appends go on while it is away

    const second = connect(token);
    collect(second, received);
    await new Promise<void>((resolve) => second.on('connect', () => resolve()));
    second.emit('subscribe', { fromPosition: lastPosition });
    appending = false;
    await appender;
    await waitFor(() => received.length > 0 && received[received.length - 1]!.position === written[written.length - 1]);
    second.disconnect();

    const positions = received.map((event) => BigInt(event.position));
    for (let i = 1; i < positions.length; i += 1) expect(positions[i]! > positions[i - 1]!).toBe(true);
    const all = await store.readAll({ maxCount: 100_000 });
    const expected = all.events.filter((event) => event.streamId.startsWith('dtask-live-')).map((event) => event.position);
    expect(received.map((event) => event.position)).toEqual(expected);
  }, 30_000);

  it('shows a partner only the handoffs to its own service, and no one personal data', async () => {
    await appendTaskEvent('handoff-1', 'DTaskReceived', { taskId: 'handoff-1', patient: { personId: '010101-1234', ageYears: 80 }, callbackPhone: '+358401112223', address: 'Kotikatu 1' });
    await appendTaskEvent('handoff-1', 'RedirectRequested', { target: 'oulu-home-care', targetKind: 'home-care', handoffNote: 'Maija', patientInformed: true });
    const last = await appendTaskEvent('handoff-2', 'RedirectRequested', { target: 'oulu-primary-care', targetKind: 'primary-care', handoffNote: 'x', patientInformed: true });

    const partnerEvents: LiveEvent[] = [];
    const partner = connect(await testApp.tokenFor('partner', 'hc-1', 'oulu-home-care'));
    collect(partner, partnerEvents);
    const nurseEvents: LiveEvent[] = [];
    const nurse = connect(await testApp.tokenFor('nurse'));
    collect(nurse, nurseEvents);
    await Promise.all([partner, nurse].map((socket) => new Promise<void>((resolve) => socket.on('connect', () => resolve()))));
    partner.emit('subscribe', {});
    nurse.emit('subscribe', {});
    await waitFor(() => nurseEvents.some((event) => event.position === last.position));
    await new Promise((resolve) => setTimeout(resolve, 50));
    partner.disconnect();
    nurse.disconnect();

    expect(partnerEvents.map((event) => [event.type, event.data.target])).toEqual([['RedirectRequested', 'oulu-home-care']]);
    const everything = JSON.stringify(nurseEvents);
    for (const secret of ['010101-1234', '+358401112223', 'Kotikatu', 'Maija']) expect(everything).not.toContain(secret);
  }, 20_000);
});

describe('live load for supervisors', () => {
  it('sends supervisors load snapshots as the queue changes, and nurses none', async () => {
    const supervisor = connect(await testApp.tokenFor('supervisor', 'super-live'));
    const nurse = connect(await testApp.tokenFor('nurse', 'nurse-live'));
    const loads: { queueLength: number }[] = [];
    let nurseLoads = 0;
    supervisor.on('load', (load: { queueLength: number }) => loads.push(load));
    nurse.on('load', () => (nurseLoads += 1));
    await Promise.all([supervisor, nurse].map((socket) => new Promise<void>((resolve) => socket.on('connect', () => resolve()))));
    const before = loads.length;
    const erc = await testApp.tokenFor('erc', 'erc-live');
    const response = await testApp.http.post('/api/d-tasks').set('Authorization', `Bearer ${erc}`).send({
      ercTaskId: `live-load-${Date.now()}`, receivedAt: new Date().toISOString(), taskCode: '745', urgency: 'D',
      municipality: 'Oulu', address: 'Isokatu 1', patient: { ageYears: 70 }, callbackPhone: '+358401234567',
    });
    expect(response.status).toBe(201);
    await waitFor(() => loads.length > before && loads[loads.length - 1]!.queueLength >= 1, 5_000);
    supervisor.disconnect();
    nurse.disconnect();
    expect(nurseLoads).toBe(0);
  }, 15_000);
});
