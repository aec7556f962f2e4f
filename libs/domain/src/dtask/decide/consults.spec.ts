import { specification } from '../../testing/specification';
import { advice, assessedTask, at, e, n1, n2, redirect, supervisor, waitingRecall } from '../../testing/fixtures';

const spec = specification();
const consult = { consultant: 'ems-physician' as const, question: 'is advice enough?', advice: 'yes, with a safety net' };
const disposition = { careLevel: 'primary-care' as const, within: 'PT4H', transport: 'own' as const };

describe('consults', () => {
  it('given a task held by nurse-1, when she records a consult without an id, then the decider names it consult-1', () => {
    const state = spec(assessedTask()).when({ type: 'RecordConsult', at: at(6), actor: n1, ...consult })
      .then([{ type: 'ConsultRecorded', data: { consultId: 'consult-1', ...consult } }]);
    expect(state.consults).toEqual([{ consultId: 'consult-1', consultant: 'ems-physician', at: at(6) }]);
  });
  it('given a consult-1, when another is recorded without an id, then it is consult-2; with the id consult-1, it is refused', () => {
    spec([...assessedTask(), e.consulted('consult-1')]).when({ type: 'RecordConsult', at: at(7), actor: n1, ...consult, consultant: 'on-call-doctor' })
      .then([{ type: 'ConsultRecorded', data: { consultId: 'consult-2', ...consult, consultant: 'on-call-doctor' } }]);
    spec([...assessedTask(), e.consulted('consult-1')]).when({ type: 'RecordConsult', at: at(7), actor: n1, consultId: 'consult-1', ...consult }).thenRejects('already-exists');
  });
  it('given a task held by nurse-1, when nurse-2 records a consult, then another nurse owns it; a supervisor may', () => {
    spec(assessedTask()).when({ type: 'RecordConsult', at: at(6), actor: n2, ...consult }).thenRejects('not-owner');
    spec(assessedTask()).when({ type: 'RecordConsult', at: at(6), actor: supervisor, consultId: 'fc-call', ...consult, consultant: 'field-commander' })
      .then([fieldCommanderConsult('fc-call')]);
  });
  it('given a task in the queue, when a nurse records a consult, then she claims it first', () => {
    spec([e.received()]).when({ type: 'RecordConsult', at: at(1), actor: n1, ...consult }).thenRejects('not-claimed');
  });
});

describe('decisions with a disposition and a consult', () => {
  it('given a consult, when the nurse advises naming it with a care level, timeframe and transport, then the advice carries them', () => {
    const state = spec([...assessedTask(), e.consulted('consult-1')]).when({ type: 'Decide', at: at(8), actor: n1, decision: { ...advice, ...disposition, consultId: 'consult-1' } })
      .then([{ type: 'PhoneAdviceGiven', data: { advice: 'rest, drink', safetyNet: 'call 112 if breathing gets worse', patientInformed: true, ...disposition, consultId: 'consult-1' } }, { type: 'DTaskClosed' }]);
    expect(state.decision).toEqual({ kind: 'phone-advice', at: at(8), ...disposition, consultId: 'consult-1' });
  });
  it('given an assessed task, when the nurse redirects with a care level and timeframe, then the redirect carries them, and no consult', () => {
    spec(assessedTask()).when({ type: 'Decide', at: at(8), actor: n1, decision: { ...redirect, careLevel: 'social-care', within: 'P1D' } })
      .then([{ type: 'RedirectRequested', data: { target: 'oulu-home-care', targetKind: 'home-care', handoffNote: 'visit today', patientInformed: true, handoffDeadline: at(38), careLevel: 'social-care', within: 'P1D' } }]);
  });
  it('given a consult, when the nurse sends a unit on it, then the request names it', () => {
    spec([...assessedTask(), e.consulted('consult-1')]).when({ type: 'Decide', at: at(8), actor: n1, decision: { kind: 'send-unit', unitLevel: 'basic', urgency: 'D', consultId: 'consult-1' } })
      .then([{ type: 'UnitRequested', data: { unitLevel: 'basic', urgency: 'D', reason: 'nurse-decision', consultId: 'consult-1' } }, waitingRecall(38)]);
  });
  it.each([
    ['advice', { ...advice, consultId: 'consult-9' }],
    ['a redirect', { ...redirect, consultId: 'consult-9' }],
    ['a unit', { kind: 'send-unit' as const, unitLevel: 'basic' as const, urgency: 'D' as const, consultId: 'consult-9' }],
  ])('given only consult-1, when %s names consult-9, then the consult is unknown', (_, decision) => {
    spec([...assessedTask(), e.consulted('consult-1')]).when({ type: 'Decide', at: at(8), actor: n1, decision }).thenRejects('unknown-consult');
  });
  it('given a decision without a disposition, then the state’s decision has only its kind and time (as before v1.1)', () => {
    const state = spec(assessedTask()).when({ type: 'Decide', at: at(8), actor: n1, decision: { ...advice, followUpAt: at(60) } }).then([{ type: 'PhoneAdviceGiven' }, { type: 'FollowUpScheduled' }]);
    expect(state.decision).toEqual({ kind: 'phone-advice', at: at(8) });
  });
});

function fieldCommanderConsult(consultId: string) {
  return { type: 'ConsultRecorded' as const, data: { consultId, ...consult, consultant: 'field-commander' as const } };
}
