import { fold } from './decider';
import { flagsOf } from './flags';
import { withoutPersonalData } from './personal-data';
import { TimedEvent } from './state';
import { assessedTask, at, e, pendingFollowUp, waitingForUnit } from '../testing/fixtures';
import { stageProblem } from '../testing/stage-guarantees';

const after = (...events: TimedEvent[]) => fold(events);

describe('evolve: streams written before v1.1 fold as they did', () => {
  it('a v1 follow-up (FollowUpScheduled, a failed FollowUpCompleted): the same follow-up, flags and stage, and the recall “follow-up” beside them', () => {
    const state = after(...pendingFollowUp(), e.claimed(61), e.followUpFailed(62), { type: 'DTaskReleased', data: { nurseId: 'nurse-1' }, at: at(63) });
    expect(state).toMatchObject({ status: 'decided', owner: undefined, decision: { kind: 'phone-advice', at: at(8) }, followUp: { dueAt: at(60), failedAttempts: 1 } });
    expect(flagsOf(state, at(63))).toEqual(['follow-up-pending']);
    expect(state.recalls).toEqual([{ recallId: 'follow-up', reason: 'follow-up', dueAt: at(60), attempts: 1, failedAttempts: 1, done: undefined }]);
  });
  it('a v1 follow-up reached: no follow-up, the recall done', () => {
    const state = after(...pendingFollowUp(), e.claimed(61), { type: 'FollowUpCompleted', data: { outcome: 'reached', attempt: 1 }, at: at(62) });
    expect(state).toMatchObject({ status: 'decided', followUp: undefined });
    expect(state.recalls[0]!.done).toBe('reached');
  });
  it('a v1 D unit without a recall: no S8 watch, no new flag', () => {
    const state = after(...assessedTask(), e.unit('nurse-decision', 8));
    expect(state).toMatchObject({ unitWait: undefined, recalls: [], repeatCalls: undefined, linkedTaskIds: [], identityUnverified: false });
    expect(flagsOf(state, at(200))).toEqual([]);
  });
  it('a unit requested after a pending v1 follow-up ends it, the recall with it', () => {
    const state = after(...pendingFollowUp(), e.unit('unreachable', 70));
    expect(state.followUp).toBeUndefined();
    expect(state.recalls[0]!.done).toBe('unit-requested');
  });
});

describe('evolve: recalls', () => {
  it('RecallScheduled for a D unit: the recall due, and S8 watching from the request', () => {
    const state = after(...waitingForUnit());
    expect(state.recalls).toEqual([{ recallId: 'waiting-for-unit-1', reason: 'waiting-for-unit', dueAt: at(38), attempts: 0, failedAttempts: 0, done: undefined }]);
    expect(state.unitWait).toEqual({ requestedAt: at(8), overdue: false, recallsFailed: false });
    expect([flagsOf(state, at(37)), flagsOf(state, at(38))]).toEqual([[], ['recall-due']]);
  });
  it('RecallCompleted: counts attempts and failures; reached, it is done', () => {
    expect(after(...waitingForUnit(), e.recallDone('busy', 1, 40)).recalls[0]).toMatchObject({ attempts: 1, failedAttempts: 1, done: undefined });
    expect(after(...waitingForUnit(), e.recallDone('busy', 1, 40), e.recallDone('reached', 2, 42)).recalls[0]).toMatchObject({ attempts: 2, failedAttempts: 1, done: 'reached' });
  });
  it('RecallCompleted reached: clinical contact, if the task had none yet', () => {
    const asked = [e.received(), e.claimed(), e.recall(15, 2, 'nurse-1', 'nurse')];
    expect(after(...asked, e.recallDone('reached', 1, 16, 'nurse-1')).contactAt).toBe(at(16));
    expect(after(...asked, e.recallDone('busy', 1, 16, 'nurse-1')).contactAt).toBeUndefined();
  });
  it('a nurse’s recall survives the unit’s arrival; the waiting ones end with it', () => {
    const state = after(...waitingForUnit(), e.recall(50, 9, 'nurse-2', 'nurse'), e.mission('on-scene', 30));
    expect(state.recalls.map((recall) => recall.done)).toEqual(['unit-on-scene', undefined]);
  });
  it('DTaskClosed: every pending recall ends with the task', () => {
    const state = after(...waitingForUnit(), e.closed('cancelled', 20));
    expect(state).toMatchObject({ unitWait: undefined, recalls: [{ done: 'task-closed' }] });
  });
  it('UnitUrgencyRaised and UnitOverdue: the urgency raised, the S8 alerts flagged', () => {
    const raised: TimedEvent = { type: 'UnitUrgencyRaised', data: { from: 'D', to: 'C', reason: 'recalls-failed', recallId: 'waiting-for-unit-1' }, at: at(50) };
    const overdue: TimedEvent = { type: 'UnitOverdue', data: { requestedAt: at(8), minutesWaited: 120 }, at: at(128) };
    const state = after(...waitingForUnit(), raised, overdue);
    expect(state).toMatchObject({ urgency: 'C', escalated: false, unitWait: { overdue: true, recallsFailed: true } });
    expect(flagsOf(state)).toEqual(['unit-overdue', 'recalls-failed']);
  });
});

describe('evolve: the world around the task', () => {
  it('UnitAttachedByField: decided as sent a unit by the field commander, the hold ended', () => {
    const state = after(e.received(), e.claimed(), { type: 'UnitAttachedByField', data: { unitId: 'OU-131' }, at: at(5) });
    expect(state).toMatchObject({ status: 'decided', owner: undefined, decision: { kind: 'send-unit', at: at(5) }, unitRequested: { reason: 'field-commander', at: at(5) } });
  });
  it('DuplicateOpenFlagged: the other task linked once', () => {
    const link: TimedEvent = { type: 'DuplicateOpenFlagged', data: { openTaskId: '7d2e3f4e-3a1d-4e8b-9c2f-7d6e5a4b3c21' }, at: at(0) };
    expect(after(e.received(), link, link).linkedTaskIds).toEqual(['7d2e3f4e-3a1d-4e8b-9c2f-7d6e5a4b3c21']);
  });
  it('ErcUpdateReceived: the last update kept, the changed number too; every state keeps one shape', () => {
    const state = after(e.received(), e.ercUpdate({ kind: 'new-information', callbackPhone: '+358409876543' }), e.ercUpdate({ kind: 'repeat-call' }, 4));
    expect(state).toMatchObject({ callbackPhone: '+358409876543', address: undefined, repeatCalls: { count: 1, lastAt: at(4) }, lastErcUpdate: { at: at(4), data: { kind: 'repeat-call' } } });
    expect(stageProblem(state)).toBeUndefined();
  });
  it('withoutPersonalData: the ERC’s number, address and last update blanked, in the same shape', () => {
    const state = after(e.received(), e.ercUpdate({ kind: 'new-information', callbackPhone: '+358409876543', address: 'Kirkkokatu 5' }));
    const blank = withoutPersonalData(state);
    expect(blank).toMatchObject({ callbackPhone: undefined, address: undefined, lastErcUpdate: undefined, taskId: state.taskId });
    expect(stageProblem(blank)).toBeUndefined();
    const plain = after(e.received());
    expect(withoutPersonalData(plain)).toBe(plain);
  });
});
