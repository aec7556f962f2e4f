import { EventStore, openEventStore } from '@dtask/event-store';
import { existsSync, rmSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { io, Socket } from 'socket.io-client';
import { EVENT_STORE } from '../apps/dispatch-api/src/event-store/event-store.module';
import { startTestApp, TestApp } from './support/test-app';

interface LiveEvent {
  position: string;
  streamId: string;
}

const STREAM_PREFIX = 'dtask-restart-';

async function listen(app: TestApp): Promise<string> {
  await app.app.listen(0, '127.0.0.1');
  return `http://127.0.0.1:${(app.app.getHttpServer().address() as AddressInfo).port}`;
}

function connect(baseUrl: string, token: string, into: LiveEvent[]): Promise<Socket> {
  const socket = io(`${baseUrl}/live`, { auth: { token }, transports: ['websocket'], reconnection: false, forceNew: true });
  socket.on('event', (event: LiveEvent) => into.push(event));
  return new Promise((resolve, reject) => {
    socket.on('connect', () => resolve(socket));
    socket.on('connect_error', reject);
  });
}

/** `count` task events appended straight to the store, as another writer (or this service) would. */
async function append(store: EventStore, count: number, label: string): Promise<string> {
  let position = '';
  for (let i = 0; i < count; i += 1) {
    const eventId = globalThis.crypto.randomUUID();
    const metadata = { eventId, correlationId: eventId, causationId: eventId, actor: { id: 'test', role: 'system' }, occurredAt: new Date().toISOString(), schemaVersion: 1 };
    const data = { outcome: 'no-answer', attempt: i, label };
    position = (await store.append(`${STREAM_PREFIX}${i % 5}`, [{ eventId, type: 'CallbackAttempted', data, metadata }], { expectedRevision: 'any' })).position;
  }
  return position;
}

const waitFor = async (condition: () => boolean, timeoutMs = 10_000) => {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};

describe('a live client across a graceful restart of the service', () => {
  it('gets every event it missed, exactly once, when it comes back with its last position', async () => {
    const first = await startTestApp();
    const dataDir = first.dataDir;
    try {
      const firstUrl = await listen(first);
      const before: LiveEvent[] = [];
      const socket = await connect(firstUrl, await first.tokenFor('supervisor'), before);
      socket.emit('subscribe', {});
      const seen = await append(first.app.get(EVENT_STORE), 20, 'seen');
      await waitFor(() => before.some((event) => event.position === seen));
      socket.disconnect();
      const lastPosition = before[before.length - 1]!.position;
      expect(lastPosition).toBe(seen);

      // Missed while away: folded by this instance, so they lie before its snapshot at shutdown.
      await append(first.app.get(EVENT_STORE), 30, 'before the restart');
      await first.stop();
      expect(existsSync(join(dataDir, 'read-models', 'snapshot.json'))).toBe(true);

      // Written by another writer while the service is down.
      const offline = await openEventStore({ dataDir });
      await append(offline, 10, 'while down');
      await offline.close();

      const second = await startTestApp({}, dataDir);
      try {
        const secondUrl = await listen(second);
        const store = second.app.get<symbol, EventStore>(EVENT_STORE);
        await append(store, 10, 'after the restart');
        const after: LiveEvent[] = [];
        const back = await connect(secondUrl, await second.tokenFor('supervisor'), after);
        back.emit('subscribe', { fromPosition: lastPosition });
        const last = await append(store, 10, 'while catching up');
        await waitFor(() => after.some((event) => event.position === last));
        await new Promise((resolve) => setTimeout(resolve, 100)); // nothing more, nothing twice, arrives late
        back.disconnect();

        const all = await store.readAll({ fromPosition: lastPosition, maxCount: 10_000 });
        const expected = all.events.filter((event) => event.streamId.startsWith(STREAM_PREFIX)).map((event) => event.position);
        expect(expected).toHaveLength(60);
        expect(after.filter((event) => event.streamId.startsWith(STREAM_PREFIX)).map((event) => event.position)).toEqual(expected);
      } finally {
        await second.stop();
      }
    } finally {
      await first.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});
