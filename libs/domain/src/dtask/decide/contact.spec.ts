import { specification } from '../../testing/specification';
import { advice, assessedTask, at, e, n1, redirect, waitingRecall } from '../../testing/fixtures';

const spec = specification();
const assessment = { redFlags: [], concern: false, symptoms: 'dizzy', existingServices: [], notes: '' };

describe('callbacks and S1 unreachable patient', () => {
  it('given a claimed task, when the nurse records a busy line, then it is attempt 1', () => {
    spec([e.received(), e.claimed()]).when({ type: 'RecordCallback', at: at(2), actor: n1, outcome: 'busy' })
      .then([{ type: 'CallbackAttempted', data: { outcome: 'busy', attempt: 1 } }]);
  });
  it('given one failed attempt, when the second fails, then a unit is sent automatically as unreachable', () => {
    const state = spec([e.received(), e.claimed(), e.callback('no-answer', 1)])
      .when({ type: 'RecordCallback', at: at(5), actor: n1, outcome: 'wrong-number' })
      .then([{ type: 'CallbackAttempted' }, { type: 'UnitRequested', data: { unitLevel: 'basic', urgency: 'D', reason: 'unreachable' } }, waitingRecall(35)]);
    expect(state.status).toBe('decided');
  });
  it('given an unclaimed task, when a nurse records a callback, then it is not claimed', () => {
    spec([e.received()]).when({ type: 'RecordCallback', at: at(2), actor: n1, outcome: 'reached' }).thenRejects('not-claimed');
  });
});

describe('assessment', () => {
  it('given a reached patient, when the nurse records the assessment, then it is recorded', () => {
    spec([e.received(), e.claimed(), e.callback('reached', 1)]).when({ type: 'RecordAssessment', at: at(4), actor: n1, assessment })
      .then([{ type: 'AssessmentRecorded', data: assessment }]);
  });
  it('given no contact yet, when the nurse records an assessment, then it needs contact', () => {
    spec([e.received(), e.claimed()]).when({ type: 'RecordAssessment', at: at(4), actor: n1, assessment }).thenRejects('no-contact');
  });
});

describe('S3: a red flag or the nurse’s concern forbids a no-unit decision', () => {
  it('given chest pain, when the nurse gives phone advice, then red flags are present', () => {
    spec(assessedTask(['chest-pain'])).when({ type: 'Decide', at: at(7), actor: n1, decision: advice }).thenRejects('red-flags-present');
  });
  it('given suicidal intent, when the nurse redirects, then red flags are present', () => {
    spec(assessedTask(['suicidal-intent'])).when({ type: 'Decide', at: at(7), actor: n1, decision: redirect }).thenRejects('red-flags-present');
  });
  it('given the nurse’s concern, when she gives phone advice, then it counts as a red flag', () => {
    spec([e.received(), e.claimed(), e.callback('reached', 1), e.assessed([], true)]).when({ type: 'Decide', at: at(7), actor: n1, decision: advice }).thenRejects('red-flags-present');
  });
  it('given a red flag and a later assessment without it, when the nurse gives advice, then the red flag still holds', () => {
    const reassessed = [...assessedTask(['chest-pain']), e.assessed([], false, 6)];
    spec(reassessed).when({ type: 'Decide', at: at(7), actor: n1, decision: advice }).thenRejects('red-flags-present');
  });
});
