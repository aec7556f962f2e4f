import { EventBatches } from './fold-event';
import { GroupBy, measure, measureGroups, MeasureOptions, Measures } from './measures/load-reduction';
import { MeasureRow, measureRows } from './measures/measure-rows';
import { TaskFacts, TaskFactsFold } from './measures/task-facts';

export interface ReplayWindow {
  fromMs: number;
  toMs: number;
}

export interface LoadReductionReplay {
  from: string;
  to: string;
  events: number;
  totals: Measures;
  groups: ({ key: string } & Measures)[];
}

const DAY_MS = 86_400_000;

/**
 * The measures' options but the window's length, which the replay's window gives. `asOfMs`: the
 * instant a recall still pending counts as due by, as the live report's clock.
 */
export type ReplayOptions = Omit<MeasureOptions, 'windowDays'>;

/**
 * Rebuilds the load-reduction measures from `$all` with the same fold the live service runs, so a
 * replay and the live report agree exactly. A task counts in the window of its receipt; its whole
 * history is folded, as the live report folds everything it has seen.
 */
export async function replayLoadReduction(
  batches: EventBatches,
  window: ReplayWindow,
  options: ReplayOptions & { groupBy?: GroupBy },
): Promise<LoadReductionReplay> {
  const { tasks, count, measureOptions } = await replayTasks(batches, window, options);
  return {
    ...windowOf(window),
    events: count,
    totals: measure(tasks, measureOptions),
    groups: options.groupBy ? measureGroups(tasks, options.groupBy, measureOptions) : [],
  };
}

export interface MeasureRowsReplay {
  from: string;
  to: string;
  events: number;
  rows: MeasureRow[];
}

/** The measures CSV's rows (every breakdown at once) from `$all`, by the same fold as the live export. */
export async function replayMeasureRows(
  batches: EventBatches,
  window: ReplayWindow,
  options: ReplayOptions,
): Promise<MeasureRowsReplay> {
  const { tasks, count, measureOptions } = await replayTasks(batches, window, options);
  return { ...windowOf(window), events: count, rows: measureRows(tasks, measureOptions) };
}

async function replayTasks(
  batches: EventBatches,
  window: ReplayWindow,
  { groupBy: _, ...options }: ReplayOptions & { groupBy?: GroupBy },
): Promise<{ tasks: TaskFacts[]; count: number; measureOptions: MeasureOptions }> {
  const fold = new TaskFactsFold();
  let count = 0;
  for await (const batch of batches) {
    for (const event of batch) fold.apply(event);
    count += batch.length;
  }
  const tasks = [...fold.tasks.values()].filter((task) => task.receivedAtMs >= window.fromMs && task.receivedAtMs < window.toMs);
  return { tasks, count, measureOptions: { ...options, windowDays: (window.toMs - window.fromMs) / DAY_MS } };
}

const windowOf = (window: ReplayWindow) => ({ from: new Date(window.fromMs).toISOString(), to: new Date(window.toMs).toISOString() });
