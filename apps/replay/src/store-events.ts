import { fromRecorded } from '@dtask/events';
import { EventStore, readAllEvents } from '@dtask/event-store';
import { FoldEvent } from '@dtask/read-models';

/** `$all` from the start, upcast to current schemas: what every fold takes. */
export async function* allEvents(store: EventStore): AsyncIterable<FoldEvent> {
  for await (const event of readAllEvents(store)) yield fromRecorded(event) as unknown as FoldEvent;
}
