import { EventMetadata, upcastEvent } from '@dtask/events';
import { TimedEvent } from './state';

/** A stored event as the decider folds it: upcast to its current schema, timed by `occurredAt`. */
export function toTimedEvent(type: string, data: unknown, metadata: Pick<EventMetadata, 'occurredAt' | 'schemaVersion'>): TimedEvent {
  return { type, data: upcastEvent(type, data, metadata.schemaVersion ?? 1), at: metadata.occurredAt } as TimedEvent;
}
