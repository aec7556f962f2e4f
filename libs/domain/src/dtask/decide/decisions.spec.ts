import { specification } from '../../testing/specification';
import { advice, assessedTask, at, e, escalatedTask, n1, n2, redirect, supervisor, waitingRecall } from '../../testing/fixtures';

const spec = specification();

describe('decisions', () => {
  it('given an assessed task, when the nurse sends a unit, then it is requested as her decision', () => {
    spec(assessedTask()).when({ type: 'Decide', at: at(7), actor: n1, decision: { kind: 'send-unit', unitLevel: 'first-response', urgency: 'C' } })
      .then([{ type: 'UnitRequested', data: { unitLevel: 'first-response', urgency: 'C', reason: 'nurse-decision' } }]);
  });
  it('given an assessed task, when the nurse gives advice without a follow-up, then it closes', () => {
    const state = spec(assessedTask()).when({ type: 'Decide', at: at(7), actor: n1, decision: advice })
      .then([{ type: 'PhoneAdviceGiven' }, { type: 'DTaskClosed', data: { outcome: 'phone-advice' } }]);
    expect(state.status).toBe('closed');
  });
  it('given an assessed task, when the nurse gives advice with a follow-up call, then it stays open for it', () => {
    const state = spec(assessedTask()).when({ type: 'Decide', at: at(7), actor: n1, decision: { ...advice, followUpAt: at(120) } })
      .then([{ type: 'PhoneAdviceGiven' }, { type: 'FollowUpScheduled', data: { dueAt: at(120) } }]);
    expect(state.status).toBe('decided');
  });
  it('given an assessed task, when the follow-up call is set before the advice, then it is in the past', () => {
    spec(assessedTask()).when({ type: 'Decide', at: at(7), actor: n1, decision: { ...advice, followUpAt: at(6) } }).thenRejects('follow-up-in-the-past');
  });
  it('given an assessed task, when the follow-up call is more than 72 hours ahead, then it is too far (it would leave the queue for ever)', () => {
    spec(assessedTask()).when({ type: 'Decide', at: at(7), actor: n1, decision: { ...advice, followUpAt: '9999-01-01T00:00:00Z' } }).thenRejects('follow-up-too-far');
  });
  it('given an assessed task, when the nurse redirects, then the handoff deadline is S6 minutes ahead', () => {
    spec(assessedTask()).when({ type: 'Decide', at: at(7), actor: n1, decision: redirect })
      .then([{ type: 'RedirectRequested', data: { target: 'oulu-home-care', targetKind: 'home-care', handoffNote: 'visit today', patientInformed: true, handoffDeadline: at(37) } }]);
  });
  it('given a task nurse 1 holds, when a supervisor decides it, then the unit is requested', () => {
    spec(assessedTask()).when({ type: 'Decide', at: at(7), actor: supervisor, decision: { kind: 'send-unit', unitLevel: 'basic', urgency: 'D' } })
      .then([{ type: 'UnitRequested', data: { unitLevel: 'basic', urgency: 'D', reason: 'nurse-decision' } }, waitingRecall(37)]);
  });
});

describe('what a no-unit decision needs first', () => {
  it('given an uninformed patient, when the nurse gives advice, then the patient must be informed (S5)', () => {
    spec(assessedTask()).when({ type: 'Decide', at: at(7), actor: n1, decision: { ...advice, patientInformed: false } }).thenRejects('patient-must-be-informed');
  });
  it('given an uninformed patient, when the nurse redirects, then the patient must be informed (S5)', () => {
    spec(assessedTask()).when({ type: 'Decide', at: at(7), actor: n1, decision: { ...redirect, patientInformed: false } }).thenRejects('patient-must-be-informed');
  });
  it('given no contact, when the nurse gives advice, then it needs contact', () => {
    spec([e.received(), e.claimed()]).when({ type: 'Decide', at: at(7), actor: n1, decision: advice }).thenRejects('no-contact');
  });
  it('given contact but no assessment, when the nurse gives advice, then it needs the assessment', () => {
    spec([e.received(), e.claimed(), e.callback('reached', 1)]).when({ type: 'Decide', at: at(7), actor: n1, decision: advice }).thenRejects('not-assessed');
  });
});

describe('one decision, by the task’s holder', () => {
  it('given a unit sent, when a supervisor gives advice, then it is already decided', () => {
    spec([...assessedTask(), e.unit()]).when({ type: 'Decide', at: at(9), actor: supervisor, decision: advice }).thenRejects('already-decided');
  });
  it('given a follow-up call in hand, when the nurse redirects, then it is already decided', () => {
    const followUpClaimed = [...assessedTask(), e.advised(at(60)), e.followUpScheduled(at(60)), e.claimed(61)];
    spec(followUpClaimed).when({ type: 'Decide', at: at(62), actor: n1, decision: redirect }).thenRejects('already-decided');
  });
  it('given a task nurse 1 holds, when nurse 2 decides it, then she is not the owner', () => {
    spec(assessedTask()).when({ type: 'Decide', at: at(7), actor: n2, decision: advice }).thenRejects('not-owner');
  });
  it('given an unclaimed task, when a nurse decides it, then it is not claimed', () => {
    spec([e.received()]).when({ type: 'Decide', at: at(7), actor: n1, decision: advice }).thenRejects('not-claimed');
  });
});

describe('a later decision never lowers an escalated task', () => {
  it('given a task escalated to B, when the nurse sends a unit at C, then the escalation cannot be undone', () => {
    spec(escalatedTask()).when({ type: 'Decide', at: at(8), actor: n1, decision: { kind: 'send-unit', unitLevel: 'basic', urgency: 'C' } }).thenRejects('escalation-cannot-be-undone');
  });
  it('given a task escalated to B, when the nurse gives advice, then the escalation cannot be undone', () => {
    spec(escalatedTask()).when({ type: 'Decide', at: at(8), actor: n1, decision: advice }).thenRejects('escalation-cannot-be-undone');
  });
  it('given a task escalated to B, when a supervisor redirects, then the escalation cannot be undone', () => {
    spec(escalatedTask()).when({ type: 'Decide', at: at(8), actor: supervisor, decision: redirect }).thenRejects('escalation-cannot-be-undone');
  });
});
