import { fold } from './dtask/decider';
import { TimedEvent } from './dtask/state';
import { isFollowUpDue, isRecallDue, queuePriority } from './priority';
import { at, e } from './testing/fixtures';

type Intake = Parameters<typeof e.received>[1];
/** A task the ERC received at `minute`: the queue clock starts at the ERC's receipt. */
const receivedAt = (minute: number, overrides: Intake = {}) => e.received(minute, { receivedAt: at(minute), ...overrides });
const task = (overrides: Intake = {}, ...later: TimedEvent[]) => fold([receivedAt(0, overrides), ...later]);
const aged = (ageYears?: number) => ({ patient: ageYears === undefined ? {} : { ageYears } });
const now = at(30);

/** Names the tasks in queue order: highest priority first. */
const order = (tasks: Record<string, ReturnType<typeof task>>) =>
  Object.entries(tasks).sort(([, a], [, b]) => queuePriority(b, now) - queuePriority(a, now)).map(([name]) => name);

describe('queue priority (higher is sooner)', () => {
  it('serves the longer wait first, all else equal', () => {
    expect(order({ recent: fold([receivedAt(20, aged(50))]), older: task(aged(50)) })).toEqual(['older', 'recent']);
  });

  it('raises the very old above the old above the rest', () => {
    expect(order({ sixty: task(aged(60)), seventySix: task(aged(76)), ninety: task(aged(90)) })).toEqual(['ninety', 'seventySix', 'sixty']);
    expect(queuePriority(task(aged(85)), now)).toBeGreaterThan(queuePriority(task(aged(84)), now));
    expect(queuePriority(task(aged(75)), now)).toBeGreaterThan(queuePriority(task(aged(74)), now));
    expect(queuePriority(task(aged(74)), now)).toBe(queuePriority(task(aged()), now));
  });

  it('weighs the task code by the configured risk map', () => {
    const fall = task({ ...aged(50), taskCode: '703' });
    const other = task({ ...aged(50), taskCode: '794' });
    expect(queuePriority(fall, now)).toBeGreaterThan(queuePriority(other, now));
    expect(queuePriority(fall, now, { '794': 50 })).toBeLessThan(queuePriority(other, now, { '794': 50 }));
    expect(queuePriority(task({ ...aged(50), taskCode: '999' }), now)).toBe(queuePriority(other, now));
  });

  it('puts a second contact and an S2 alert ahead of a plain task that waited as long', () => {
    const plain = task(aged(50));
    const secondContact = task(aged(50), e.secondContact(0));
    const alerted = task(aged(50), { type: 'WaitingLimitReached', data: { level: 'alert', waitedMinutes: 20 }, at: at(20) });
    expect(queuePriority(secondContact, now)).toBeGreaterThan(queuePriority(plain, now));
    expect(queuePriority(alerted, now)).toBeGreaterThan(queuePriority(plain, now));
  });

  it('puts a task past the S2 alert limit ahead of every waiting task without one, second contacts included', () => {
    const alerted = task(aged(50), { type: 'WaitingLimitReached', data: { level: 'alert', waitedMinutes: 20 }, at: at(20) });
    // Waiting 4 minutes, 95 years old, breathing difficulty, and a second contact.
    const frailSecondContact = fold([receivedAt(26, { patient: { ageYears: 95 }, taskCode: '703' }), e.secondContact(26)]);
    expect(queuePriority(alerted, now)).toBeGreaterThan(queuePriority(frailSecondContact, now));
  });

  it('puts a returned handoff at the top, above any wait, age or flag', () => {
    const returned = fold([
      receivedAt(25, aged(20)), e.claimed(26), e.callback('reached', 1, 26), e.assessed([], false, 27), e.redirected('oulu-home-care', 28),
      { type: 'HandoffDeclined', data: { target: 'oulu-home-care', partnerId: 'p1', reason: 'full' }, at: at(29) },
    ]);
    const worst = fold([receivedAt(-180, aged(95)), e.secondContact(-180), { type: 'WaitingLimitReached', data: { level: 'alert', waitedMinutes: 20 }, at: at(-160) }]);
    expect(order({ worst, returned })).toEqual(['returned', 'worst']);
  });

  it('raises a follow-up once it is due, not before', () => {
    const followUp = (dueAt: string) => task(aged(50), e.claimed(), e.callback('reached', 1), e.assessed(), e.advised(dueAt), e.followUpScheduled(dueAt));
    const due = followUp(at(20));
    const later = followUp(at(120));
    expect(isFollowUpDue(due, now)).toBe(true);
    expect(isFollowUpDue(later, now)).toBe(false);
    expect(queuePriority(due, now)).toBeGreaterThan(queuePriority(later, now));
  });

  it('puts a repeat call first of all, above a returned handoff that waited longer', () => {
    const declined: TimedEvent = { type: 'HandoffDeclined', data: { target: 'oulu-home-care', partnerId: 'p1', reason: 'full' }, at: at(9) };
    const returned = task(aged(95), e.claimed(), e.callback('reached', 1), e.assessed(), e.redirected('oulu-home-care', 8), declined);
    const repeat = fold([receivedAt(25, aged(20)), e.ercUpdate({ kind: 'repeat-call' }, 28)]);
    expect(order({ returned, repeat })).toEqual(['repeat', 'returned']);
  });

  it('raises a recall once it is due, not before, and more so under an S8 alert', () => {
    const unit = [e.claimed(), e.callback('reached', 1), e.assessed(), e.unit('nurse-decision', 8)];
    const due = task(aged(50), ...unit, e.recall(20));
    const later = task(aged(50), ...unit, e.recall(40));
    const overdue = task(aged(50), ...unit, e.recall(20), { type: 'UnitOverdue', data: { requestedAt: at(8), minutesWaited: 120 }, at: at(28) });
    expect([isRecallDue(due, now), isRecallDue(later, now)]).toEqual([true, false]);
    expect(order({ later, overdue, due })).toEqual(['overdue', 'due', 'later']);
  });

  it('gives no priority to a task that was never received', () => {
    expect(queuePriority(fold([]), now)).toBe(0);
  });
});
