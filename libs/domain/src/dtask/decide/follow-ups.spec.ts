import { specification } from '../../testing/specification';
import { assessedTask, at, e, n1, n2, pendingFollowUp, waitingRecall } from '../../testing/fixtures';

const spec = specification();

describe('follow-up calls', () => {
  it('given a follow-up nurse 2 claimed, when she reaches the patient, then the task closes as phone advice', () => {
    spec([...pendingFollowUp(), e.claimed(61, 'nurse-2')]).when({ type: 'RecordFollowUp', at: at(62), actor: n2, outcome: 'reached' })
      .then([{ type: 'FollowUpCompleted', data: { outcome: 'reached', attempt: 1 } }, { type: 'DTaskClosed', data: { outcome: 'phone-advice' } }]);
  });
  it('given a follow-up in hand, when the first call goes unanswered, then one failed call is counted', () => {
    const state = spec([...pendingFollowUp(), e.claimed(61)]).when({ type: 'RecordFollowUp', at: at(62), actor: n1, outcome: 'no-answer' }).then([{ type: 'FollowUpCompleted' }]);
    expect(state.followUp?.failedAttempts).toBe(1);
  });
  it('given one unanswered follow-up call, when the second fails too, then a unit is sent as unreachable', () => {
    spec([...pendingFollowUp(), e.claimed(61), e.followUpFailed(62)])
      .when({ type: 'RecordFollowUp', at: at(70), actor: n1, outcome: 'busy' })
      .then([{ type: 'FollowUpCompleted' }, { type: 'UnitRequested', data: { unitLevel: 'basic', urgency: 'D', reason: 'unreachable' } }, waitingRecall(100, 2)]);
  });
  it('given no follow-up scheduled, when a nurse records one, then none is pending', () => {
    spec(assessedTask()).when({ type: 'RecordFollowUp', at: at(62), actor: n1, outcome: 'reached' }).thenRejects('no-follow-up-pending');
  });
});
