import { fold } from './decider';
import { evolve } from './evolve';
import { flagsOf } from './flags';
import { initialState, TimedEvent } from './state';
import { assessedTask, at, awaitingHandoff, awaitingVisit, e, pendingFollowUp, T0, TASK_ID } from '../testing/fixtures';

/** Each event's effect on what the API and the queue read from a task. */
const after = (...events: TimedEvent[]) => fold(events);
const released: TimedEvent = { type: 'DTaskReleased', data: { nurseId: 'nurse-1' }, at: at(2) };
const declined: TimedEvent = { type: 'HandoffDeclined', data: { target: 'oulu-home-care', partnerId: 'p1', reason: 'full' }, at: at(10) };
const timedOut: TimedEvent = { type: 'HandoffTimedOut', data: { target: 'oulu-home-care', deadline: at(38) }, at: at(38) };

describe('evolve: receipt and hold', () => {
  it('starts before any event at revision -1, not existing, with no flag', () => {
    expect(initialState).toMatchObject({ revision: -1, exists: false, status: 'waiting', urgency: 'D' });
    expect(flagsOf(initialState)).toEqual([]);
  });
  it('ignores what comes before the intake: no fact is a task’s until it is received', () => {
    expect(after(e.claimed(1), e.unit('nurse-decision', 2))).toEqual({ ...initialState, revision: 1 });
  });
  it('DTaskReceived: waiting, with what the queue shows', () => {
    expect(after(e.received())).toMatchObject({
      revision: 0, exists: true, taskId: TASK_ID, status: 'waiting', receivedAt: T0, urgency: 'D', taskCode: '745',
      area: 'Oulu-Hailuoto', municipality: 'Oulu', ageYears: 84,
    });
  });
  it('DTaskClaimed: one owner, since the claim', () => {
    expect(after(e.received(), e.claimed())).toMatchObject({ status: 'claimed', owner: 'nurse-1', claimedAt: at(1), revision: 1 });
  });
  it('DTaskReleased: no owner, no claim time', () => {
    expect(after(e.received(), e.claimed(), released)).toMatchObject({ status: 'waiting', owner: undefined, claimedAt: undefined });
  });
  it('DTaskClaimed again by another nurse: held from the new claim', () => {
    expect(after(e.received(), e.claimed(), released, e.claimed(4, 'nurse-2'))).toMatchObject({ owner: 'nurse-2', claimedAt: at(4) });
  });
  it.each([
    ['phone advice', () => after(...assessedTask(), e.advised())],
    ['a redirect', () => after(...assessedTask(), e.redirected())],
    ['a unit', () => after(...assessedTask(), e.unit())],
    ['a closure', () => after(e.received(), e.claimed(), e.closed('cancelled', 2))],
  ])('%s ends the hold: no owner, no claim time', (_, decided) => {
    expect(decided()).toMatchObject({ owner: undefined, claimedAt: undefined });
  });
});

describe('evolve: contact and assessment', () => {
  it('CallbackAttempted: counts failures until contact, and keeps the first contact time', () => {
    const state = after(e.received(), e.claimed(), e.callback('busy', 1, 2), e.callback('reached', 2, 4), e.callback('no-answer', 3, 6));
    expect(state).toMatchObject({ callbackAttempts: 3, failedAttempts: 2, firstFailedAt: at(2), contactAt: at(4) });
  });
  it('AssessmentRecorded: red flags and concern accumulate', () => {
    const state = after(...assessedTask(['chest-pain']), e.assessed(['chest-pain', 'new-confusion'], true, 6));
    expect(state).toMatchObject({ assessed: true, redFlags: ['chest-pain', 'new-confusion'], concern: true });
    expect(flagsOf(state)).toEqual(['red-flags']);
  });
  it('UrgencyEscalated and UnitRequested: escalated, decided, no owner', () => {
    const state = after(...assessedTask(['chest-pain']), e.escalated('B'), e.unit('escalation', 6, 'B'));
    expect(state).toMatchObject({ escalated: true, urgency: 'B', status: 'decided', owner: undefined, decision: { kind: 'send-unit' }, unitRequested: { reason: 'escalation', at: at(6) } });
    expect(flagsOf(state)).toEqual(['red-flags', 'escalated']);
  });
  it('UnitRequested: keeps the first reason, flags an unreachable patient', () => {
    const state = after(e.received(), e.claimed(), e.callback('no-answer', 1), e.unit('unreachable', 3), e.unit('waiting-limit', 60));
    expect(state.unitRequested).toEqual({ reason: 'unreachable', at: at(3) });
    expect(flagsOf(state)).toEqual(['unreachable']);
  });
});

describe('evolve: follow-up calls', () => {
  it('PhoneAdviceGiven and FollowUpScheduled: decided with a follow-up pending', () => {
    const state = after(...pendingFollowUp());
    expect(state).toMatchObject({ status: 'decided', owner: undefined, decision: { kind: 'phone-advice', at: at(8) }, followUp: { dueAt: at(60), failedAttempts: 0 } });
    expect(flagsOf(state)).toEqual(['follow-up-pending']);
  });
  it('FollowUpCompleted unanswered: counts the failed call', () => {
    expect(after(...pendingFollowUp(), e.claimed(61), e.followUpFailed(62)).followUp).toEqual({ dueAt: at(60), failedAttempts: 1 });
  });
  it('FollowUpCompleted reached: the follow-up and the hold end, decided until its closure', () => {
    const reached: TimedEvent = { type: 'FollowUpCompleted', data: { outcome: 'reached', attempt: 1 }, at: at(62) };
    expect(after(...pendingFollowUp(), e.claimed(61), reached)).toMatchObject({ followUp: undefined, owner: undefined, status: 'decided' });
  });
});

describe('evolve: handoffs', () => {
  it('RedirectRequested: awaiting the handoff until its deadline', () => {
    expect(after(...awaitingHandoff())).toMatchObject({
      status: 'awaiting-handoff', owner: undefined, decision: { kind: 'redirect' }, handoff: { target: 'oulu-home-care', deadline: at(38) },
    });
  });
  it.each([['HandoffDeclined', declined], ['HandoffTimedOut', timedOut]])('%s: back to the queue, undecided, flagged', (_, returned) => {
    const state = after(...awaitingHandoff(), returned);
    expect(state).toMatchObject({ status: 'waiting', handoff: undefined, decision: undefined, handoffReturned: true, contactAt: at(2) });
    expect(flagsOf(state)).toEqual(['handoff-returned']);
  });
  it('a returned handoff decided again, as a unit too: no longer flagged or first in the queue', () => {
    const returned = after(...awaitingHandoff(), declined, e.claimed(11));
    expect(fold([e.unit('nurse-decision', 12)], returned).handoffReturned).toBe(false);
    expect(fold([e.advised(undefined, 12)], returned).handoffReturned).toBe(false);
  });
  it('a v1 HandoffAccepted (no visitBy): no handoff open any more, decided as redirect until its closure', () => {
    expect(after(...assessedTask(), e.redirected(), e.accepted())).toMatchObject({ handoff: undefined, visit: undefined, status: 'decided', decision: { kind: 'redirect' } });
  });
  it('a v1 HandoffAccepted then DTaskClosed: closed as redirect, as it always was', () => {
    expect(after(...assessedTask(), e.redirected(), e.accepted(), e.closed('redirect', 10))).toMatchObject({ status: 'closed', closedOutcome: 'redirect', visit: undefined });
  });
  it('HandoffAccepted with visitBy: awaiting the visit, the handoff answered', () => {
    expect(after(...awaitingVisit())).toMatchObject({
      status: 'awaiting-visit', handoff: undefined, decision: { kind: 'redirect' },
      visit: { target: 'oulu-home-care', partnerId: 'partner-oulu-home-care', acceptedAt: at(10), visitBy: at(1450) },
    });
  });
  it('HandoffCompleted then DTaskClosed: closed as redirect, no visit awaited', () => {
    const completed: TimedEvent = { type: 'HandoffCompleted', data: { target: 'oulu-home-care', partnerId: 'p', visitedAt: at(200) }, at: at(210) };
    expect(after(...awaitingVisit(), completed)).toMatchObject({ status: 'decided', visit: undefined });
    expect(after(...awaitingVisit(), completed, e.closed('redirect', 210))).toMatchObject({ status: 'closed', closedOutcome: 'redirect', visit: undefined });
  });
  it.each<[string, TimedEvent]>([
    ['HandoffFailed', { type: 'HandoffFailed', data: { target: 'oulu-home-care', partnerId: 'p', reason: 'not at home' }, at: at(300) }],
    ['HandoffVisitOverdue', { type: 'HandoffVisitOverdue', data: { target: 'oulu-home-care', visitBy: at(1450) }, at: at(1450) }],
  ])('%s: back to the top of the queue, undecided, flagged as a returned handoff', (_, returned) => {
    const state = after(...awaitingVisit(), returned);
    expect(state).toMatchObject({ status: 'waiting', visit: undefined, decision: undefined, handoffReturned: true });
    expect(flagsOf(state)).toEqual(['handoff-returned']);
  });
});

describe('evolve: safety flags', () => {
  it('WaitingLimitReached alert: flags the task', () => {
    expect(flagsOf(after(e.received(), e.alerted()))).toEqual(['s2-alert']);
  });
  it('WaitingLimitReached alert: the flag ends with contact', () => {
    expect(flagsOf(after(e.received(), e.alerted(), e.claimed(21), e.callback('reached', 1, 22)))).toEqual([]);
  });
  it('WaitingLimitReached dispatch: no alert flag', () => {
    expect(after(e.received(), { type: 'WaitingLimitReached', data: { level: 'dispatch', waitedMinutes: 60 }, at: at(60) }).s2Alerted).toBe(false);
  });
  it('SecondContactFlagged and OverrideGranted: flagged, then overridden', () => {
    const state = after(e.received(), e.secondContact(), e.overridden(3));
    expect(state).toMatchObject({ secondContact: true, overrides: ['S4-second-contact'] });
    expect(flagsOf(state)).toEqual(['second-contact']);
  });
});

describe('evolve: what changes nothing, closure, purity', () => {
  it.each<[string, TimedEvent]>([
    ['DTaskCancelled', { type: 'DTaskCancelled', data: { reason: 'r' }, at: at(1) }],
    ['MissionUpdated', { type: 'MissionUpdated', data: { stage: 'on-scene', unitId: 'U1' }, at: at(1) }],
  ])('%s changes nothing but the revision', (_, event) => {
    const received = after(e.received());
    expect(evolve(received, event)).toEqual({ ...received, revision: 1 });
  });
  it('DTaskClosed: closed with its outcome, held by no one', () => {
    expect(after(e.received(), e.claimed(), e.closed('cancelled', 2))).toMatchObject({ status: 'closed', closedOutcome: 'cancelled', owner: undefined });
  });
  it('never mutates the state it is given', () => {
    const state = Object.freeze(after(e.received()));
    expect(() => evolve(state, e.claimed())).not.toThrow();
    expect(state.owner).toBeUndefined();
  });
});
