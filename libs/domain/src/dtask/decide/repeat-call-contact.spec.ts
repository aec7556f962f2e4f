import { DEFAULT_SAFETY_RULES } from '../../safety-rules';
import { advice, at, e, n1, part, redirect, system } from '../../testing/fixtures';
import { specification } from '../../testing/specification';

const spec = specification();
const repeatCall = (minute: number) => e.ercUpdate({ kind: 'repeat-call', notes: 'a relative called again, worried' }, minute);
/** Reached and assessed at minutes 3 and 4; the relative calls 112 again at 6. */
const calledAgainAfterContact = [e.received(), e.claimed(1), e.callback('reached', 1, 3), e.assessed([], false, 4), repeatCall(6)];

// A call to 112 after the nurse's contact is news of the patient: the advice must not rest on the call before it.
describe('a repeat call to 112 after the nurse reached the patient, before a decision', () => {
  it('given the repeat call, when the nurse gives advice without calling again, then a reached call is required', () => {
    spec(calledAgainAfterContact).when({ type: 'Decide', at: at(7), actor: n1, decision: advice }).thenRejects('no-contact');
  });
  it('given the repeat call, when the nurse redirects without calling again, then a reached call is required', () => {
    spec(calledAgainAfterContact).when({ type: 'Decide', at: at(7), actor: n1, decision: redirect }).thenRejects('no-contact');
  });
  it('given the repeat call and the patient reached again, when advice follows the old assessment, then a new one is required', () => {
    spec([...calledAgainAfterContact, e.callback('reached', 2, 8)]).when({ type: 'Decide', at: at(9), actor: n1, decision: advice }).thenRejects('not-assessed');
  });
  it('given the patient reached and assessed again after the repeat call, when advice is given, then it closes the task', () => {
    spec([...calledAgainAfterContact, e.callback('reached', 2, 8), e.assessed([], false, 9)]).when({ type: 'Decide', at: at(10), actor: n1, decision: advice })
      .then([part('PhoneAdviceGiven', {}), part('DTaskClosed', { outcome: 'phone-advice' })]);
  });
  it('given the repeat call, when the second callback since fails, then S1 sends a unit', () => {
    spec([...calledAgainAfterContact, e.callback('no-answer', 2, 8)]).when({ type: 'RecordCallback', at: at(10), actor: n1, outcome: 'no-answer' }).then([
      part('CallbackAttempted', { outcome: 'no-answer', attempt: 3 }),
      part('UnitRequested', { reason: 'unreachable' }),
      part('RecallScheduled', { reason: 'waiting-for-unit' }),
    ]);
  });
  it('given the repeat call, when the first callback since fails, then no unit yet: S1 counts from the repeat call', () => {
    spec(calledAgainAfterContact).when({ type: 'RecordCallback', at: at(8), actor: n1, outcome: 'no-answer' }).then([part('CallbackAttempted', { attempt: 2 })]);
  });
  it('given a patient not yet reached with one failed call, when the relative calls 112 again, then the failed call still counts for S1', () => {
    const unreached = [e.received(), e.claimed(1), e.callback('no-answer', 1, 3), repeatCall(6)];
    spec(unreached).when({ type: 'RecordCallback', at: at(8), actor: n1, outcome: 'no-answer' }).then([
      part('CallbackAttempted', { outcome: 'no-answer', attempt: 2 }),
      part('UnitRequested', { reason: 'unreachable' }),
      part('RecallScheduled', { reason: 'waiting-for-unit' }),
    ]);
  });
  it('given a patient not yet reached, when S1’s time limit from the first failed call passes after a repeat call, then a unit is sent', () => {
    const unreached = [e.received(), e.claimed(1), e.callback('no-answer', 1, 3), repeatCall(6)];
    spec(unreached).when({ type: 'DispatchUnreachable', at: at(3 + DEFAULT_SAFETY_RULES.s1MinutesAfterFirstFailure), actor: system })
      .then([part('UnitRequested', { reason: 'unreachable' }), part('RecallScheduled', { reason: 'waiting-for-unit' })]);
  });
});
