import { DEFAULT_SAFETY_RULES } from '../safety-rules';
import { specification } from '../testing/specification';
import { assessedTask, at, awaitingHandoff, e, erc, n1, n2, partner, pendingFollowUp, received, supervisor, system, waitingRecall } from '../testing/fixtures';

/** Who may issue which command, and the S3 guard on every way a task can close without a unit. */
const spec = specification();
const claimed = [e.received(), e.claimed()];
const assessment = { redFlags: [], concern: false, symptoms: '', existingServices: [], notes: '' };

describe('the safety policies’ commands come from the system only', () => {
  it('given a waiting task, when a supervisor reaches the waiting limit, then only the system may', () => {
    spec([e.received()]).when({ type: 'ReachWaitingLimit', at: at(60), actor: supervisor }).thenRejects('system-only');
  });
  it('given a failed callback, when a nurse dispatches for an unreachable patient, then only the system may', () => {
    spec([e.received(), e.claimed(), e.callback('no-answer', 1)]).when({ type: 'DispatchUnreachable', at: at(30), actor: n1 }).thenRejects('system-only');
  });
  it('given a redirect, when the partner times out the handoff, then only the system may', () => {
    spec(awaitingHandoff()).when({ type: 'TimeOutHandoff', at: at(60), actor: partner('oulu-home-care') }).thenRejects('system-only');
  });
  it('given no redirect, when the system times out a handoff, then no handoff is open', () => {
    spec(assessedTask()).when({ type: 'TimeOutHandoff', at: at(60), actor: system }).thenRejects('not-awaiting-handoff');
  });
});

describe('ownership binds every nurse command to the owner', () => {
  it('given nurse 1 holds the task, when nurse 2 records a callback, then she is not the owner', () => {
    spec(claimed).when({ type: 'RecordCallback', at: at(2), actor: n2, outcome: 'reached' }).thenRejects('not-owner');
  });
  it('given nurse 1 reached the patient, when nurse 2 records an assessment, then she is not the owner', () => {
    spec([...claimed, e.callback('reached', 1)]).when({ type: 'RecordAssessment', at: at(3), actor: n2, assessment }).thenRejects('not-owner');
  });
  it('given nurse 1 assessed the task, when nurse 2 escalates it, then she is not the owner', () => {
    spec(assessedTask()).when({ type: 'Escalate', at: at(6), actor: n2, urgency: 'C', reason: 'worse' }).thenRejects('not-owner');
  });
  it('given nurse 1 holds the task, when nurse 2 closes it, then she is not the owner', () => {
    spec(claimed).when({ type: 'Close', at: at(6), actor: n2 }).thenRejects('not-owner');
  });
  it('given nurse 1 holds the task, when a supervisor records a callback, then it is recorded', () => {
    spec(claimed).when({ type: 'RecordCallback', at: at(2), actor: supervisor, outcome: 'reached', notes: 'patient answered' })
      .then([{ type: 'CallbackAttempted', data: { outcome: 'reached', attempt: 1, notes: 'patient answered' } }]);
  });
  it('given nurse 1 holds the task, when a supervisor releases it, then it is released from nurse 1', () => {
    spec(claimed).when({ type: 'Release', at: at(2), actor: supervisor }).then([{ type: 'DTaskReleased', data: { nurseId: 'nurse-1' } }]);
  });
  it('given no one holds the task, when a supervisor releases it, then it is not claimed', () => {
    spec([e.received()]).when({ type: 'Release', at: at(2), actor: supervisor }).thenRejects('not-claimed');
  });
  it('given a unit sent, when a supervisor records an assessment, then it is not claimed', () => {
    spec([...assessedTask(), e.unit()]).when({ type: 'RecordAssessment', at: at(9), actor: supervisor, assessment }).thenRejects('not-claimed');
  });
});

describe('S3 on every no-unit closure', () => {
  const followUpWithRedFlag = [...pendingFollowUp(), e.claimed(61), e.assessed(['stroke-signs'], false, 62)];
  it('given a follow-up call that found a red flag, when the nurse records it reached, then red flags are present', () => {
    spec(followUpWithRedFlag).when({ type: 'RecordFollowUp', at: at(63), actor: n1, outcome: 'reached' }).thenRejects('red-flags-present');
  });
  it('given a follow-up call that found a red flag, when the nurse closes the task, then red flags are present', () => {
    spec(followUpWithRedFlag).when({ type: 'Close', at: at(63), actor: n1 }).thenRejects('red-flags-present');
  });
  it('given a follow-up call that found a red flag, when the nurse escalates, then the follow-up ends with the unit', () => {
    const state = spec(followUpWithRedFlag).when({ type: 'Escalate', at: at(63), actor: n1, urgency: 'A', reason: 'stroke signs' })
      .then([{ type: 'UrgencyEscalated', data: { from: 'D', to: 'A', reason: 'stroke signs', trigger: 'red-flag', redFlags: ['stroke-signs'] } }, { type: 'UnitRequested' }]);
    expect(state).toMatchObject({ followUp: undefined, status: 'decided' });
  });
  it('given a redirect, when a supervisor closes the task, then only the receiving service closes it', () => {
    spec(awaitingHandoff()).when({ type: 'Close', at: at(9), actor: supervisor }).thenRejects('handoff-pending');
  });
});

describe('idempotent and closed', () => {
  const closedTask = [...assessedTask(), e.advised(), e.closed('phone-advice')];
  it('given an override granted, when the supervisor grants it again, then nothing changes', () => {
    spec([e.received(), e.secondContact(), e.overridden(3)]).when({ type: 'GrantOverride', at: at(4), actor: supervisor, rule: 'S4-second-contact', reason: 'again' }).then([]);
  });
  it.each([
    ['the ERC cancels', { type: 'Cancel' as const, at: at(10), actor: erc, reason: 'late' }],
    ['the system reaches the waiting limit', { type: 'ReachWaitingLimit' as const, at: at(90), actor: system }],
    ['the nurse closes it again', { type: 'Close' as const, at: at(10), actor: n1 }],
  ])('given a closed task, when %s, then it is closed', (_, command) => {
    spec(closedTask).when(command).thenRejects('task-closed');
  });
  it('given a closed redirect, when the system times out its handoff, then it is closed', () => {
    spec([...awaitingHandoff(), e.accepted(9), e.closed('redirect', 9)]).when({ type: 'TimeOutHandoff', at: at(40), actor: system }).thenRejects('task-closed');
  });
  it('given a closed unit mission, when the ERC reports the mission, then it is closed', () => {
    spec([...assessedTask(), e.unit(), e.closed('unit-mission', 60)]).when({ type: 'UpdateMission', at: at(61), actor: erc, stage: 'completed', unitId: 'U1' }).thenRejects('task-closed');
  });
});

describe('what each command needs first', () => {
  it('given no task, when the ERC cancels, then it is not found', () => {
    spec([]).when({ type: 'Cancel', at: at(1), actor: erc, reason: 'r' }).thenRejects('not-found');
  });
  it('given no task, when the system reaches the waiting limit, then it is not found', () => {
    spec([]).when({ type: 'ReachWaitingLimit', at: at(60), actor: system }).thenRejects('not-found');
  });
  it('given a cancelled task, when it comes again, then it still exists', () => {
    spec([e.received(), e.closed('cancelled', 1)]).when({ type: 'Intake', at: at(2), actor: erc, task: received() }).thenRejects('already-exists');
  });
  it('given a unit sent, when a nurse claims, then it is not claimable', () => {
    spec([...assessedTask(), e.unit()]).when({ type: 'Claim', at: at(9), actor: n2 }).thenRejects('not-claimable');
  });
  it('given a pending follow-up, when a nurse claims it, then she holds it', () => {
    spec(pendingFollowUp()).when({ type: 'Claim', at: at(61), actor: n2 }).then([{ type: 'DTaskClaimed', data: { nurseId: 'nurse-2' } }]);
  });
  it('given an unclaimed task, when a nurse escalates, then it is not claimed', () => {
    spec([e.received()]).when({ type: 'Escalate', at: at(2), actor: n1, urgency: 'B', reason: 'r' }).thenRejects('not-claimed');
  });
  it('given a task escalated to B, when a supervisor escalates to B again, then it cannot be undone', () => {
    spec([...assessedTask(['chest-pain']), e.escalated('B'), e.unit('escalation', 6, 'B')])
      .when({ type: 'Escalate', at: at(8), actor: supervisor, urgency: 'B', reason: 'again' }).thenRejects('escalation-cannot-be-undone');
  });
  it('given no redirect, when a service declines, then no handoff is open', () => {
    spec(assessedTask()).when({ type: 'DeclineHandoff', at: at(9), actor: partner('oulu-home-care'), reason: 'full' }).thenRejects('not-awaiting-handoff');
  });
  it('given a pending follow-up no one holds, when a nurse records it, then it is not claimed', () => {
    spec(pendingFollowUp()).when({ type: 'RecordFollowUp', at: at(61), actor: n1, outcome: 'reached' }).thenRejects('not-claimed');
  });
  it('given a follow-up nurse 1 holds, when nurse 2 records it, then she is not the owner', () => {
    spec([...pendingFollowUp(), e.claimed(61, 'nurse-1')]).when({ type: 'RecordFollowUp', at: at(62), actor: n2, outcome: 'reached' }).thenRejects('not-owner');
  });
});

describe('no automatic unit before it is due, and at the configured limits', () => {
  it('given no failed callback, when the S1 timer fires, then it is not due', () => {
    spec(claimed).when({ type: 'DispatchUnreachable', at: at(30), actor: system }).thenRejects('not-due');
  });
  it('given a failed callback and a unit sent, when the S1 timer fires, then it is not due', () => {
    spec([...claimed, e.callback('no-answer', 1), e.unit('nurse-decision', 3)]).when({ type: 'DispatchUnreachable', at: at(30), actor: system }).thenRejects('not-due');
  });
  it('given a unit sent, when the S2 timer fires, then it is not due', () => {
    spec([e.received(), e.unit('nurse-decision', 3)]).when({ type: 'ReachWaitingLimit', at: at(60), actor: system }).thenRejects('not-due');
  });
  const strict = specification({ ...DEFAULT_SAFETY_RULES, s2AlertMinutes: 5, s2DispatchMinutes: 10, autoDispatchUnitLevel: 'first-response' });
  it('given an S2 alert at 5 minutes, when the timer fires at 5, then the supervisor is alerted', () => {
    strict([e.received()]).when({ type: 'ReachWaitingLimit', at: at(5), actor: system }).then([{ type: 'WaitingLimitReached', data: { level: 'alert', waitedMinutes: 5 } }]);
  });
  it('given an S2 dispatch at 10 minutes with first-response units, when the timer fires at 10, then a first-response unit goes', () => {
    strict([e.received()]).when({ type: 'ReachWaitingLimit', at: at(10), actor: system })
      .then([{ type: 'WaitingLimitReached' }, { type: 'UnitRequested', data: { unitLevel: 'first-response', urgency: 'D', reason: 'waiting-limit' } }, waitingRecall(40)]);
  });
  it('given an S1 limit of one attempt, when the first callback fails, then a unit is sent', () => {
    specification({ ...DEFAULT_SAFETY_RULES, s1FailedAttempts: 1 })(claimed)
      .when({ type: 'RecordCallback', at: at(2), actor: n1, outcome: 'busy' })
      .then([{ type: 'CallbackAttempted' }, { type: 'UnitRequested', data: { unitLevel: 'basic', urgency: 'D', reason: 'unreachable' } }, waitingRecall(32)]);
  });
});
