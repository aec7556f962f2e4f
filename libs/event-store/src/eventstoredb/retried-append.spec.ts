import { EventToAppend, RecordedEvent } from '../port';
import { judgeRetry, RETRY_WINDOW, retryReadStart } from './retried-append';

const proposed = (count: number): EventToAppend[] =>
  Array.from({ length: count }, () => ({ eventId: globalThis.crypto.randomUUID(), type: 'T', data: {}, metadata: {} }));

const stored = (events: EventToAppend[], firstRevision: number): RecordedEvent[] =>
  events.map((event, i) => ({
    ...event,
    eventId: event.eventId.toLowerCase(),
    streamId: 's',
    revision: firstRevision + i,
    position: String(1000 + firstRevision + i),
    recordedAt: '2026-01-01T00:00:00.000Z',
  }));

describe('a conflicting append that may be a retry', () => {
  it('looks right after the revision it expected, or at the tail for any', () => {
    expect(retryReadStart('no-stream', 2)).toBe(0);
    expect(retryReadStart(3, 7)).toBe(4);
    expect(retryReadStart('any', 5)).toBe(0);
    expect(retryReadStart('any', 1000)).toBe(1000 - RETRY_WINDOW + 1);
  });

  it('does not look where its events cannot be', () => {
    expect(retryReadStart(4, -1)).toBeUndefined();
    expect(retryReadStart(7, 7)).toBeUndefined();
    expect(retryReadStart(9, 3)).toBeUndefined();
  });

  it('is a replay when every id is stored, in order and contiguous, whatever the case', () => {
    const events = proposed(3);
    const upper = events.map((event) => ({ ...event, eventId: event.eventId.toUpperCase() }));
    const verdict = judgeRetry(upper, [...stored(proposed(2), 0), ...stored(events, 2)]);
    expect(verdict).toEqual({ kind: 'replay', last: expect.objectContaining({ revision: 4, position: '1004' }) });
  });

  it('is an overlap when only some ids are stored, or not as one run', () => {
    const events = proposed(3);
    expect(judgeRetry([events[2]!, ...proposed(1)], stored(events, 0))).toEqual({ kind: 'overlap', eventId: events[2]!.eventId });
    const fresh = proposed(1)[0]!;
    expect(judgeRetry([fresh, events[1]!], stored(events, 0))).toEqual({ kind: 'overlap', eventId: events[1]!.eventId });
    expect(judgeRetry([events[0]!, events[2]!], stored(events, 0))).toMatchObject({ kind: 'overlap' });
  });

  it('is a real conflict when none of its ids is stored', () => {
    expect(judgeRetry(proposed(2), stored(proposed(3), 0))).toEqual({ kind: 'conflict' });
  });
});
