import { specification } from '../testing/specification';
import { assessedTask, at, e, nurse, partner, received, supervisor, system, T0 } from '../testing/fixtures';

const spec = specification();
const n1 = nurse('nurse-1');
const n2 = nurse('nurse-2');
const advice = { kind: 'phone-advice' as const, advice: 'rest, drink', safetyNet: 'call 112 if breathing gets worse', patientInformed: true };
const redirect = { kind: 'redirect' as const, target: 'oulu-home-care', targetKind: 'home-care' as const, handoffNote: 'visit today', patientInformed: true };

describe('intake and cancel', () => {
  it('receives a task', () => {
    spec([]).when({ type: 'Intake', at: T0, actor: { id: 'erc', role: 'erc' }, task: received() }).then([{ type: 'DTaskReceived', data: received() }]);
  });
  it('flags a second contact within the S4 window only', () => {
    const previous = { previousTaskId: '6c1d2f4e-3a1d-4e8b-9c2f-7d6e5a4b3c21', previousDecision: 'phone-advice' as const };
    spec([]).when({ type: 'Intake', at: T0, actor: { id: 'erc', role: 'erc' }, task: received(), secondContactOf: { ...previous, previousDecidedAt: at(-60 * 23) } })
      .then([{ type: 'DTaskReceived' }, { type: 'SecondContactFlagged', data: { ...previous, previousDecidedAt: at(-60 * 23), hoursSince: 23 } }]);
    spec([]).when({ type: 'Intake', at: T0, actor: { id: 'erc', role: 'erc' }, task: received(), secondContactOf: { ...previous, previousDecidedAt: at(-60 * 25) } })
      .then([{ type: 'DTaskReceived' }]);
  });
  it('refuses a second intake of the same task', () => {
    spec([e.received()]).when({ type: 'Intake', at: T0, actor: { id: 'erc', role: 'erc' }, task: received() }).thenRejects('already-exists');
  });
  it('cancels and closes as cancelled', () => {
    spec([e.received()]).when({ type: 'Cancel', at: at(3), actor: { id: 'erc', role: 'erc' }, reason: 'patient went by taxi' })
      .then([{ type: 'DTaskCancelled' }, { type: 'DTaskClosed', data: { outcome: 'cancelled' } }]);
  });
  it('refuses commands on unknown and closed tasks', () => {
    spec([]).when({ type: 'Claim', at: T0, actor: n1 }).thenRejects('not-found');
    spec([e.received(), e.closed('cancelled')]).when({ type: 'Claim', at: at(10), actor: n1 }).thenRejects('task-closed');
  });
});

describe('claim and release', () => {
  it('lets one nurse claim, idempotently, and refuses a second nurse', () => {
    spec([e.received()]).when({ type: 'Claim', at: at(1), actor: n1 }).then([{ type: 'DTaskClaimed', data: { nurseId: 'nurse-1' } }]);
    spec([e.received(), e.claimed()]).when({ type: 'Claim', at: at(2), actor: n1 }).then([]);
    spec([e.received(), e.claimed()]).when({ type: 'Claim', at: at(2), actor: n2 }).thenRejects('claimed-by-another-nurse');
  });
  it('refuses to claim a task waiting for a handoff', () => {
    spec([...assessedTask(), e.redirected()]).when({ type: 'Claim', at: at(9), actor: n2 }).thenRejects('not-claimable');
  });
  it('lets the owner release, and nobody else', () => {
    const state = spec([e.received(), e.claimed()]).when({ type: 'Release', at: at(2), actor: n1 }).then([{ type: 'DTaskReleased' }]);
    expect(state.status).toBe('waiting');
    spec([e.received(), e.claimed()]).when({ type: 'Release', at: at(2), actor: n2 }).thenRejects('not-owner');
    spec([e.received()]).when({ type: 'Release', at: at(2), actor: n1 }).thenRejects('not-claimed');
  });
});

describe('callbacks and S1 unreachable patient', () => {
  it('records attempts, counting them', () => {
    spec([e.received(), e.claimed()]).when({ type: 'RecordCallback', at: at(2), actor: n1, outcome: 'busy' })
      .then([{ type: 'CallbackAttempted', data: { outcome: 'busy', attempt: 1 } }]);
  });
  it('sends a unit automatically on the second failed attempt, reason unreachable', () => {
    const state = spec([e.received(), e.claimed(), e.callback('no-answer', 1)])
      .when({ type: 'RecordCallback', at: at(5), actor: n1, outcome: 'wrong-number' })
      .then([{ type: 'CallbackAttempted' }, { type: 'UnitRequested', data: { unitLevel: 'basic', urgency: 'D', reason: 'unreachable' } }]);
    expect(state.status).toBe('decided');
  });
  it('needs the claim', () => {
    spec([e.received()]).when({ type: 'RecordCallback', at: at(2), actor: n1, outcome: 'reached' }).thenRejects('not-claimed');
  });
  it('sends a unit 15 minutes after the first failed attempt with no contact', () => {
    const given = [e.received(), e.claimed(), e.callback('no-answer', 1, 2)];
    spec(given).when({ type: 'DispatchUnreachable', at: at(16), actor: system }).thenRejects('not-due');
    spec(given).when({ type: 'DispatchUnreachable', at: at(17), actor: system }).then([{ type: 'UnitRequested', data: { unitLevel: 'basic', urgency: 'D', reason: 'unreachable' } }]);
    spec([...given, e.callback('reached', 2, 4)]).when({ type: 'DispatchUnreachable', at: at(30), actor: system }).thenRejects('not-due');
  });
});

describe('assessment and S3 escalation', () => {
  it('records an assessment only after contact', () => {
    const assessment = { redFlags: [], concern: false, symptoms: 'dizzy', existingServices: [], notes: '' };
    spec([e.received(), e.claimed(), e.callback('reached', 1)]).when({ type: 'RecordAssessment', at: at(4), actor: n1, assessment })
      .then([{ type: 'AssessmentRecorded', data: assessment }]);
    spec([e.received(), e.claimed()]).when({ type: 'RecordAssessment', at: at(4), actor: n1, assessment }).thenRejects('no-contact');
  });
  it('forbids phone advice and redirect after a red flag or the nurse’s concern', () => {
    spec(assessedTask(['chest-pain'])).when({ type: 'Decide', at: at(7), actor: n1, decision: advice }).thenRejects('red-flags-present');
    spec(assessedTask(['suicidal-intent'])).when({ type: 'Decide', at: at(7), actor: n1, decision: redirect }).thenRejects('red-flags-present');
    spec([e.received(), e.claimed(), e.callback('reached', 1), e.assessed([], true)]).when({ type: 'Decide', at: at(7), actor: n1, decision: advice }).thenRejects('red-flags-present');
  });
  it('keeps a red flag when a later assessment omits it', () => {
    const reassessed = [...assessedTask(['chest-pain']), e.assessed([], false, 6)];
    spec(reassessed).when({ type: 'Decide', at: at(7), actor: n1, decision: advice }).thenRejects('red-flags-present');
  });
  it('escalates with a unit at the raised urgency', () => {
    const state = spec(assessedTask(['chest-pain'])).when({ type: 'Escalate', at: at(6), actor: n1, urgency: 'B', reason: 'chest pain' }).then([
      { type: 'UrgencyEscalated', data: { from: 'D', to: 'B', reason: 'chest pain', trigger: 'red-flag', redFlags: ['chest-pain'] } },
      { type: 'UnitRequested', data: { unitLevel: 'advanced', urgency: 'B', reason: 'escalation' } },
    ]);
    expect(state.urgency).toBe('B');
  });
  it('never undoes an escalation', () => {
    const escalated = [...assessedTask(['chest-pain']), e.escalated('B'), e.claimed(7)];
    spec(escalated).when({ type: 'Escalate', at: at(8), actor: n1, urgency: 'C', reason: 'better now' }).thenRejects('escalation-cannot-be-undone');
    spec(escalated).when({ type: 'Escalate', at: at(8), actor: n1, urgency: 'A', reason: 'worse' }).then([{ type: 'UrgencyEscalated' }, { type: 'UnitRequested' }]);
  });
});

describe('decisions', () => {
  it('sends a unit as a nurse decision', () => {
    spec(assessedTask()).when({ type: 'Decide', at: at(7), actor: n1, decision: { kind: 'send-unit', unitLevel: 'first-response', urgency: 'C' } })
      .then([{ type: 'UnitRequested', data: { unitLevel: 'first-response', urgency: 'C', reason: 'nurse-decision' } }]);
  });
  it('gives phone advice and closes when no follow-up is needed', () => {
    const state = spec(assessedTask()).when({ type: 'Decide', at: at(7), actor: n1, decision: advice })
      .then([{ type: 'PhoneAdviceGiven' }, { type: 'DTaskClosed', data: { outcome: 'phone-advice' } }]);
    expect(state.status).toBe('closed');
  });
  it('keeps the task open for a follow-up callback', () => {
    const state = spec(assessedTask()).when({ type: 'Decide', at: at(7), actor: n1, decision: { ...advice, followUpAt: at(120) } })
      .then([{ type: 'PhoneAdviceGiven' }, { type: 'FollowUpScheduled', data: { dueAt: at(120) } }]);
    expect(state.status).toBe('decided');
  });
  it('refuses a follow-up call at or before the time of the advice', () => {
    spec(assessedTask()).when({ type: 'Decide', at: at(7), actor: n1, decision: { ...advice, followUpAt: at(6) } }).thenRejects('follow-up-in-the-past');
  });
  it('refuses a follow-up call more than 72 hours ahead, which would leave the queue for ever', () => {
    spec(assessedTask()).when({ type: 'Decide', at: at(7), actor: n1, decision: { ...advice, followUpAt: '9999-01-01T00:00:00Z' } }).thenRejects('follow-up-too-far');
  });
  it('requires the patient to be informed (S5)', () => {
    spec(assessedTask()).when({ type: 'Decide', at: at(7), actor: n1, decision: { ...advice, patientInformed: false } }).thenRejects('patient-must-be-informed');
    spec(assessedTask()).when({ type: 'Decide', at: at(7), actor: n1, decision: { ...redirect, patientInformed: false } }).thenRejects('patient-must-be-informed');
  });
  it('requires contact and an assessment before advice', () => {
    spec([e.received(), e.claimed()]).when({ type: 'Decide', at: at(7), actor: n1, decision: advice }).thenRejects('no-contact');
    spec([e.received(), e.claimed(), e.callback('reached', 1)]).when({ type: 'Decide', at: at(7), actor: n1, decision: advice }).thenRejects('not-assessed');
  });
  it('refuses a second decision and decisions by another nurse', () => {
    spec([...assessedTask(), e.unit()]).when({ type: 'Decide', at: at(9), actor: supervisor, decision: advice }).thenRejects('already-decided');
    const followUpClaimed = [...assessedTask(), e.advised(at(60)), e.followUpScheduled(at(60)), e.claimed(61)];
    spec(followUpClaimed).when({ type: 'Decide', at: at(62), actor: n1, decision: redirect }).thenRejects('already-decided');
    spec(assessedTask()).when({ type: 'Decide', at: at(7), actor: n2, decision: advice }).thenRejects('not-owner');
    spec([e.received()]).when({ type: 'Decide', at: at(7), actor: n1, decision: advice }).thenRejects('not-claimed');
  });
  it('lets a supervisor decide a task another nurse owns', () => {
    spec(assessedTask()).when({ type: 'Decide', at: at(7), actor: supervisor, decision: { kind: 'send-unit', unitLevel: 'basic', urgency: 'D' } })
      .then([{ type: 'UnitRequested', data: { unitLevel: 'basic', urgency: 'D', reason: 'nurse-decision' } }]);
  });
  it('never lowers an escalated task by a later decision', () => {
    const escalated = [...assessedTask(['chest-pain']), e.escalated('B'), e.unit('escalation', 6, 'B'), e.claimed(7)];
    spec(escalated).when({ type: 'Decide', at: at(8), actor: n1, decision: { kind: 'send-unit', unitLevel: 'basic', urgency: 'C' } }).thenRejects('escalation-cannot-be-undone');
    spec(escalated).when({ type: 'Decide', at: at(8), actor: n1, decision: advice }).thenRejects('escalation-cannot-be-undone');
    spec(escalated).when({ type: 'Decide', at: at(8), actor: supervisor, decision: redirect }).thenRejects('escalation-cannot-be-undone');
  });
  it('redirects with a handoff deadline S6 minutes ahead', () => {
    spec(assessedTask()).when({ type: 'Decide', at: at(7), actor: n1, decision: redirect })
      .then([{ type: 'RedirectRequested', data: { target: 'oulu-home-care', targetKind: 'home-care', handoffNote: 'visit today', patientInformed: true, handoffDeadline: at(37) } }]);
  });
});

describe('S4 second contact', () => {
  const secondContact = [e.received(), e.secondContact(), e.claimed(), e.callback('reached', 1), e.assessed()];
  it('needs a supervisor override before phone advice', () => {
    spec(secondContact).when({ type: 'Decide', at: at(7), actor: n1, decision: advice }).thenRejects('second-contact-needs-override');
    spec(secondContact).when({ type: 'GrantOverride', at: at(7), actor: n1, rule: 'S4-second-contact', reason: 'x' }).thenRejects('supervisor-only');
    const overridden = [...secondContact, { type: 'OverrideGranted' as const, data: { rule: 'S4-second-contact' as const, reason: 'confirmed' }, at: at(7) }];
    spec(overridden).when({ type: 'Decide', at: at(8), actor: n1, decision: advice }).then([{ type: 'PhoneAdviceGiven' }, { type: 'DTaskClosed' }]);
  });
  it('grants an override only on a second contact', () => {
    spec(secondContact).when({ type: 'GrantOverride', at: at(7), actor: supervisor, rule: 'S4-second-contact', reason: 'confirmed' })
      .then([{ type: 'OverrideGranted', data: { rule: 'S4-second-contact', reason: 'confirmed' } }]);
    spec(assessedTask()).when({ type: 'GrantOverride', at: at(7), actor: supervisor, rule: 'S4-second-contact', reason: 'x' }).thenRejects('override-not-applicable');
  });
});

describe('handoffs and S6', () => {
  const awaiting = [...assessedTask(), e.redirected('oulu-home-care', 8)];
  it('closes as redirect when the addressed service accepts', () => {
    spec(awaiting).when({ type: 'AcceptHandoff', at: at(10), actor: partner('oulu-home-care') })
      .then([{ type: 'HandoffAccepted', data: { target: 'oulu-home-care', partnerId: 'partner-oulu-home-care' } }, { type: 'DTaskClosed', data: { outcome: 'redirect' } }]);
    spec(awaiting).when({ type: 'AcceptHandoff', at: at(10), actor: partner('oulu-primary-care') }).thenRejects('wrong-service');
    spec(assessedTask()).when({ type: 'AcceptHandoff', at: at(10), actor: partner('oulu-home-care') }).thenRejects('not-awaiting-handoff');
  });
  it('returns a declined task to the top of the queue', () => {
    const state = spec(awaiting).when({ type: 'DeclineHandoff', at: at(10), actor: partner('oulu-home-care'), reason: 'no capacity' }).then([{ type: 'HandoffDeclined' }]);
    expect(state).toMatchObject({ status: 'waiting', handoffReturned: true, owner: undefined, decision: undefined });
  });
  it('times out a handoff not accepted within the limit', () => {
    spec(awaiting).when({ type: 'TimeOutHandoff', at: at(37), actor: system }).thenRejects('not-due');
    const state = spec(awaiting).when({ type: 'TimeOutHandoff', at: at(38), actor: system }).then([{ type: 'HandoffTimedOut', data: { target: 'oulu-home-care', deadline: at(38) } }]);
    expect(state.status).toBe('waiting');
  });
});

describe('follow-ups', () => {
  const pending = [...assessedTask(), e.advised(at(60)), e.followUpScheduled(at(60))];
  it('closes on a reached follow-up by the nurse who claimed it', () => {
    spec([...pending, e.claimed(61, 'nurse-2')]).when({ type: 'RecordFollowUp', at: at(62), actor: n2, outcome: 'reached' })
      .then([{ type: 'FollowUpCompleted', data: { outcome: 'reached', attempt: 1 } }, { type: 'DTaskClosed', data: { outcome: 'phone-advice' } }]);
  });
  it('sends a unit after repeated failed follow-ups', () => {
    const claimed = [...pending, e.claimed(61)];
    const state = spec(claimed).when({ type: 'RecordFollowUp', at: at(62), actor: n1, outcome: 'no-answer' }).then([{ type: 'FollowUpCompleted' }]);
    expect(state.followUp?.failedAttempts).toBe(1);
    spec([...claimed, { type: 'FollowUpCompleted', data: { outcome: 'no-answer', attempt: 1 }, at: at(62) }])
      .when({ type: 'RecordFollowUp', at: at(70), actor: n1, outcome: 'busy' })
      .then([{ type: 'FollowUpCompleted' }, { type: 'UnitRequested', data: { unitLevel: 'basic', urgency: 'D', reason: 'unreachable' } }]);
  });
  it('refuses a follow-up that is not pending', () => {
    spec([...assessedTask()]).when({ type: 'RecordFollowUp', at: at(62), actor: n1, outcome: 'reached' }).thenRejects('no-follow-up-pending');
  });
});

describe('S2 waiting limits', () => {
  it('alerts at 20 minutes without contact, once', () => {
    spec([e.received()]).when({ type: 'ReachWaitingLimit', at: at(19), actor: system }).thenRejects('not-due');
    spec([e.received()]).when({ type: 'ReachWaitingLimit', at: at(20), actor: system }).then([{ type: 'WaitingLimitReached', data: { level: 'alert', waitedMinutes: 20 } }]);
    spec([e.received(), { type: 'WaitingLimitReached', data: { level: 'alert', waitedMinutes: 20 }, at: at(20) }])
      .when({ type: 'ReachWaitingLimit', at: at(30), actor: system }).thenRejects('not-due');
  });
  it('sends a unit at 60 minutes, unless a nurse is in contact', () => {
    spec([e.received()]).when({ type: 'ReachWaitingLimit', at: at(60), actor: system })
      .then([{ type: 'WaitingLimitReached', data: { level: 'dispatch', waitedMinutes: 60 } }, { type: 'UnitRequested', data: { unitLevel: 'basic', urgency: 'D', reason: 'waiting-limit' } }]);
    spec([e.received(), e.claimed(), e.callback('reached', 1, 30)]).when({ type: 'ReachWaitingLimit', at: at(60), actor: system }).thenRejects('not-due');
  });
});

describe('missions and closure', () => {
  it('closes a unit mission when it completes, as escalated if it was', () => {
    spec([...assessedTask(), e.unit()]).when({ type: 'UpdateMission', at: at(30), actor: { id: 'erc', role: 'erc' }, stage: 'on-scene', unitId: 'OU-121' }).then([{ type: 'MissionUpdated' }]);
    spec([...assessedTask(), e.unit()]).when({ type: 'UpdateMission', at: at(90), actor: { id: 'erc', role: 'erc' }, stage: 'completed', unitId: 'OU-121', conveyed: false, xCode: 'X-5' })
      .then([{ type: 'MissionUpdated', data: { stage: 'completed', unitId: 'OU-121', conveyed: false, xCode: 'X-5' } }, { type: 'DTaskClosed', data: { outcome: 'unit-mission' } }]);
    spec([...assessedTask(['chest-pain']), e.escalated('B'), e.unit('escalation', 6, 'B')])
      .when({ type: 'UpdateMission', at: at(90), actor: supervisor, stage: 'completed', unitId: 'OU-1' })
      .then([{ type: 'MissionUpdated' }, { type: 'DTaskClosed', data: { outcome: 'escalated' } }]);
    spec(assessedTask()).when({ type: 'UpdateMission', at: at(30), actor: supervisor, stage: 'unit-assigned', unitId: 'OU-1' }).thenRejects('no-unit-requested');
  });
  it('never closes without contact unless a unit was sent', () => {
    spec([e.received(), e.claimed()]).when({ type: 'Close', at: at(5), actor: n1 }).thenRejects('close-without-contact');
    spec([e.received(), e.claimed(), e.callback('no-answer', 1), e.unit('unreachable', 3)]).when({ type: 'Close', at: at(5), actor: n1 })
      .then([{ type: 'DTaskClosed', data: { outcome: 'unit-mission' } }]);
    spec(assessedTask()).when({ type: 'Close', at: at(9), actor: n1 }).thenRejects('not-decided');
    spec([...assessedTask(), e.advised(at(60)), e.followUpScheduled(at(60)), e.claimed(61)]).when({ type: 'Close', at: at(62), actor: n1 })
      .then([{ type: 'DTaskClosed', data: { outcome: 'phone-advice' } }]);
  });
});

describe('closing a task whose follow-up call is pending (it cancels the safety-net call)', () => {
  const pending = [...assessedTask(), e.advised(at(60)), e.followUpScheduled(at(60))];
  it('refuses a nurse who has not claimed it, even the nurse who gave the advice', () => {
    spec(pending).when({ type: 'Close', at: at(62), actor: n1 }).thenRejects('not-claimed');
  });
  it('refuses a nurse who never claimed it', () => {
    spec(pending).when({ type: 'Close', at: at(62), actor: n2 }).thenRejects('not-claimed');
  });
  it('refuses a nurse while another nurse has it claimed', () => {
    spec([...pending, e.claimed(61, 'nurse-1')]).when({ type: 'Close', at: at(62), actor: n2 }).thenRejects('not-owner');
  });
  it('lets the nurse who claimed it close it', () => {
    spec([...pending, e.claimed(61, 'nurse-2')]).when({ type: 'Close', at: at(62), actor: n2 }).then([{ type: 'DTaskClosed', data: { outcome: 'phone-advice' } }]);
  });
  it('lets a supervisor close it unclaimed', () => {
    spec(pending).when({ type: 'Close', at: at(62), actor: supervisor }).then([{ type: 'DTaskClosed', data: { outcome: 'phone-advice' } }]);
  });
});

describe('escalation triggers and queue returns', () => {
  it('names what triggered an escalation: a red flag, the nurse’s concern, or the nurse alone', () => {
    spec([e.received(), e.claimed(), e.callback('reached', 1), e.assessed([], true)]).when({ type: 'Escalate', at: at(6), actor: n1, urgency: 'C', reason: 'gut feeling' })
      .then([{ type: 'UrgencyEscalated', data: { from: 'D', to: 'C', reason: 'gut feeling', trigger: 'concern', redFlags: [] } }, { type: 'UnitRequested', data: { unitLevel: 'basic', urgency: 'C', reason: 'escalation' } }]);
    spec(assessedTask()).when({ type: 'Escalate', at: at(6), actor: n1, urgency: 'C', reason: 'worse on the phone' })
      .then([{ type: 'UrgencyEscalated', data: { from: 'D', to: 'C', reason: 'worse on the phone', trigger: 'nurse', redFlags: [] } }, { type: 'UnitRequested' }]);
  });
  it('lets only the addressed service decline', () => {
    spec([...assessedTask(), e.redirected('oulu-home-care')]).when({ type: 'DeclineHandoff', at: at(10), actor: partner('oulu-primary-care'), reason: 'no' }).thenRejects('wrong-service');
  });
  it('returns a released follow-up to the decided list, not the waiting queue', () => {
    const state = spec([...assessedTask(), e.advised(at(60)), e.followUpScheduled(at(60)), e.claimed(61)]).when({ type: 'Release', at: at(62), actor: n1 })
      .then([{ type: 'DTaskReleased' }]);
    expect(state.status).toBe('decided');
  });
  it('lets the ERC cancel a claimed task and report a unit on its way', () => {
    spec([e.received(), e.claimed()]).when({ type: 'Cancel', at: at(3), actor: { id: 'erc', role: 'erc' }, reason: 'duplicate call' })
      .then([{ type: 'DTaskCancelled', data: { reason: 'duplicate call' } }, { type: 'DTaskClosed', data: { outcome: 'cancelled' } }]);
    spec([...assessedTask(), e.unit()]).when({ type: 'UpdateMission', at: at(12), actor: { id: 'erc', role: 'erc' }, stage: 'unit-assigned', unitId: 'OU-121' })
      .then([{ type: 'MissionUpdated', data: { stage: 'unit-assigned', unitId: 'OU-121' } }]);
  });
});
