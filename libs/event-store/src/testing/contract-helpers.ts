import { EventStore, EventToAppend, RecordedEvent } from '../port';

export interface ContractHarness {
  /** A store to test; on a shared server the suite keeps to its own unique streams. */
  open(): Promise<EventStore>;
  /** Environment for a child process to open the same store through `openEventStore`. */
  childEnv(): Record<string, string>;
  cleanup(): Promise<void>;
  /**
   * The store refuses an event id already stored in another stream. SQLite can (a unique index);
   * EventStoreDB cannot look events up by id, so there the guarantee is per stream.
   */
  detectsIdsAcrossStreams?: boolean;
  /** False where the store cannot be opened from a child process (the in-process stand-in client). */
  opensInChildProcess?: boolean;
}

export const uniqueStream = (name: string) => `${name}-${globalThis.crypto.randomUUID()}`;

export function contractEvents(count: number, type = 'ContractTested', start = 0): EventToAppend[] {
  return Array.from({ length: count }, (_, i) => {
    const eventId = globalThis.crypto.randomUUID();
    return { eventId, type, data: { n: start + i, text: 'ä€😀' }, metadata: { eventId, note: 'contract' } };
  });
}

/** The events of `streams` in `$all` after a position, read in batches to the end. */
export async function readAllOf(store: EventStore, streams: Set<string>, fromPosition?: string): Promise<RecordedEvent[]> {
  const found: RecordedEvent[] = [];
  let position = fromPosition;
  for (;;) {
    const batch = await store.readAll({ fromPosition: position, maxCount: 500 });
    found.push(...batch.events.filter((event) => streams.has(event.streamId)));
    position = batch.lastPosition;
    if (batch.isEnd) return found;
  }
}
