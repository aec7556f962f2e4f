import { DEFAULT_SAFETY_RULES } from '../safety-rules';
import { specification } from '../testing/specification';
import { assessedTask, at, e, nurse, partner, received, supervisor, system } from '../testing/fixtures';

/** Who may issue which command, and the S3 guard on every way a task can close without a unit. */
const spec = specification();
const n1 = nurse('nurse-1');
const n2 = nurse('nurse-2');

describe('the safety policies’ commands', () => {
  const awaiting = [...assessedTask(), e.redirected('oulu-home-care', 8)];
  it('come from the system only', () => {
    spec([e.received()]).when({ type: 'ReachWaitingLimit', at: at(60), actor: supervisor }).thenRejects('system-only');
    spec([e.received(), e.claimed(), e.callback('no-answer', 1)]).when({ type: 'DispatchUnreachable', at: at(30), actor: n1 }).thenRejects('system-only');
    spec(awaiting).when({ type: 'TimeOutHandoff', at: at(60), actor: partner('oulu-home-care') }).thenRejects('system-only');
  });
  it('time out only an open handoff', () => {
    spec(assessedTask()).when({ type: 'TimeOutHandoff', at: at(60), actor: system }).thenRejects('not-awaiting-handoff');
  });
});

describe('ownership', () => {
  const claimed = [e.received(), e.claimed()];
  it('binds every nurse command to the owner', () => {
    spec(claimed).when({ type: 'RecordCallback', at: at(2), actor: n2, outcome: 'reached' }).thenRejects('not-owner');
    spec([...claimed, e.callback('reached', 1)]).when({ type: 'RecordAssessment', at: at(3), actor: n2, assessment: { redFlags: [], concern: false, symptoms: '', existingServices: [], notes: '' } }).thenRejects('not-owner');
    spec(assessedTask()).when({ type: 'Escalate', at: at(6), actor: n2, urgency: 'C', reason: 'worse' }).thenRejects('not-owner');
    spec(claimed).when({ type: 'Close', at: at(6), actor: n2 }).thenRejects('not-owner');
  });
  it('lets a supervisor act on a task another nurse owns', () => {
    spec(claimed).when({ type: 'RecordCallback', at: at(2), actor: supervisor, outcome: 'reached', notes: 'patient answered' })
      .then([{ type: 'CallbackAttempted', data: { outcome: 'reached', attempt: 1, notes: 'patient answered' } }]);
    spec(claimed).when({ type: 'Release', at: at(2), actor: supervisor }).then([{ type: 'DTaskReleased', data: { nurseId: 'nurse-1' } }]);
  });
  it('refuses a supervisor’s release of a task no one holds', () => {
    spec([e.received()]).when({ type: 'Release', at: at(2), actor: supervisor }).thenRejects('not-claimed');
  });
  it('assesses only a claimed task, even for a supervisor', () => {
    const assessment = { redFlags: [], concern: false, symptoms: '', existingServices: [], notes: '' };
    spec([...assessedTask(), e.unit()]).when({ type: 'RecordAssessment', at: at(9), actor: supervisor, assessment }).thenRejects('not-claimed');
  });
});

describe('S3 on every no-unit closure', () => {
  const followUpWithRedFlag = [...assessedTask(), e.advised(at(60)), e.followUpScheduled(at(60)), e.claimed(61), e.assessed(['stroke-signs'], false, 62)];
  it('refuses to close a follow-up as phone advice once it found a red flag', () => {
    spec(followUpWithRedFlag).when({ type: 'RecordFollowUp', at: at(63), actor: n1, outcome: 'reached' }).thenRejects('red-flags-present');
    spec(followUpWithRedFlag).when({ type: 'Close', at: at(63), actor: n1 }).thenRejects('red-flags-present');
  });
  it('escalates instead, which ends the follow-up', () => {
    const state = spec(followUpWithRedFlag).when({ type: 'Escalate', at: at(63), actor: n1, urgency: 'A', reason: 'stroke signs' })
      .then([{ type: 'UrgencyEscalated', data: { from: 'D', to: 'A', reason: 'stroke signs', trigger: 'red-flag', redFlags: ['stroke-signs'] } }, { type: 'UnitRequested' }]);
    expect(state).toMatchObject({ followUp: undefined, status: 'decided' });
  });
  it('closes a redirect only through the receiving service', () => {
    spec([...assessedTask(), e.redirected()]).when({ type: 'Close', at: at(9), actor: supervisor }).thenRejects('handoff-pending');
  });
});

describe('idempotent and closed', () => {
  it('grants the same override once', () => {
    const overridden = [e.received(), e.secondContact(), { type: 'OverrideGranted' as const, data: { rule: 'S4-second-contact' as const, reason: 'ok' }, at: at(3) }];
    spec(overridden).when({ type: 'GrantOverride', at: at(4), actor: supervisor, rule: 'S4-second-contact', reason: 'again' }).then([]);
  });
  it('rejects every command on a closed task', () => {
    const closed = [...assessedTask(), e.advised(), e.closed('phone-advice')];
    spec(closed).when({ type: 'Cancel', at: at(10), actor: { id: 'erc', role: 'erc' }, reason: 'late' }).thenRejects('task-closed');
    spec(closed).when({ type: 'ReachWaitingLimit', at: at(90), actor: system }).thenRejects('task-closed');
    spec(closed).when({ type: 'Close', at: at(10), actor: n1 }).thenRejects('task-closed');
  });
});

describe('what each command needs first', () => {
  const erc = { id: 'erc', role: 'erc' as const };
  it('refuses commands to a task that does not exist, and a second intake even after closing', () => {
    spec([]).when({ type: 'Cancel', at: at(1), actor: erc, reason: 'r' }).thenRejects('not-found');
    spec([]).when({ type: 'ReachWaitingLimit', at: at(60), actor: system }).thenRejects('not-found');
    spec([e.received(), e.closed('cancelled', 1)]).when({ type: 'Intake', at: at(2), actor: erc, task: received() }).thenRejects('already-exists');
  });
  it('claims only a waiting task or a pending follow-up', () => {
    spec([...assessedTask(), e.unit()]).when({ type: 'Claim', at: at(9), actor: n2 }).thenRejects('not-claimable');
    spec([...assessedTask(), e.advised(at(60)), e.followUpScheduled(at(60))]).when({ type: 'Claim', at: at(61), actor: n2 })
      .then([{ type: 'DTaskClaimed', data: { nurseId: 'nurse-2' } }]);
  });
  it('escalates only a claimed task, and never to the same class again', () => {
    spec([e.received()]).when({ type: 'Escalate', at: at(2), actor: n1, urgency: 'B', reason: 'r' }).thenRejects('not-claimed');
    spec([...assessedTask(['chest-pain']), e.escalated('B'), e.unit('escalation', 6, 'B')])
      .when({ type: 'Escalate', at: at(8), actor: supervisor, urgency: 'B', reason: 'again' }).thenRejects('escalation-cannot-be-undone');
  });
  it('answers a handoff only while one is open', () => {
    spec(assessedTask()).when({ type: 'DeclineHandoff', at: at(9), actor: partner('oulu-home-care'), reason: 'full' }).thenRejects('not-awaiting-handoff');
    const accepted = [...assessedTask(), e.redirected('oulu-home-care', 8), { type: 'HandoffAccepted' as const, data: { target: 'oulu-home-care', partnerId: 'p' }, at: at(9) }, e.closed('redirect', 9)];
    spec(accepted).when({ type: 'TimeOutHandoff', at: at(40), actor: system }).thenRejects('task-closed');
  });
  it('records a follow-up call only by the nurse who claimed it', () => {
    const pending = [...assessedTask(), e.advised(at(60)), e.followUpScheduled(at(60))];
    spec(pending).when({ type: 'RecordFollowUp', at: at(61), actor: n1, outcome: 'reached' }).thenRejects('not-claimed');
    spec([...pending, e.claimed(61, 'nurse-1')]).when({ type: 'RecordFollowUp', at: at(62), actor: n2, outcome: 'reached' }).thenRejects('not-owner');
  });
  it('sends no automatic unit that is not due', () => {
    spec([e.received(), e.claimed()]).when({ type: 'DispatchUnreachable', at: at(30), actor: system }).thenRejects('not-due');
    spec([e.received(), e.claimed(), e.callback('no-answer', 1), e.unit('nurse-decision', 3)]).when({ type: 'DispatchUnreachable', at: at(30), actor: system }).thenRejects('not-due');
    spec([e.received(), e.unit('nurse-decision', 3)]).when({ type: 'ReachWaitingLimit', at: at(60), actor: system }).thenRejects('not-due');
  });
  it('alerts and dispatches at configured limits', () => {
    const strict = specification({ ...DEFAULT_SAFETY_RULES, s2AlertMinutes: 5, s2DispatchMinutes: 10, autoDispatchUnitLevel: 'first-response' });
    strict([e.received()]).when({ type: 'ReachWaitingLimit', at: at(5), actor: system }).then([{ type: 'WaitingLimitReached', data: { level: 'alert', waitedMinutes: 5 } }]);
    strict([e.received()]).when({ type: 'ReachWaitingLimit', at: at(10), actor: system })
      .then([{ type: 'WaitingLimitReached' }, { type: 'UnitRequested', data: { unitLevel: 'first-response', urgency: 'D', reason: 'waiting-limit' } }]);
  });
  it('sends a unit on the first failed callback when the limit is one', () => {
    specification({ ...DEFAULT_SAFETY_RULES, s1FailedAttempts: 1 })([e.received(), e.claimed()])
      .when({ type: 'RecordCallback', at: at(2), actor: n1, outcome: 'busy' })
      .then([{ type: 'CallbackAttempted' }, { type: 'UnitRequested', data: { unitLevel: 'basic', urgency: 'D', reason: 'unreachable' } }]);
  });
  it('rejects mission reports once the task is closed', () => {
    spec([...assessedTask(), e.unit(), e.closed('unit-mission', 60)]).when({ type: 'UpdateMission', at: at(61), actor: erc, stage: 'completed', unitId: 'U1' }).thenRejects('task-closed');
  });
});
