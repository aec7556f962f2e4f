import { EventToAppend, ExpectedRevision, RecordedEvent } from '../port';

/** How far a conflicting append looks for its own events: far enough for any retry of a task's command. */
export const RETRY_WINDOW = 256;

export type RetryVerdict =
  | { kind: 'replay'; last: RecordedEvent }
  | { kind: 'overlap'; eventId: string }
  | { kind: 'conflict' };

/**
 * Where a conflicting append's events would be if it is a retry of one that already succeeded: right
 * after the revision it expected. With `any` nothing pins them, so the tail is searched. Undefined
 * when they cannot be stored (the stream is not as long as the expectation).
 */
export function retryReadStart(expected: ExpectedRevision, actual: number): number | undefined {
  const start = expected === 'no-stream' ? 0 : expected === 'any' ? Math.max(0, actual - RETRY_WINDOW + 1) : expected + 1;
  return actual < 0 || start > actual ? undefined : start;
}

/**
 * A retried append (every event id stored, contiguously and in order) is acknowledged with the
 * original result; some ids stored is a different append reusing them; none is a real conflict.
 * EventStoreDB returns event ids in lower case, whatever case they were written in.
 */
export function judgeRetry(events: EventToAppend[], stored: RecordedEvent[]): RetryVerdict {
  const byId = new Map(stored.map((event) => [event.eventId.toLowerCase(), event]));
  const found = events.map((event) => byId.get(event.eventId.toLowerCase()));
  const firstFound = found.findIndex((event) => event !== undefined);
  if (firstFound === -1) return { kind: 'conflict' };
  const first = found[0];
  const whole = first !== undefined && found.every((event, i) => event !== undefined && event.revision === first.revision + i);
  if (whole) return { kind: 'replay', last: found[found.length - 1]! };
  return { kind: 'overlap', eventId: events[firstFound]!.eventId };
}
