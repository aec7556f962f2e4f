import { SqliteEventStore } from '@dtask/event-store';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppConfig } from '../config/app-config';
import { AllStreamFollower } from './projection-host';

const STORED = 3_000;

describe('AllStreamFollower catching up at start', () => {
  let dir: string;
  let store: SqliteEventStore;
  let follower: AllStreamFollower;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'dtask-follower-'));
    store = new SqliteEventStore({ fileName: join(dir, 'events.db'), synchronous: 'NORMAL' });
    for (let stream = 0; stream < STORED / 100; stream += 1) {
      const events = Array.from({ length: 100 }, () => ({ eventId: globalThis.crypto.randomUUID(), type: 'Tested', data: { stream }, metadata: {} }));
      await store.append(`test-${stream}`, events, { expectedRevision: 'no-stream' });
    }
    follower = new AllStreamFollower(store, { DATA_DIR: dir, PSEUDONYM_KEY: 'k'.repeat(32) } as AppConfig);
  });
  afterEach(async () => {
    await follower.onApplicationShutdown();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('lets the event loop turn between batches, so listeners that gather work for the next turn hold a batch, not the store', async () => {
    let gathered = 0;
    let mostGathered = 0;
    let flushScheduled = false;
    // As the live channel gathers frames: the gathered events go out at the next turn of the loop.
    follower.register(() => {
      gathered += 1;
      mostGathered = Math.max(mostGathered, gathered);
      if (!flushScheduled) {
        flushScheduled = true;
        setImmediate(() => ((gathered = 0), (flushScheduled = false)));
      }
    }, 'stateless');

    await follower.onApplicationBootstrap();

    expect(follower.position).toBe(String(STORED));
    expect(mostGathered).toBeLessThanOrEqual(512);
  });

  it('keeps none of the start-up catch-up in memory: a client from before the head reads the store, one at the head follows live', async () => {
    follower.register(() => undefined, 'stateless');
    await follower.onApplicationBootstrap();

    expect(follower.recentAfter(undefined)).toBeUndefined();
    expect(follower.recentAfter(String(STORED - 10))).toBeUndefined();
    expect(follower.recentAfter(String(STORED))).toEqual([]);

    const next = { eventId: globalThis.crypto.randomUUID(), type: 'Tested', data: {}, metadata: {} };
    const written = await store.append('test-live', [next], { expectedRevision: 'no-stream' });
    await follower.waitFor(written.position);
    expect(follower.recentAfter(String(STORED))!.map((event) => event.eventId)).toEqual([next.eventId]);
  });
});
