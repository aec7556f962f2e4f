import { charts } from './charts';
import { measure } from './load-reduction';
import { TaskFacts } from './task-facts';
import { taskFacts } from '../testing/task-facts.testing';

const MINUTE = 60_000;
const options = { assumedMissionMinutes: 75 };

/** A task's facts, received at `receivedAt`, contacted `contactMinutes` later if given. */
function task(id: string, receivedAt: string, facts: Partial<TaskFacts> & { contactMinutes?: number } = {}): TaskFacts {
  const { contactMinutes, ...rest } = facts;
  const receivedAtMs = Date.parse(receivedAt);
  return taskFacts(id, receivedAt, { ...(contactMinutes === undefined ? {} : { firstContactMs: receivedAtMs + contactMinutes * MINUTE }), ...rest });
}

describe('analysts’ charts', () => {
  // Window from 15 January to 10 March 2025, Helsinki time (UTC+2 throughout).
  const window = { fromMs: Date.parse('2025-01-15T00:00:00+02:00'), toMs: Date.parse('2025-03-10T00:00:00+02:00') };
  const tasks = [
    task('a', '2025-01-14T23:00:00Z', { decision: 'phone-advice', closedOutcome: 'phone-advice', contactMinutes: 5 }), // 15 Jan 01:00 local
    task('b', '2025-01-14T21:00:00Z', { decision: 'phone-advice', closedOutcome: 'phone-advice', contactMinutes: 1 }), // 14 Jan 23:00: before the window
    task('c', '2025-01-31T22:30:00Z', { decision: 'redirect', redirectKind: 'home-care', closedOutcome: 'redirect', visitCompleted: true, contactMinutes: 299 / 60 }), // 1 Feb 00:30 local
    task('d', '2025-02-10T10:00:00Z', { decision: 'send-unit', unitRequested: true, autoDispatch: 'unreachable', repeatCalls: 2, unitMinutes: 50 }),
    task('e', '2025-02-12T10:00:00Z', { decision: 'send-unit', unitRequested: true, escalated: true, contactMinutes: 150, fieldCommanderUnit: true }),
    task('f', '2025-02-20T10:00:00Z', { cancelled: true, closedOutcome: 'cancelled' }),
    // Advice with a follow-up still pending: decided, not yet resolved.
    task('g', '2025-02-21T10:00:00Z', {
      decision: 'phone-advice', secondContactWithin24h: true, secondContactWithin72h: true, contactMinutes: 20, careLevel: 'self-care', consults: 1, interpreter: true,
      recalls: [{ recallId: 'follow-up', reason: 'follow-up', dueAtMs: Date.parse('2025-02-21T12:00:00Z'), endedAtMs: Date.parse('2025-02-21T12:05:00Z'), reached: true, worse: true }],
    }),
    // A redirect not (yet) accepted, received at 23:59 local on 9 March.
    task('h', '2025-03-09T21:59:00Z', { decision: 'redirect', redirectKind: 'mental-health', secondContactWithin72h: true, recontactWithin72h: true, contactMinutes: 60 }),
    task('i', '2025-03-09T22:00:00Z', { decision: 'phone-advice', closedOutcome: 'phone-advice', contactMinutes: 1 }), // 10 March 00:00: the window's end is exclusive
  ];
  const result = charts(tasks, window, options);

  it('counts each Helsinki month with the definitions of measure()', () => {
    expect(result.monthly).toMatchObject([
      {
        month: '2025-01', tasks: 1, unitRequested: 0, phoneAdvice: 1, redirect: 0, redirectByKind: {}, escalated: 0, autoDispatch: 0,
        resolvedWithoutUnit: 1, cumulativeResolvedWithoutUnit: 1,
        referenceCumulative: 69.9, // 1,500 × 17 / 365 days
        secondContactRate24h: 0, secondContactRate72h: 0,
        recontactRate24h: 0, recontactRate72h: 0, repeatCalls: 0, recallsDue: 0, recallsWorse: 0, fieldCommanderUnits: 0,
      },
      {
        month: '2025-02', tasks: 5, unitRequested: 2, phoneAdvice: 1, redirect: 1, redirectByKind: { 'home-care': 1 }, escalated: 1, autoDispatch: 1,
        resolvedWithoutUnit: 1, cumulativeResolvedWithoutUnit: 2,
        referenceCumulative: 184.9, // 1,500 × 45 / 365
        secondContactRate24h: 0.25, secondContactRate72h: 0.25, // g, of 4 tasks not cancelled
        recontactRate24h: 0, recontactRate72h: 0, repeatCalls: 2, recallsDue: 1, recallsWorse: 1, fieldCommanderUnits: 1,
      },
      {
        month: '2025-03', tasks: 1, unitRequested: 0, phoneAdvice: 0, redirect: 1, redirectByKind: { 'mental-health': 1 }, escalated: 0, autoDispatch: 0,
        resolvedWithoutUnit: 0, cumulativeResolvedWithoutUnit: 2,
        referenceCumulative: 221.9, // 1,500 × 54 / 365: to the window's end, not the month's
        secondContactRate24h: 0, secondContactRate72h: 1,
        recontactRate24h: 0, recontactRate72h: 1, repeatCalls: 0, recallsDue: 0, recallsWorse: 0, fieldCommanderUnits: 0,
      },
    ]);
  });

  it('gives each month issue 14’s measures as the report does', () => {
    const none = { 'self-care': 0, 'primary-care': 0, 'emergency-department': 0, 'social-care': 0, other: 0 };
    // February: of c (5 min), d (never reached), e (150 min) and g (20 min), c and g within 30 min; d's S1 unit took 50 min.
    expect(result.monthly.map((m) => [m.month, m.withinTargetShare, m.unitMinutesMedian, m.consults, m.interpreter, m.careLevel, m.overTriageShare, m.failedVisits])).toEqual([
      ['2025-01', 1, null, 0, 0, none, 0, 0],
      ['2025-02', 0.5, 50, 1, 1, { ...none, 'self-care': 1 }, 0, 0],
      ['2025-03', 0, null, 0, 0, none, 0, 0],
    ]);
  });

  it('buckets the time to first contact, with the report’s median and p90', () => {
    // Contacts after 299 s (c), 300 s (a), 20 min (g), 60 min (h), 150 min (e).
    expect(result.timeToContact.buckets.map((b) => [b.fromMinutes, b.toMinutes, b.count])).toEqual([
      [0, 5, 1], [5, 10, 1], [10, 15, 0], [15, 20, 0], [20, 30, 1], [30, 45, 0], [45, 60, 0], [60, 90, 1], [90, 120, 0], [120, null, 1],
    ]);
    expect(result.timeToContact).toMatchObject({ count: 5, medianSeconds: 1200, p90Seconds: 9000 });
  });

  it('adds up to the report over the same window', () => {
    const inWindow = tasks.filter((t) => t.receivedAtMs >= window.fromMs && t.receivedAtMs < window.toMs);
    const total = measure(inWindow, { ...options, windowDays: 54 });
    const sum = (key: 'tasks' | 'unitRequested' | 'phoneAdvice' | 'resolvedWithoutUnit' | 'escalated') => result.monthly.reduce((n, m) => n + m[key], 0);
    expect([sum('tasks'), sum('unitRequested'), sum('phoneAdvice'), sum('resolvedWithoutUnit'), sum('escalated')]).toEqual([
      total.tasks, total.unitRequested, total.phoneAdvice, total.resolvedWithoutUnit, total.escalated,
    ]);
    expect(result.timeToContact).toMatchObject(total.timeToContact);
  });

  it('follows summer time at the month boundary and in the reference', () => {
    const spring = { fromMs: Date.parse('2025-03-01T00:00:00+02:00'), toMs: Date.parse('2025-05-01T00:00:00+03:00') };
    const result = charts([task('late-march', '2025-03-31T20:30:00Z'), task('first-april', '2025-03-31T21:30:00Z')], spring, options);
    expect(result.monthly.map((m) => [m.month, m.tasks, m.referenceCumulative])).toEqual([
      ['2025-03', 1, 127.2], // 1,500 × (31 days − 1 hour) / 365 days
      ['2025-04', 1, 250.5], // 1,500 × (61 days − 1 hour) / 365 days
    ]);
  });

  it('answers an empty window with no months and no contacts', () => {
    const empty = charts(tasks, { fromMs: window.toMs, toMs: window.toMs }, options);
    expect(empty.monthly).toEqual([]);
    expect(empty.timeToContact).toMatchObject({ count: 0, medianSeconds: null, p90Seconds: null });
  });
});
