import { RecordedEvent } from '@dtask/event-store';
import { FoldEvent } from '@dtask/read-models';

/** Stored events reach the folds as they are: they were validated when written. */
export function toFoldEvent(event: RecordedEvent): FoldEvent {
  return event as unknown as FoldEvent;
}
