import { fold } from './decider';
import { evolve } from './evolve';
import { flagsOf, initialState, TimedEvent } from './state';
import { assessedTask, at, e, T0, TASK_ID } from '../testing/fixtures';

/** Each event's effect on what the API and the queue read from a task. */
const after = (...events: TimedEvent[]) => fold(events);
const declined: TimedEvent = { type: 'HandoffDeclined', data: { target: 'oulu-home-care', partnerId: 'p1', reason: 'full' }, at: at(10) };
const timedOut: TimedEvent = { type: 'HandoffTimedOut', data: { target: 'oulu-home-care', deadline: at(38) }, at: at(38) };
const alerted: TimedEvent = { type: 'WaitingLimitReached', data: { level: 'alert', waitedMinutes: 20 }, at: at(20) };

describe('evolve', () => {
  it('starts before any event at revision -1, not existing', () => {
    expect(initialState).toMatchObject({ revision: -1, exists: false, status: 'waiting', urgency: 'D' });
    expect(flagsOf(initialState)).toEqual([]);
  });

  it('DTaskReceived: waiting, with what the queue shows', () => {
    expect(after(e.received())).toMatchObject({
      revision: 0, exists: true, taskId: TASK_ID, status: 'waiting', receivedAt: T0, urgency: 'D', taskCode: '745',
      area: 'Oulu-Hailuoto', municipality: 'Oulu', ageYears: 84,
    });
  });

  it('DTaskClaimed and DTaskReleased: one owner, then none', () => {
    expect(after(e.received(), e.claimed())).toMatchObject({ status: 'claimed', owner: 'nurse-1', claimedAt: at(1), revision: 1 });
    expect(after(e.received(), e.claimed(), { type: 'DTaskReleased', data: { nurseId: 'nurse-1' }, at: at(2) })).toMatchObject({ status: 'waiting', owner: undefined, claimedAt: undefined });
    // Claimed again by another nurse: held from the new claim.
    expect(after(e.received(), e.claimed(), { type: 'DTaskReleased', data: { nurseId: 'nurse-1' }, at: at(2) }, e.claimed(4, 'nurse-2'))).toMatchObject({ owner: 'nurse-2', claimedAt: at(4) });
  });

  it('a decision or closure ends the hold: no owner, no claim time', () => {
    for (const decided of [after(...assessedTask(), e.advised()), after(...assessedTask(), e.redirected()), after(...assessedTask(), e.unit()), after(e.received(), e.claimed(), e.closed('cancelled', 2))]) {
      expect(decided).toMatchObject({ owner: undefined, claimedAt: undefined });
    }
  });

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

  it('PhoneAdviceGiven and FollowUpScheduled: decided with a follow-up pending', () => {
    const state = after(...assessedTask(), e.advised(at(60)), e.followUpScheduled(at(60)));
    expect(state).toMatchObject({ status: 'decided', owner: undefined, decision: { kind: 'phone-advice', at: at(8) }, followUp: { dueAt: at(60), failedAttempts: 0 } });
    expect(flagsOf(state)).toEqual(['follow-up-pending']);
  });

  it('FollowUpCompleted: counts failed follow-up calls, and a reached one ends the follow-up', () => {
    const pending = [...assessedTask(), e.advised(at(60)), e.followUpScheduled(at(60)), e.claimed(61)];
    const failed: TimedEvent = { type: 'FollowUpCompleted', data: { outcome: 'no-answer', attempt: 1 }, at: at(62) };
    expect(after(...pending, failed).followUp).toEqual({ dueAt: at(60), failedAttempts: 1 });
    expect(after(...pending, { type: 'FollowUpCompleted', data: { outcome: 'reached', attempt: 1 }, at: at(62) })).toMatchObject({ followUp: undefined, owner: undefined });
  });

  it('RedirectRequested: awaiting the handoff until its deadline', () => {
    expect(after(...assessedTask(), e.redirected('oulu-home-care', 8))).toMatchObject({
      status: 'awaiting-handoff', owner: undefined, decision: { kind: 'redirect' }, handoff: { target: 'oulu-home-care', deadline: at(38) },
    });
  });

  it.each([['HandoffDeclined', declined], ['HandoffTimedOut', timedOut]])('%s: back to the queue, undecided, flagged', (_, returned) => {
    const state = after(...assessedTask(), e.redirected('oulu-home-care', 8), returned);
    expect(state).toMatchObject({ status: 'waiting', handoff: undefined, decision: undefined, handoffReturned: true, contactAt: at(2) });
    expect(flagsOf(state)).toEqual(['handoff-returned']);
  });

  it('HandoffAccepted then DTaskClosed: closed as redirect', () => {
    const accepted: TimedEvent = { type: 'HandoffAccepted', data: { target: 'oulu-home-care', partnerId: 'p1' }, at: at(10) };
    expect(after(...assessedTask(), e.redirected(), accepted).handoff).toBeUndefined();
    expect(after(...assessedTask(), e.redirected(), accepted, e.closed('redirect', 10))).toMatchObject({ status: 'closed', closedOutcome: 'redirect' });
  });

  it('WaitingLimitReached: an alert flags the task until contact or a unit', () => {
    expect(flagsOf(after(e.received(), alerted))).toEqual(['s2-alert']);
    expect(flagsOf(after(e.received(), alerted, e.claimed(21), e.callback('reached', 1, 22)))).toEqual([]);
    expect(after(e.received(), { type: 'WaitingLimitReached', data: { level: 'dispatch', waitedMinutes: 60 }, at: at(60) }).s2Alerted).toBe(false);
  });

  it('SecondContactFlagged and OverrideGranted: flagged, then overridden', () => {
    const state = after(e.received(), e.secondContact(), { type: 'OverrideGranted', data: { rule: 'S4-second-contact', reason: 'ok' }, at: at(3) });
    expect(state).toMatchObject({ secondContact: true, overrides: ['S4-second-contact'] });
    expect(flagsOf(state)).toEqual(['second-contact']);
  });

  it('DTaskCancelled and MissionUpdated change nothing but the revision; DTaskClosed closes', () => {
    const received = after(e.received());
    expect(evolve(received, { type: 'DTaskCancelled', data: { reason: 'r' }, at: at(1) })).toEqual({ ...received, revision: 1 });
    expect(evolve(received, { type: 'MissionUpdated', data: { stage: 'on-scene', unitId: 'U1' }, at: at(1) })).toEqual({ ...received, revision: 1 });
    expect(after(e.received(), e.claimed(), e.closed('cancelled', 2))).toMatchObject({ status: 'closed', closedOutcome: 'cancelled', owner: undefined });
  });

  it('never mutates the state it is given', () => {
    const state = Object.freeze(after(e.received()));
    expect(() => evolve(state, e.claimed())).not.toThrow();
    expect(state.owner).toBeUndefined();
  });
});
