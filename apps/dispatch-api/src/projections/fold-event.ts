import { RecordedEvent } from '@dtask/event-store';
import { readStoredEvent } from '@dtask/events';
import { FoldEvent } from '@dtask/read-models';

/**
 * A stored event as the read models fold it: through the read boundary, at its current schema
 * version. The service's store already applies the boundary to every event it reads, so this
 * costs a look-up and no copy; it keeps a fold right on a store opened without it.
 */
export function toFoldEvent(event: RecordedEvent): FoldEvent {
  return readStoredEvent(event) as unknown as FoldEvent;
}
