import { EventStore, RecordedEvent } from './port';

const BATCH = 5000;

/**
 * `$all` from a position to the head as it stands when each batch is read, in batches: one batch
 * in memory at a time, and no promise per event. Between batches it yields to the event loop, so a
 * long replay inside the service leaves room for the requests of people at work.
 */
export async function* readAllBatches(store: EventStore, options: { fromPosition?: string; batchSize?: number } = {}): AsyncIterable<RecordedEvent[]> {
  let position = options.fromPosition;
  for (;;) {
    const batch = await store.readAll({ fromPosition: position, maxCount: options.batchSize ?? BATCH });
    if (batch.events.length > 0) yield batch.events;
    position = batch.lastPosition;
    if (batch.isEnd) return;
    await new Promise((resolve) => setImmediate(resolve));
  }
}
