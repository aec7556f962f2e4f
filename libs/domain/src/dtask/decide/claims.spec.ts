import { specification } from '../../testing/specification';
import { at, awaitingHandoff, e, n1, n2, pendingFollowUp } from '../../testing/fixtures';

const spec = specification();

describe('claim', () => {
  it('given a waiting task, when a nurse claims it, then she holds it', () => {
    spec([e.received()]).when({ type: 'Claim', at: at(1), actor: n1 }).then([{ type: 'DTaskClaimed', data: { nurseId: 'nurse-1' } }]);
  });
  it('given a task nurse 1 holds, when she claims it again, then nothing changes', () => {
    spec([e.received(), e.claimed()]).when({ type: 'Claim', at: at(2), actor: n1 }).then([]);
  });
  it('given a task nurse 1 holds, when nurse 2 claims it, then she is refused', () => {
    spec([e.received(), e.claimed()]).when({ type: 'Claim', at: at(2), actor: n2 }).thenRejects('claimed-by-another-nurse');
  });
  it('given a task waiting for a handoff, when a nurse claims it, then it is not claimable', () => {
    spec(awaitingHandoff()).when({ type: 'Claim', at: at(9), actor: n2 }).thenRejects('not-claimable');
  });
});

describe('release', () => {
  it('given a task nurse 1 holds, when she releases it, then it waits in the queue again', () => {
    const state = spec([e.received(), e.claimed()]).when({ type: 'Release', at: at(2), actor: n1 }).then([{ type: 'DTaskReleased' }]);
    expect(state.status).toBe('waiting');
  });
  it('given a task nurse 1 holds, when nurse 2 releases it, then she is not the owner', () => {
    spec([e.received(), e.claimed()]).when({ type: 'Release', at: at(2), actor: n2 }).thenRejects('not-owner');
  });
  it('given an unclaimed task, when a nurse releases it, then it is not claimed', () => {
    spec([e.received()]).when({ type: 'Release', at: at(2), actor: n1 }).thenRejects('not-claimed');
  });
  it('given a follow-up call in hand, when the nurse releases it, then it returns to the decided list, not the waiting queue', () => {
    const state = spec([...pendingFollowUp(), e.claimed(61)]).when({ type: 'Release', at: at(62), actor: n1 }).then([{ type: 'DTaskReleased' }]);
    expect(state.status).toBe('decided');
  });
});
