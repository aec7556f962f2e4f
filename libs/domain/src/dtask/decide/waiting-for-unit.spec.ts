import { DEFAULT_SAFETY_RULES } from '../../safety-rules';
import { specification } from '../../testing/specification';
import { assessedTask, at, e, erc, n1, n2, part, system, waitingForUnit, waitingRecall } from '../../testing/fixtures';
import { flagsOf } from '../flags';

const spec = specification();
/** Nurse 2 holds the D unit's task for its first recall (due at minute 38, the unit requested at 8). */
const inHand = (minute = 37) => [...waitingForUnit(), e.claimed(minute, 'nurse-2')];
const record = (minute: number, outcome: 'reached' | 'no-answer', condition?: 'same' | 'worse', recallId = 'waiting-for-unit-1') =>
  ({ type: 'RecordRecall' as const, at: at(minute), actor: n2, recallId, outcome, ...(condition ? { condition } : {}) });
const overdue = (minute: number) => ({ type: 'MarkUnitOverdue' as const, at: at(minute), actor: system });

describe('S8: a D unit’s request brings a welfare recall one interval later', () => {
  it('given an assessed task, when the nurse sends a D unit, then S8 watches its wait from the request', () => {
    const state = spec(assessedTask()).when({ type: 'Decide', at: at(8), actor: n1, decision: { kind: 'send-unit', unitLevel: 'basic', urgency: 'D' } })
      .then([{ type: 'UnitRequested' }, waitingRecall(38)]);
    expect(state.unitWait).toEqual({ requestedAt: at(8), overdue: false, recallsFailed: false });
  });
  it('given an assessed task, when the nurse sends a C unit, then there is no S8 recall', () => {
    spec(assessedTask()).when({ type: 'Decide', at: at(8), actor: n1, decision: { kind: 'send-unit', unitLevel: 'basic', urgency: 'C' } }).then([{ type: 'UnitRequested' }]);
  });
  it('given a red flag, when the nurse escalates to B, then there is no S8 recall', () => {
    spec(assessedTask(['chest-pain'])).when({ type: 'Escalate', at: at(6), actor: n1, urgency: 'B', reason: 'chest pain' }).then([{ type: 'UrgencyEscalated' }, { type: 'UnitRequested' }]);
  });
  it('given recalls every 15 minutes, when the waiting limit sends a unit at 60, then the recall is due at 75', () => {
    specification({ ...DEFAULT_SAFETY_RULES, s8RecallMinutes: 15 })([e.received()]).when({ type: 'ReachWaitingLimit', at: at(60), actor: system })
      .then([{ type: 'WaitingLimitReached' }, { type: 'UnitRequested' }, waitingRecall(75)]);
  });
});

describe('S8: a reached recall, and the next one while the unit is not on scene', () => {
  it('given the first recall due at 38, when the patient is reached at 40 and the same, then the next is due at 68', () => {
    spec(inHand()).when(record(40, 'reached', 'same')).then([part('RecallCompleted', { condition: 'same' }), waitingRecall(68, 2)]);
  });
  it('given the first recall made late, at 75, when the patient is reached, then the next keeps to the grid: 98', () => {
    spec(inHand(74)).when(record(75, 'reached', 'same')).then([{ type: 'RecallCompleted' }, waitingRecall(98, 2)]);
  });
  it('given the first recall, when the patient is worse, then the task is escalated to C and the recalls go on', () => {
    const state = spec(inHand()).when(record(40, 'reached', 'worse'))
      .then([{ type: 'RecallCompleted' }, part('UrgencyEscalated', { from: 'D', to: 'C', trigger: 'nurse' }), part('UnitRequested', { urgency: 'C', reason: 'escalation' }), waitingRecall(68, 2)]);
    expect(state).toMatchObject({ urgency: 'C', escalated: true, unitRequested: { reason: 'nurse-decision', at: at(8) } });
  });
  it('given another waiting recall still due, when one is reached, then no further one is added', () => {
    spec([...inHand(), e.recall(45, 20, 'waiting-for-unit-2')]).when(record(40, 'reached', 'same')).then([{ type: 'RecallCompleted' }]);
  });
});

describe('S8: a recall that fails twice alerts the supervisor and raises the request to C', () => {
  it('given a due recall, when the first call fails, then it stays due', () => {
    const state = spec(inHand()).when(record(40, 'no-answer')).then([part('RecallCompleted', { outcome: 'no-answer', attempt: 1 })]);
    expect(state.recalls[0]).toMatchObject({ failedAttempts: 1, done: undefined });
  });
  it('given one failed call, when the second fails, then the request is raised from D to C, and the recall stays due', () => {
    const state = spec([...inHand(), e.recallDone('no-answer', 1, 40)]).when(record(45, 'no-answer'))
      .then([part('RecallCompleted', { attempt: 2 }), { type: 'UnitUrgencyRaised', data: { from: 'D', to: 'C', reason: 'recalls-failed', recallId: 'waiting-for-unit-1' } }]);
    expect(state).toMatchObject({ urgency: 'C', unitWait: { recallsFailed: true } });
    expect(state.recalls[0]).toMatchObject({ failedAttempts: 2, done: undefined });
    expect(flagsOf(state)).toContain('recalls-failed');
  });
  it('given the request already raised, when a third call fails, then it is not raised again', () => {
    const raised = { type: 'UnitUrgencyRaised' as const, data: { from: 'D' as const, to: 'C' as const, reason: 'recalls-failed' as const, recallId: 'waiting-for-unit-1' }, at: at(45) };
    spec([...inHand(), e.recallDone('no-answer', 1, 40), e.recallDone('no-answer', 2, 45), raised]).when(record(50, 'no-answer')).then([{ type: 'RecallCompleted' }]);
  });
  it('given one failed attempt allowed, when the first call fails, then the request is raised at once', () => {
    specification({ ...DEFAULT_SAFETY_RULES, s8RecallFailedAttempts: 1 })(inHand()).when(record(40, 'no-answer')).then([{ type: 'RecallCompleted' }, { type: 'UnitUrgencyRaised' }]);
  });
});

describe('S8: the unit on scene ends the wait', () => {
  it('given a D unit with a recall due, when the unit is reported on scene, then the recall and the S8 flags end', () => {
    const state = spec([...waitingForUnit(), { type: 'UnitOverdue', data: { requestedAt: at(8), minutesWaited: 120 }, at: at(128) }])
      .when({ type: 'UpdateMission', at: at(130), actor: erc, stage: 'on-scene', unitId: 'OU-1' }).then([{ type: 'MissionUpdated' }]);
    expect(state).toMatchObject({ unitWait: undefined, unitOnSceneAt: at(130) });
    expect(state.recalls[0]!.done).toBe('unit-on-scene');
    expect(flagsOf(state, at(130))).toEqual([]);
  });
  it('given a D unit only assigned, when the mission says so, then the recall stays due', () => {
    const state = spec(waitingForUnit()).when({ type: 'UpdateMission', at: at(12), actor: erc, stage: 'unit-assigned', unitId: 'OU-1' }).then([{ type: 'MissionUpdated' }]);
    expect(flagsOf(state, at(38))).toEqual(['recall-due']);
  });
});

describe('S8: a D unit not on scene 120 minutes after the request alerts the supervisor, once', () => {
  it('given a D unit requested at 8, when the scheduler fires at 127, then it is not due', () => {
    spec(waitingForUnit()).when(overdue(127)).thenRejects('not-due');
  });
  it('given a D unit requested at 8, when the scheduler fires at 128, then the unit is overdue', () => {
    const state = spec(waitingForUnit()).when(overdue(128)).then([{ type: 'UnitOverdue', data: { requestedAt: at(8), minutesWaited: 120 } }]);
    expect(flagsOf(state)).toEqual(['unit-overdue']);
  });
  it('given the unit already marked overdue, when the scheduler fires again, then it is not due', () => {
    spec([...waitingForUnit(), { type: 'UnitOverdue', data: { requestedAt: at(8), minutesWaited: 120 }, at: at(128) }]).when(overdue(140)).thenRejects('not-due');
  });
  it('given a D unit, when a nurse marks it overdue, then only the system may', () => {
    spec(waitingForUnit()).when({ ...overdue(130), actor: n1 }).thenRejects('system-only');
  });
  it('given the unit on scene, when the scheduler fires, then it is not due', () => {
    spec([...waitingForUnit(), e.mission('on-scene', 60)]).when(overdue(130)).thenRejects('not-due');
  });
  it('given a stream from before S8 (a D unit, no recall), when the scheduler fires, then S8 does not watch it', () => {
    spec([...assessedTask(), e.unit('nurse-decision', 8)]).when(overdue(130)).thenRejects('not-due');
  });
  it('given a 60-minute limit, when the scheduler fires at 68, then the unit is overdue', () => {
    specification({ ...DEFAULT_SAFETY_RULES, s8UnitOverdueMinutes: 60 })(waitingForUnit()).when(overdue(68)).then([{ type: 'UnitOverdue', data: { requestedAt: at(8), minutesWaited: 60 } }]);
  });
});
