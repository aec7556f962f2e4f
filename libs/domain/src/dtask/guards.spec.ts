import { specification } from '../testing/specification';
import { assessedTask, at, e, nurse, partner, supervisor, system } from '../testing/fixtures';

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
