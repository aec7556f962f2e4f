import { specification } from '../../testing/specification';
import { advice, at, e, n1, redirect, supervisor } from '../../testing/fixtures';
import { fold } from '../decider';
import { TimedEvent } from '../state';
import { flagsOf } from '../flags';

const spec = specification();
const assessed = (identity: 'verified' | 'unverified' | undefined, minute = 5, redFlags: 'chest-pain'[] = []): TimedEvent => ({
  type: 'AssessmentRecorded',
  data: { redFlags, concern: false, symptoms: 'dizzy', existingServices: [], notes: '', ...(identity ? { identity } : {}) },
  at: at(minute),
});
const reached = [e.received(), e.claimed(), e.callback('reached', 1)];

describe('S9: a patient whose identity could not be verified gets a unit', () => {
  it('given an unverified identity, when the nurse gives phone advice, then it is refused', () => {
    spec([...reached, assessed('unverified')]).when({ type: 'Decide', at: at(7), actor: n1, decision: advice }).thenRejects('identity-unverified');
  });
  it('given an unverified identity, when the nurse redirects, then it is refused', () => {
    spec([...reached, assessed('unverified')]).when({ type: 'Decide', at: at(7), actor: n1, decision: redirect }).thenRejects('identity-unverified');
  });
  it('given an unverified identity, when the nurse sends a unit, then it is requested', () => {
    spec([...reached, assessed('unverified')]).when({ type: 'Decide', at: at(7), actor: n1, decision: { kind: 'send-unit', unitLevel: 'basic', urgency: 'D' } })
      .then([{ type: 'UnitRequested' }, { type: 'RecallScheduled' }]);
  });
  it('given an unverified identity and a red flag, when the nurse gives advice, then the red flag is named first', () => {
    spec([...reached, assessed('unverified', 5, ['chest-pain'])]).when({ type: 'Decide', at: at(7), actor: n1, decision: advice }).thenRejects('red-flags-present');
  });
  it('given an unverified identity, when the state is shown, then it is flagged', () => {
    expect(flagsOf(fold([...reached, assessed('unverified')]))).toEqual(['identity-unverified']);
  });
  it('given an identity verified, when the nurse gives advice, then it closes', () => {
    spec([...reached, assessed('verified')]).when({ type: 'Decide', at: at(7), actor: n1, decision: advice }).then([{ type: 'PhoneAdviceGiven' }, { type: 'DTaskClosed' }]);
  });
  it('given an assessment that does not tell (a v1 client), when the nurse gives advice, then it closes', () => {
    spec([...reached, assessed(undefined)]).when({ type: 'Decide', at: at(7), actor: n1, decision: advice }).then([{ type: 'PhoneAdviceGiven' }, { type: 'DTaskClosed' }]);
  });
  it('given an unverified identity verified by a later assessment, when the nurse gives advice, then it closes', () => {
    spec([...reached, assessed('unverified'), assessed('verified', 6)]).when({ type: 'Decide', at: at(7), actor: n1, decision: advice }).then([{ type: 'PhoneAdviceGiven' }, { type: 'DTaskClosed' }]);
  });
  it('given an unverified identity and a later assessment that does not tell, when the nurse gives advice, then it is still refused', () => {
    spec([...reached, assessed('unverified'), assessed(undefined, 6)]).when({ type: 'Decide', at: at(7), actor: n1, decision: advice }).thenRejects('identity-unverified');
  });
  it('given advice with a follow-up and a reassessment finding the identity unverified, when the follow-up is recorded reached, then it cannot close as advice', () => {
    const followUp = [...reached, assessed('verified'), e.advised(at(60)), e.followUpScheduled(at(60)), e.claimed(61), assessed('unverified', 62)];
    spec(followUp).when({ type: 'RecordFollowUp', at: at(63), actor: n1, outcome: 'reached' }).thenRejects('identity-unverified');
  });
  it('given the same, when a supervisor closes it by hand, then it cannot close as advice either', () => {
    const followUp = [...reached, assessed('verified'), e.advised(at(60)), e.followUpScheduled(at(60)), e.claimed(61), assessed('unverified', 62)];
    spec(followUp).when({ type: 'Close', at: at(63), actor: supervisor }).thenRejects('identity-unverified');
  });
});
