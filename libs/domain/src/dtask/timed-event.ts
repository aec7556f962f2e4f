import { EventMetadata } from '@dtask/events';
import { TimedEvent } from './state';

/**
 * A stored event as the decider folds it, timed by `occurredAt`. Its data is taken as it is: every
 * reader gets events through the read boundary (`readStoredEvent` of libs/events), which upcasts
 * them once, so there is nothing left to upcast here.
 */
export function toTimedEvent(type: string, data: unknown, metadata: Pick<EventMetadata, 'occurredAt'>): TimedEvent {
  return { type, data, at: metadata.occurredAt } as TimedEvent;
}
