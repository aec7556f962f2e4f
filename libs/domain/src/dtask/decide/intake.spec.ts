import { specification } from '../../testing/specification';
import { at, e, erc, n1, previousAdvice, received, T0 } from '../../testing/fixtures';

const spec = specification();
const intake = (previousDecidedAt?: string) => ({
  type: 'Intake' as const, at: T0, actor: erc, task: received(), ...(previousDecidedAt ? { secondContactOf: { ...previousAdvice, previousDecidedAt } } : {}),
});

describe('intake', () => {
  it('given no task, when the ERC sends one, then it is received', () => {
    spec([]).when(intake()).then([{ type: 'DTaskReceived', data: received() }]);
  });
  it('given no task, when the patient had advice 23 hours ago, then the task is flagged a second contact (S4)', () => {
    spec([]).when(intake(at(-60 * 23)))
      .then([{ type: 'DTaskReceived' }, { type: 'SecondContactFlagged', data: { ...previousAdvice, previousDecidedAt: at(-60 * 23), hoursSince: 23 } }]);
  });
  it('given no task, when the patient had advice 25 hours ago, outside the S4 window, then it is not flagged', () => {
    spec([]).when(intake(at(-60 * 25))).then([{ type: 'DTaskReceived' }]);
  });
  it('given a received task, when it comes again, then it is refused as already existing', () => {
    spec([e.received()]).when(intake()).thenRejects('already-exists');
  });
});

describe('cancel', () => {
  it('given a received task, when the ERC cancels it, then it closes as cancelled', () => {
    spec([e.received()]).when({ type: 'Cancel', at: at(3), actor: erc, reason: 'patient went by taxi' })
      .then([{ type: 'DTaskCancelled' }, { type: 'DTaskClosed', data: { outcome: 'cancelled' } }]);
  });
  it('given a claimed task, when the ERC cancels it, then it closes as cancelled with the reason', () => {
    spec([e.received(), e.claimed()]).when({ type: 'Cancel', at: at(3), actor: erc, reason: 'duplicate call' })
      .then([{ type: 'DTaskCancelled', data: { reason: 'duplicate call' } }, { type: 'DTaskClosed', data: { outcome: 'cancelled' } }]);
  });
});

describe('commands on a task that is not open', () => {
  it('given no task, when a nurse claims, then it is not found', () => {
    spec([]).when({ type: 'Claim', at: T0, actor: n1 }).thenRejects('not-found');
  });
  it('given a cancelled task, when a nurse claims, then it is closed', () => {
    spec([e.received(), e.closed('cancelled')]).when({ type: 'Claim', at: at(10), actor: n1 }).thenRejects('task-closed');
  });
});
