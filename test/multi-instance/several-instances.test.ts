import { io } from 'socket.io-client';
import { api, Session } from '../../apps/console/src/api';
import { intakeBody } from '../support/dtask-api';
import { SERVED_BY } from '../../bench/round-robin-proxy';
import { Balanced, call, startBalanced, tokenFor } from './support/instances';
import { until } from './support/wait';

jest.setTimeout(120_000);

/**
 * Three dispatch-api processes on one embedded store file behind a round-robin proxy: each
 * follows `$all` itself, as instances on a cluster do, and consecutive requests of one client
 * land on different instances.
 */
describe('three instances behind a round-robin balancer', () => {
  let balanced: Balanced;
  let url: string;
  const tokens = { erc: '', nurse: '', supervisor: '' };

  beforeAll(async () => {
    balanced = await startBalanced(3);
    url = balanced.url;
    tokens.erc = await tokenFor(url, 'erc', 'erica');
    tokens.nurse = await tokenFor(url, 'nurse', 'nurse-anna');
    tokens.supervisor = await tokenFor(url, 'supervisor', 'super-sari');
  });
  afterAll(() => balanced?.close());

  const intake = async () => {
    const answer = await call(url, tokens.erc, 'POST', '/api/d-tasks', { body: intakeBody() });
    expect(answer.status).toBe(201);
    return answer.body.taskId as string;
  };

  it("shows a nurse's claim in her next query, on another instance, when the query carries the position her claim answered", async () => {
    for (let round = 0; round < 10; round += 1) {
      const taskId = await intake();
      const claim = await call(url, tokens.nurse, 'POST', `/api/d-tasks/${taskId}/claim`, { body: {} });
      expect(claim.status).toBe(200);
      const position = claim.headers.get('x-event-position')!;
      expect(position).toMatch(/^[1-9]\d*$/);
      const queue = await call(url, tokens.nurse, 'GET', '/api/d-tasks?status=claimed', { position });
      expect(queue.status).toBe(200);
      expect(queue.headers.get(SERVED_BY)).not.toBe(claim.headers.get(SERVED_BY));
      expect((queue.body.tasks as { taskId: string }[]).map((task) => task.taskId)).toContain(taskId);
      // The query says where its read models stood: at least where the claim was written.
      expect(BigInt(queue.headers.get('x-event-position')!)).toBeGreaterThanOrEqual(BigInt(position));
    }
  });

  it("has the console send the greatest position it was answered, so the nurse's next read on another instance holds her claim", async () => {
    const session: Session = { token: tokens.nurse, sub: 'nurse-anna', role: 'nurse' };
    const browserFetch = globalThis.fetch;
    // The console's relative paths, sent to the balancer as the browser would send them to its origin.
    globalThis.fetch = ((path: string, init?: RequestInit) => browserFetch(path.startsWith('/') ? `${url}${path}` : path, init)) as typeof fetch;
    try {
      for (let round = 0; round < 5; round += 1) {
        const taskId = await intake();
        await api(session, 'POST', `/api/d-tasks/${taskId}/claim`, {});
        const queue = await api<{ tasks: { taskId: string }[] }>(session, 'GET', '/api/d-tasks?status=claimed');
        expect(queue.tasks.map((task) => task.taskId)).toContain(taskId);
      }
    } finally {
      globalThis.fetch = browserFetch;
    }
  });

  it('keeps the live channel gap-free and without repeats while a client moves from instance to instance', async () => {
    let writing = true;
    const writer = (async () => {
      while (writing) {
        const taskId = await intake();
        await call(url, tokens.nurse, 'POST', `/api/d-tasks/${taskId}/claim`, { body: {} });
      }
    })();
    const received: string[] = [];
    const servedBy: number[] = [];
    let from: string | undefined;
    try {
      for (let session = 0; session < 6; session += 1) {
        const socket = io(`${url}/live`, { auth: { token: tokens.supervisor }, transports: ['websocket'], reconnection: false, forceNew: true });
        await new Promise<void>((resolve, reject) => {
          socket.once('connect', () => resolve());
          socket.once('connect_error', reject);
        });
        servedBy.push(balanced.proxy.upgrades[balanced.proxy.upgrades.length - 1]!);
        socket.on('event', (event: { position: string }) => received.push(event.position));
        socket.emit('subscribe', from === undefined ? {} : { fromPosition: from });
        const enough = received.length + 12;
        await until(() => received.length >= enough, `session ${session} to receive 12 events`);
        socket.close();
        from = received[received.length - 1];
      }
    } finally {
      writing = false;
      await writer;
    }
    // Each session on the next instance in turn.
    expect(new Set(servedBy.slice(0, 3)).size).toBe(3);
    // Exactly the store's task events up to the last one received, in order: none missing, none twice.
    const last = BigInt(received[received.length - 1]!);
    const stored: string[] = [];
    const { store } = balanced;
    for (let batch = await store.readAll({ maxCount: 1000 }); ; batch = await store.readAll({ fromPosition: batch.lastPosition, maxCount: 1000 })) {
      for (const event of batch.events) if (event.streamId.startsWith('dtask-') && BigInt(event.position) <= last) stored.push(event.position);
      if (batch.isEnd) break;
    }
    expect(received).toEqual(stored);
  });
});
