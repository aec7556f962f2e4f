import { specification } from '../../testing/specification';
import { assessedTask, at, e, n1, n2, pendingFollowUp, part, supervisor, waitingForUnit } from '../../testing/fixtures';

const spec = specification();
const schedule = (dueMinute: number, minute = 6, extra: { recallId?: string; reason?: 'nurse' | 'follow-up' | 'waiting-for-unit' } = {}) =>
  ({ type: 'ScheduleRecall' as const, at: at(minute), actor: n1, dueAt: at(dueMinute), reason: extra.reason ?? 'nurse', ...(extra.recallId ? { recallId: extra.recallId } : {}) });
/** The patient asked to be called back in a quarter of an hour: nurse-1 holds the task, undecided. */
const nurseRecall = () => [...assessedTask(), e.recall(20, 6, 'nurse-1', 'nurse')];
const record = (outcome: 'reached' | 'no-answer' | 'busy', condition?: 'same' | 'better' | 'worse', recallId = 'nurse-1', minute = 21) =>
  ({ type: 'RecordRecall' as const, at: at(minute), actor: n1, recallId, outcome, ...(condition ? { condition } : {}) });

describe('ScheduleRecall: a recall at the nurse’s choice', () => {
  it('given a task nurse 1 holds, when she schedules a recall, then it is named and due when she said', () => {
    spec(assessedTask()).when(schedule(20)).then([{ type: 'RecallScheduled', data: { recallId: 'nurse-1', reason: 'nurse', dueAt: at(20) } }]);
  });
  it('given a follow-up already booked, when the nurse schedules another recall, then it gets the next name', () => {
    spec([...pendingFollowUp(), e.claimed(30)]).when(schedule(90, 31)).then([part('RecallScheduled', { recallId: 'nurse-2' })]);
  });
  it('given an assessed task, when the recall is set before now, then it is in the past', () => {
    spec(assessedTask()).when(schedule(5)).thenRejects('follow-up-in-the-past');
  });
  it('given an assessed task, when the recall is more than 72 hours ahead, then it is too far', () => {
    spec(assessedTask()).when(schedule(72 * 60 + 7)).thenRejects('follow-up-too-far');
  });
  it('given a task nurse 1 holds, when nurse 2 schedules a recall, then she is not the owner', () => {
    spec(assessedTask()).when({ ...schedule(20), actor: n2 }).thenRejects('not-owner');
  });
  it('given a D unit on its way, which no one holds, when a nurse schedules an extra recall, then it is scheduled', () => {
    spec(waitingForUnit()).when({ ...schedule(25, 10), actor: n2 }).then([part('RecallScheduled', { recallId: 'nurse-2', dueAt: at(25) })]);
  });
  it('given a recall scheduled, when the same one comes again, then nothing changes', () => {
    spec(nurseRecall()).when(schedule(20, 7, { recallId: 'nurse-1' })).then([]);
  });
  it('given a recall scheduled, when its id comes with another time, then it already exists', () => {
    spec(nurseRecall()).when(schedule(25, 7, { recallId: 'nurse-1' })).thenRejects('already-exists');
  });
  it('given an assessed task, when a recall is named as the advice’s follow-up, then that id is taken', () => {
    spec(assessedTask()).when(schedule(25, 7, { recallId: 'follow-up' })).thenRejects('already-exists');
  });
  it('given no unit requested, when a waiting-for-unit recall is scheduled, then there is no unit', () => {
    spec(assessedTask()).when(schedule(25, 7, { reason: 'waiting-for-unit' })).thenRejects('no-unit-requested');
  });
  it('given a closed task, when a recall is scheduled, then the task is closed', () => {
    spec([...assessedTask(), e.closed('cancelled', 6)]).when(schedule(25, 7)).thenRejects('task-closed');
  });
});

describe('RecordRecall: reached', () => {
  it('given a due recall, when the patient is reached and the same, then it is done', () => {
    const state = spec(nurseRecall()).when(record('reached', 'same'))
      .then([{ type: 'RecallCompleted', data: { recallId: 'nurse-1', outcome: 'reached', attempt: 1, condition: 'same' } }]);
    expect(state.recalls).toEqual([{ recallId: 'nurse-1', reason: 'nurse', dueAt: at(20), attempts: 1, failedAttempts: 0, done: 'reached' }]);
  });
  it('given a due recall, when the patient is reached without a condition told, then the condition is needed', () => {
    spec(nurseRecall()).when(record('reached')).thenRejects('condition-required');
  });
  it('given a due recall, when the patient is reached and worse, then the task is escalated to C with a unit', () => {
    spec(nurseRecall()).when(record('reached', 'worse')).then([
      { type: 'RecallCompleted', data: { recallId: 'nurse-1', outcome: 'reached', attempt: 1, condition: 'worse' } },
      { type: 'UrgencyEscalated', data: { from: 'D', to: 'C', reason: 'condition worse at recall nurse-1', trigger: 'nurse', redFlags: [] } },
      { type: 'UnitRequested', data: { unitLevel: 'basic', urgency: 'C', reason: 'escalation' } },
    ]);
  });
  it('given a task already at C, when a recall finds the patient worse, then it is escalated one class higher, to B', () => {
    spec([...nurseRecall(), e.escalated('C', 7), e.unit('escalation', 7, 'C'), e.recall(30, 8, 'nurse-2', 'nurse'), e.claimed(29)])
      .when(record('reached', 'worse', 'nurse-2', 31)).then([{ type: 'RecallCompleted' }, part('UrgencyEscalated', { from: 'C', to: 'B' }), part('UnitRequested', { urgency: 'B', unitLevel: 'advanced' })]);
  });
});

describe('RecordRecall: not reached', () => {
  it('given a due recall, when the call goes unanswered, then it stays due with one failed attempt', () => {
    const state = spec(nurseRecall()).when(record('no-answer', 'better')).then([{ type: 'RecallCompleted', data: { recallId: 'nurse-1', outcome: 'no-answer', attempt: 1 } }]);
    expect(state.recalls[0]).toMatchObject({ attempts: 1, failedAttempts: 1, done: undefined });
  });
  it('given one failed attempt and no unit, when the second fails, then S1 sends a unit (with S8’s recall)', () => {
    spec([...nurseRecall(), e.recallDone('busy', 1, 21, 'nurse-1')]).when(record('no-answer', undefined, 'nurse-1', 25))
      .then([part('RecallCompleted', { attempt: 2 }), { type: 'UnitRequested', data: { unitLevel: 'basic', urgency: 'D', reason: 'unreachable' } }, part('RecallScheduled', { recallId: 'waiting-for-unit-2', dueAt: at(55) })]);
  });
});

describe('RecordRecall: which recall, and who records it', () => {
  it('given no such recall, when one is recorded, then none is pending', () => {
    spec(nurseRecall()).when(record('reached', 'same', 'nurse-9')).thenRejects('no-recall-pending');
  });
  it('given a recall already reached, when it is recorded again, then none is pending', () => {
    spec([...nurseRecall(), e.recallDone('reached', 1, 21, 'nurse-1')]).when(record('reached', 'same', 'nurse-1', 22)).thenRejects('no-recall-pending');
  });
  it('given a task nurse 1 holds, when nurse 2 records its recall, then she is not the owner', () => {
    spec(nurseRecall()).when({ ...record('reached', 'same'), actor: n2 }).thenRejects('not-owner');
  });
  it('given a D unit’s recall no one holds, when a nurse records it unclaimed, then she must claim it first', () => {
    spec(waitingForUnit()).when({ ...record('reached', 'same', 'waiting-for-unit-1', 38), actor: n2 }).thenRejects('not-claimed');
  });
  it('given a D unit’s recall due, when a nurse claims the decided task, then she holds it for the recall', () => {
    spec(waitingForUnit()).when({ type: 'Claim', at: at(38), actor: n2 }).then([{ type: 'DTaskClaimed', data: { nurseId: 'nurse-2' } }]);
  });
  it('given a D unit’s recall in hand, when the nurse releases it, then it returns to the decided list', () => {
    const state = spec([...waitingForUnit(), e.claimed(38, 'nurse-2')]).when({ type: 'Release', at: at(39), actor: n2 }).then([{ type: 'DTaskReleased' }]);
    expect(state.status).toBe('decided');
  });
  it('given a D unit’s recall no one holds, when a supervisor records it, then it is recorded', () => {
    spec(waitingForUnit()).when({ ...record('no-answer', undefined, 'waiting-for-unit-1', 38), actor: supervisor }).then([{ type: 'RecallCompleted' }]);
  });
});

describe('v1’s follow-up call recorded as the recall “follow-up”', () => {
  const inHand = () => [...pendingFollowUp(), e.claimed(61)];
  it('given a follow-up in hand, when it is recorded reached and better, then it closes as advice, as /follow-up does', () => {
    spec(inHand()).when(record('reached', 'better', 'follow-up', 62))
      .then([{ type: 'FollowUpCompleted', data: { outcome: 'reached', attempt: 1 } }, { type: 'DTaskClosed', data: { outcome: 'phone-advice' } }]);
  });
  it('given a follow-up in hand, when it is recorded reached and worse, then it escalates instead of closing', () => {
    spec(inHand()).when(record('reached', 'worse', 'follow-up', 62))
      .then([part('FollowUpCompleted', { outcome: 'reached' }), part('UrgencyEscalated', { to: 'C' }), part('UnitRequested', { urgency: 'C' })]);
  });
  it('given a follow-up in hand, when it is recorded unanswered, then one failed call is counted', () => {
    const state = spec(inHand()).when(record('no-answer', undefined, 'follow-up', 62)).then([{ type: 'FollowUpCompleted', data: { outcome: 'no-answer', attempt: 1 } }]);
    expect(state.followUp?.failedAttempts).toBe(1);
    expect(state.recalls[0]).toMatchObject({ recallId: 'follow-up', failedAttempts: 1, done: undefined });
  });
  it('given a follow-up in hand, when it is recorded reached without a condition, then the condition is needed', () => {
    spec(inHand()).when(record('reached', undefined, 'follow-up', 62)).thenRejects('condition-required');
  });
});
