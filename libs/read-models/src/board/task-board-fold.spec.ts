import { createDTaskDecider, DEFAULT_SAFETY_RULES } from '@dtask/domain';
import { at, e, pendingFollowUp, TASK_ID, waitingForUnit } from '../../../domain/src/testing/fixtures';
import { FoldEvent } from '../fold-event';
import { TaskBoardFold } from './task-board-fold';

const decider = createDTaskDecider(DEFAULT_SAFETY_RULES);
const fold = () => new TaskBoardFold(decider);
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

describe('the task board: recalls, repeat calls and the same patient (v1.1)', () => {
  const OTHER = '6c1d2f4e-3a1d-4e8b-9c2f-7d6e5a4b3c21';
  const storedAs = (taskId: string, event: ReturnType<typeof e.received>): FoldEvent => ({ ...stored(event), streamId: `dtask-${taskId}` });

  it('brings a task waiting for its D unit back when its S8 recall falls due, with the recall and its own wait clock', () => {
    const board = fold();
    for (const event of waitingForUnit()) board.apply(stored(event));
    expect(board.queue(new Date(at(37)))).toEqual([]);
    const [item] = board.queue(new Date(at(45)));
    expect(item).toMatchObject({ taskId: TASK_ID, status: 'decided', recall: { recallId: 'waiting-for-unit-1', reason: 'waiting-for-unit', dueAt: at(38) }, waitingSince: at(38) });
    expect(item!.flags).toContain('recall-due');
    board.apply(stored(e.mission('on-scene', 46)));
    expect(board.queue(new Date(at(47)))).toEqual([]);
  });

  it('shows a waiting task with no recall as `recall: null`, counted from its receipt', () => {
    const board = fold();
    board.apply(stored(e.received(0)));
    expect(board.queue(new Date(at(5)))[0]).toMatchObject({ recall: null, waitingSince: at(0) });
  });

  it('names the v1 follow-up that is due as its recall', () => {
    const board = fold();
    for (const event of pendingFollowUp()) board.apply(stored(event));
    expect(board.queue(new Date(at(61)))[0]!.recall).toEqual({ recallId: 'follow-up', reason: 'follow-up', dueAt: at(60) });
  });

  it('puts a task with a repeat call first, before an older waiting one', () => {
    const board = fold();
    board.apply(storedAs(OTHER, e.received(0, { taskId: OTHER })));
    board.apply(stored(e.received(30)));
    board.apply(stored(e.ercUpdate({ kind: 'repeat-call', notes: 'called again' }, 31)));
    expect(board.queue(new Date(at(32))).map((item) => item.taskId)).toEqual([TASK_ID, OTHER]);
    expect(board.queue(new Date(at(32)))[0]!.flags).toContain('repeat-call');
  });

  it('finds the patient’s open task for a new intake, and none once it is closed', () => {
    const board = fold();
    board.apply(stored(e.received(0)));
    const patient = board.patients.refOf('010142-123A', '+358401234567')!;
    expect(board.openTaskOfPatient(patient, OTHER)).toBe(TASK_ID);
    expect(board.openTaskOfPatient(patient, TASK_ID)).toBeUndefined();
    board.apply(storedAs(OTHER, e.received(2, { taskId: OTHER })));
    expect(board.openTasksLinkedTo(OTHER)).toEqual([TASK_ID]);
    expect(board.openTasksLinkedTo(TASK_ID)).toEqual([OTHER]);
    board.apply(stored(e.closed('cancelled', 3)));
    expect(board.openTaskOfPatient(patient, OTHER)).toBeUndefined();
    expect(board.openTasksLinkedTo(OTHER)).toEqual([]);
  });

  it('saves no number or address the ERC sent later: the board’s snapshot names no one', () => {
    const board = fold();
    board.apply(stored(e.received(0)));
    board.apply(stored(e.ercUpdate({ kind: 'new-information', callbackPhone: '+358 40 555 1234', address: 'Kauppurienkatu 7 B' }, 3)));
    const saved = JSON.stringify(board.saveState());
    expect(saved).not.toMatch(/555 1234|Kauppurienkatu/);
    expect(board.open.get(TASK_ID)!.callbackPhone).toBeUndefined();
  });
});
