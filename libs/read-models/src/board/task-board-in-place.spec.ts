import { createDTaskDecider, DTaskDecider, TimedEvent } from '@dtask/domain';
import { currentSchemaVersion, dtaskStreamId, DTaskEventType } from '@dtask/events';
import fc from 'fast-check';
import { at, received } from '../../../domain/src/testing/fixtures';
import { historyArb, randomHistory } from '../../../domain/src/testing/random-history';
import { FoldEvent } from '../fold-event';
import { TaskBoardFold } from './task-board-fold';

const decider = createDTaskDecider();
/** The board as it folded before it owned its states: each event folded into a copy by the pure evolve. */
const pureDecider: Pick<DTaskDecider, 'evolveInPlace'> = { evolveInPlace: (state, event) => decider.evolve(state ?? decider.initialState, event) };

const taskId = (i: number) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
/** Two patients between the tasks, so the patient index links some of them. */
const task = (i: number) => received({ taskId: taskId(i), ercTaskId: `ERC-${i}`, patient: { ageYears: 70 + i, personId: `0101${40 + (i % 2)}-123A` } });

const stored = (id: string, event: TimedEvent, position: number): FoldEvent => ({
  position: String(position),
  streamId: dtaskStreamId(id),
  type: event.type,
  data: event.data as unknown as Record<string, unknown>,
  metadata: { occurredAt: event.at, schemaVersion: currentSchemaVersion(event.type as DTaskEventType) },
});

/** Every task's events in `$all`, the streams interleaved by `picks` (each stream keeps its order). */
function interleaved(histories: TimedEvent[][], picks: number[]): FoldEvent[] {
  const next = histories.map(() => 0);
  const all: FoldEvent[] = [];
  for (let pick = 0; all.length < histories.reduce((sum, history) => sum + history.length, 0); pick += 1) {
    const left = histories.map((history, i) => i).filter((i) => next[i]! < histories[i]!.length);
    const i = left[(picks[pick % Math.max(1, picks.length)] ?? 0) % left.length]!;
    all.push(stored(taskId(i), histories[i]![next[i]!]!, all.length + 1));
    next[i]! += 1;
  }
  return all;
}

describe('the task board folding its own states in place', () => {
  it('answers as the board that folded a copy per event, over random interleaved histories of several tasks: states, queues, referrals and snapshot', () => {
    fc.assert(
      fc.property(fc.array(historyArb, { minLength: 1, maxLength: 5 }), fc.array(fc.nat(), { maxLength: 60 }), fc.integer({ min: 0, max: 3000 }), (walks, picks, laterMinutes) => {
        const events = interleaved(walks.map((walk, i) => randomHistory(walk, task(i), i * 7)), picks);
        const inPlace = new TaskBoardFold(decider);
        const copying = new TaskBoardFold(pureDecider);
        for (const event of events) {
          inPlace.apply(event);
          copying.apply(event);
          expect([...inPlace.open]).toEqual([...copying.open]);
        }
        const now = new Date(Date.parse(at(laterMinutes)));
        expect(inPlace.queue(now)).toEqual(copying.queue(now));
        for (const status of ['waiting', 'claimed', 'decided', 'awaiting-visit', 'closed'] as const) expect(inPlace.queue(now, { status })).toEqual(copying.queue(now, { status }));
        expect(inPlace.referrals(now)).toEqual(copying.referrals(now));
        expect(JSON.stringify(inPlace.saveState())).toBe(JSON.stringify(copying.saveState()));
      }),
      { numRuns: 150 },
    );
  });

  it('keeps a closed task as it closed when anything follows its closure, as the copying board did', () => {
    const [intake, closure] = [
      { type: 'DTaskReceived', data: task(1), at: at(0) },
      { type: 'DTaskClosed', data: { outcome: 'cancelled' }, at: at(1) },
    ] as TimedEvent[];
    const late = { type: 'HandoffDeclined', data: { target: 'oulu-home-care', partnerId: 'p', reason: 'full' }, at: at(2) } as TimedEvent;
    const boards = [new TaskBoardFold(decider), new TaskBoardFold(pureDecider)];
    for (const board of boards) [intake!, closure!, late].forEach((event, i) => board.apply(stored(taskId(1), event, i + 1)));
    const now = new Date(Date.parse(at(3)));
    expect(boards[0]!.queue(now, { status: 'closed' })).toEqual(boards[1]!.queue(now, { status: 'closed' }));
    expect(boards[0]!.queue(now, { status: 'closed' })).toHaveLength(1);
    expect([...boards[0]!.open]).toEqual([...boards[1]!.open]);
  });
});
