import { createDTaskDecider, DEFAULT_SAFETY_RULES } from '@dtask/domain';
import { at, e, TASK_ID } from '../../../domain/src/testing/fixtures';
import { FoldEvent } from '../fold-event';
import { TaskBoardFold } from './task-board-fold';

const decider = createDTaskDecider(DEFAULT_SAFETY_RULES);
const fold = () => new TaskBoardFold(decider.evolve, decider.initialState);
let position = 0;
const stored = (event: ReturnType<typeof e.received>): FoldEvent => ({
  position: String((position += 1)),
  streamId: `dtask-${TASK_ID}`,
  type: event.type,
  data: event.data as Record<string, unknown>,
  metadata: { occurredAt: event.at, schemaVersion: 1, actor: { id: 'x', role: 'nurse' } },
});

describe('the task board queue', () => {
  it('counts a waiting task from its receipt', () => {
    const board = fold();
    board.apply(stored(e.received(0)));
    const [item] = board.queue(new Date(at(12)));
    expect(item!.waitingSince).toBe(at(0));
  });

  it('counts a due follow-up call from its due time, not from the first receipt', () => {
    const board = fold();
    for (const event of [e.received(0), e.claimed(1), e.callback('reached', 1, 2), e.assessed([], false, 5), e.advised(at(60), 8), e.followUpScheduled(at(60), 8)]) board.apply(stored(event));
    expect(board.queue(new Date(at(30)))).toEqual([]);
    const [item] = board.queue(new Date(at(75)));
    expect(item!.flags).toContain('follow-up-due');
    expect(item!.waitingSince).toBe(at(60));
  });
});
