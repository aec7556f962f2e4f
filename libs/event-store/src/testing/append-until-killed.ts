/**
 * Child process of the crash test. Each round it has two appends of 1–3 events in flight (so group
 * commit batches them, as in production) and prints `ack <streamId> <eventId,…>` only after an
 * append has resolved. The parent kills it with SIGKILL mid-stream.
 */
import { openEventStore } from '../open-event-store';

async function main(): Promise<void> {
  const store = await openEventStore({
    eventStoreUrl: process.env.EVENTSTORE_URL,
    dataDir: process.env.DTASK_TEST_DATA_DIR ?? '',
    synchronous: 'FULL',
  });
  const prefix = process.env.DTASK_TEST_STREAM_PREFIX ?? 'crash';
  for (let round = 0; ; round += 1) {
    await Promise.all(
      [0, 1].map(async (lane) => {
        const streamId = `${prefix}-${lane}-${round % 4}`;
        const size = 1 + ((round + lane) % 3);
        const events = Array.from({ length: size }, (_, index) => {
          const eventId = globalThis.crypto.randomUUID();
          return { eventId, type: 'CrashTestEvent', data: { round, index, size }, metadata: { eventId } };
        });
        await store.append(streamId, events, { expectedRevision: 'any' });
        process.stdout.write(`ack ${streamId} ${events.map((event) => event.eventId).join(',')}\n`);
      }),
    );
  }
}

void main();
