import { fromRecorded } from '@dtask/events';
import { EventStore } from '@dtask/event-store';
import { FoldEvent } from '@dtask/read-models';

const BATCH = 5000;

/** `$all` from the start, in batches, upcast to current schemas: what every fold takes. */
export async function* allEvents(store: EventStore): AsyncIterable<FoldEvent> {
  let position: string | undefined;
  for (;;) {
    const batch = await store.readAll({ fromPosition: position, maxCount: BATCH });
    for (const event of batch.events) yield fromRecorded(event) as unknown as FoldEvent;
    position = batch.lastPosition;
    if (batch.isEnd) return;
  }
}
