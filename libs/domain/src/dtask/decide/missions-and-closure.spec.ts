import { specification } from '../../testing/specification';
import { assessedTask, at, e, erc, n1, n2, pendingFollowUp, supervisor, waitingForUnit, waitingRecall } from '../../testing/fixtures';

const spec = specification();
const unitSent = () => [...assessedTask(), e.unit()];

describe('unit missions', () => {
  it('given a unit sent, when the ERC reports it on scene, then the mission is updated', () => {
    spec(unitSent()).when({ type: 'UpdateMission', at: at(30), actor: erc, stage: 'on-scene', unitId: 'OU-121' }).then([{ type: 'MissionUpdated' }]);
  });
  it('given a unit sent, when the ERC reports it assigned, then the mission is updated with the unit', () => {
    spec(unitSent()).when({ type: 'UpdateMission', at: at(12), actor: erc, stage: 'unit-assigned', unitId: 'OU-121' })
      .then([{ type: 'MissionUpdated', data: { stage: 'unit-assigned', unitId: 'OU-121' } }]);
  });
  it('given a unit sent, when the mission completes without conveyance, then the task closes as a unit mission', () => {
    spec(unitSent()).when({ type: 'UpdateMission', at: at(90), actor: erc, stage: 'completed', unitId: 'OU-121', conveyed: false, xCode: 'X-5' })
      .then([{ type: 'MissionUpdated', data: { stage: 'completed', unitId: 'OU-121', conveyed: false, xCode: 'X-5' } }, { type: 'DTaskClosed', data: { outcome: 'unit-mission' } }]);
  });
  it('given an escalated task’s unit, when its mission completes, then the task closes as escalated', () => {
    spec([...assessedTask(['chest-pain']), e.escalated('B'), e.unit('escalation', 6, 'B')])
      .when({ type: 'UpdateMission', at: at(90), actor: supervisor, stage: 'completed', unitId: 'OU-1' })
      .then([{ type: 'MissionUpdated' }, { type: 'DTaskClosed', data: { outcome: 'escalated' } }]);
  });
  it('given no unit requested, when a mission is reported, then there is no unit', () => {
    spec(assessedTask()).when({ type: 'UpdateMission', at: at(30), actor: supervisor, stage: 'unit-assigned', unitId: 'OU-1' }).thenRejects('no-unit-requested');
  });
});

describe('closure: never without contact unless a unit was sent (S1)', () => {
  it('given no contact and no unit, when the nurse closes, then it cannot close without contact', () => {
    spec([e.received(), e.claimed()]).when({ type: 'Close', at: at(5), actor: n1 }).thenRejects('close-without-contact');
  });
  it('given an unreachable patient’s unit, when the nurse closes, then it closes as a unit mission', () => {
    spec([e.received(), e.claimed(), e.callback('no-answer', 1), e.unit('unreachable', 3)]).when({ type: 'Close', at: at(5), actor: n1 })
      .then([{ type: 'DTaskClosed', data: { outcome: 'unit-mission' } }]);
  });
  it('given an assessed task not yet decided, when the nurse closes, then it needs a decision', () => {
    spec(assessedTask()).when({ type: 'Close', at: at(9), actor: n1 }).thenRejects('not-decided');
  });
});

describe('closing a task whose follow-up call is pending (it cancels the safety-net call)', () => {
  it('given no one holds it, when the nurse who gave the advice closes it, then she must claim it first', () => {
    spec(pendingFollowUp()).when({ type: 'Close', at: at(62), actor: n1 }).thenRejects('not-claimed');
  });
  it('given no one holds it, when a nurse who never claimed it closes it, then she must claim it first', () => {
    spec(pendingFollowUp()).when({ type: 'Close', at: at(62), actor: n2 }).thenRejects('not-claimed');
  });
  it('given nurse 1 holds it, when nurse 2 closes it, then she is not the owner', () => {
    spec([...pendingFollowUp(), e.claimed(61, 'nurse-1')]).when({ type: 'Close', at: at(62), actor: n2 }).thenRejects('not-owner');
  });
  it('given nurse 1 holds it, when she closes it, then it closes as phone advice', () => {
    spec([...pendingFollowUp(), e.claimed(61)]).when({ type: 'Close', at: at(62), actor: n1 }).then([{ type: 'DTaskClosed', data: { outcome: 'phone-advice' } }]);
  });
  it('given nurse 2 holds it, when she closes it, then it closes as phone advice', () => {
    spec([...pendingFollowUp(), e.claimed(61, 'nurse-2')]).when({ type: 'Close', at: at(62), actor: n2 }).then([{ type: 'DTaskClosed', data: { outcome: 'phone-advice' } }]);
  });
  it('given no one holds it, when a supervisor closes it, then it closes as phone advice', () => {
    spec(pendingFollowUp()).when({ type: 'Close', at: at(62), actor: supervisor }).then([{ type: 'DTaskClosed', data: { outcome: 'phone-advice' } }]);
  });
});

describe('a unit the field commander attached', () => {
  const attach = (stage: 'unit-assigned' | 'on-scene' | 'completed', minute = 12) =>
    ({ type: 'UpdateMission' as const, at: at(minute), actor: erc, stage, unitId: 'OU-131', requestedBy: 'field-commander' as const });
  it('given a task nobody claimed, when the field commander attaches a unit, then it is decided as his unit with S8’s first recall', () => {
    const state = spec([e.received()]).when(attach('unit-assigned'))
      .then([{ type: 'UnitAttachedByField', data: { unitId: 'OU-131' } }, waitingRecall(42), { type: 'MissionUpdated', data: { stage: 'unit-assigned', unitId: 'OU-131' } }]);
    expect(state).toMatchObject({ status: 'decided', decision: { kind: 'send-unit' }, unitRequested: { reason: 'field-commander', at: at(12) } });
  });
  it('given a task a nurse holds, when the field commander attaches a unit, then her hold ends: the unit decided it', () => {
    const state = spec([e.received(), e.claimed(), e.callback('reached', 1)]).when(attach('unit-assigned')).then([{ type: 'UnitAttachedByField' }, { type: 'RecallScheduled' }, { type: 'MissionUpdated' }]);
    expect(state).toMatchObject({ status: 'decided', owner: undefined });
  });
  it('given a field commander’s unit, when the nurse then gives advice, then the task is already decided', () => {
    spec([e.received(), e.claimed(), e.callback('reached', 1), e.assessed(), { type: 'UnitAttachedByField', data: { unitId: 'OU-131' }, at: at(6) }, e.claimed(7)])
      .when({ type: 'Decide', at: at(8), actor: n1, decision: { kind: 'phone-advice', advice: 'a', safetyNet: 's', patientInformed: true } }).thenRejects('already-decided');
  });
  it('given a task nobody claimed, when the field commander’s unit is reported on scene at once, then no recall is scheduled', () => {
    spec([e.received()]).when(attach('on-scene')).then([{ type: 'UnitAttachedByField' }, { type: 'MissionUpdated' }]);
  });
  it('given a task nobody claimed, when the field commander’s unit is reported completed, then it closes as a unit mission, never without one', () => {
    spec([e.received()]).when(attach('completed', 50)).then([{ type: 'UnitAttachedByField' }, { type: 'MissionUpdated' }, { type: 'DTaskClosed', data: { outcome: 'unit-mission' } }]);
  });
  it('given a unit we requested, when the field commander reports its mission, then it is the mission only', () => {
    spec(waitingForUnit()).when(attach('unit-assigned', 15)).then([{ type: 'MissionUpdated' }]);
  });
  it('given a closed task, when the field commander attaches a unit, then the task is closed', () => {
    spec([e.received(), e.closed('cancelled', 2)]).when(attach('unit-assigned')).thenRejects('task-closed');
  });
});

describe('closure while the patient waits for a D unit (S8)', () => {
  it('given a D unit not on scene, when the nurse closes the task, then it waits for the unit', () => {
    spec([...waitingForUnit(), e.claimed(9)]).when({ type: 'Close', at: at(10), actor: n1 }).thenRejects('unit-not-on-scene');
  });
  it('given a D unit not on scene, when a supervisor closes the task, then it waits for the unit too', () => {
    spec(waitingForUnit()).when({ type: 'Close', at: at(10), actor: supervisor }).thenRejects('unit-not-on-scene');
  });
  it('given the D unit on scene, when a supervisor closes the task, then it closes as a unit mission', () => {
    spec([...waitingForUnit(), e.mission('on-scene', 30)]).when({ type: 'Close', at: at(31), actor: supervisor }).then([{ type: 'DTaskClosed', data: { outcome: 'unit-mission' } }]);
  });
  it('given a D unit not on scene, when its mission completes, then the task closes as today', () => {
    spec(waitingForUnit()).when({ type: 'UpdateMission', at: at(60), actor: erc, stage: 'completed', unitId: 'OU-1' })
      .then([{ type: 'MissionUpdated' }, { type: 'DTaskClosed', data: { outcome: 'unit-mission' } }]);
  });
});
