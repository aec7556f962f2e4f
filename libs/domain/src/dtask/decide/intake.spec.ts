import { specification } from '../../testing/specification';
import { advice, at, e, erc, n1, previousAdvice, received, T0, TASK_ID } from '../../testing/fixtures';
import { flagsOf } from '../flags';

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

describe('the same patient twice: an intake for a patient with an open task', () => {
  const OPEN = '7d2e3f4e-3a1d-4e8b-9c2f-7d6e5a4b3c21';
  it('given the patient’s other task open, when the ERC sends a new one, then it is linked and flagged duplicate-open', () => {
    const state = spec([]).when({ ...intake(), openTaskOf: { openTaskId: OPEN } }).then([{ type: 'DTaskReceived' }, { type: 'DuplicateOpenFlagged', data: { openTaskId: OPEN } }]);
    expect(state.linkedTaskIds).toEqual([OPEN]);
    expect(flagsOf(state)).toEqual(['duplicate-open']);
  });
  it('given the patient’s open task and a no-unit decision within the window, when the ERC sends a new one, then it is linked and a second contact', () => {
    spec([]).when({ ...intake(at(-60)), openTaskOf: { openTaskId: OPEN } }).then([{ type: 'DTaskReceived' }, { type: 'DuplicateOpenFlagged' }, { type: 'SecondContactFlagged' }]);
  });
  it('given the patient index naming this very task, when the ERC sends it, then it is not linked to itself', () => {
    spec([]).when({ ...intake(), openTaskOf: { openTaskId: TASK_ID } }).then([{ type: 'DTaskReceived' }]);
  });
});

describe('S4 after a unit mission that ended without conveyance', () => {
  const notConveyed = { previousTaskId: previousAdvice.previousTaskId, previousDecision: 'unit-not-conveyed' as const, previousDecidedAt: at(-120) };
  it('given a mission without conveyance 2 hours ago, when the ERC sends a new task, then it is a second contact', () => {
    spec([]).when({ ...intake(), secondContactOf: notConveyed }).then([{ type: 'DTaskReceived' }, { type: 'SecondContactFlagged', data: { ...notConveyed, hoursSince: 2 } }]);
  });
  it('given such a second contact assessed, when the nurse gives advice, then it needs the supervisor’s override', () => {
    const flagged: Parameters<typeof spec>[0] = [e.received(), { type: 'SecondContactFlagged', data: { ...notConveyed, hoursSince: 2 }, at: at(0) }, e.claimed(), e.callback('reached', 1), e.assessed()];
    spec(flagged).when({ type: 'Decide', at: at(7), actor: n1, decision: advice }).thenRejects('second-contact-needs-override');
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
