import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RecordedEvent } from '../port';
import { SqliteEventStore } from './sqlite-event-store';

const turns = async (count: number) => {
  for (let i = 0; i < count; i += 1) await new Promise((resolve) => setImmediate(resolve));
};

/**
 * Two stores on one file stand for two processes (two dispatch-api instances): one's commits reach
 * the other's subscribers by its poll, or at once when someone there reads the head, which a
 * strong read or a read of one's own write made on another instance does before it waits.
 */
describe('the embedded store and another process commits', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dtask-other-process-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('wakes its subscribers when the head is read after another connection committed, not at the next poll', async () => {
    const fileName = join(dir, 'events.db');
    const here = new SqliteEventStore({ fileName });
    const there = new SqliteEventStore({ fileName });
    // The poll's timer never fires: only a wake-up can deliver.
    jest.useFakeTimers({ doNotFake: ['setImmediate', 'nextTick', 'queueMicrotask'] });
    try {
      await here.headPosition();
      const subscription = here.subscribeToAll();
      const received: RecordedEvent[] = [];
      const following = (async () => {
        for await (const event of subscription) received.push(event);
      })();
      await turns(5);
      const eventId = globalThis.crypto.randomUUID();
      await there.append('written-elsewhere', [{ eventId, type: 'T', data: {}, metadata: {} }], { expectedRevision: 'no-stream' });
      await turns(5);
      expect(received).toEqual([]);
      expect(await here.headPosition()).toBe('1');
      await turns(5);
      expect(received.map((event) => event.eventId)).toEqual([eventId]);
      await subscription.close();
      await following;
    } finally {
      jest.useRealTimers();
      await here.close();
      await there.close();
    }
  });
});
