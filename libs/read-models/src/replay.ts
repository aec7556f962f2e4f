import { EventBatches } from './fold-event';
import { GroupBy, measure, measureGroups, Measures } from './measures/load-reduction';
import { TaskFactsFold } from './measures/task-facts';

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
 * Rebuilds the load-reduction measures from `$all` with the same fold the live service runs, so a
 * replay and the live report agree exactly. A task counts in the window of its receipt; its whole
 * history is folded, as the live report folds everything it has seen.
 */
export async function replayLoadReduction(
  batches: EventBatches,
  window: ReplayWindow,
  options: { assumedMissionMinutes: number; groupBy?: GroupBy },
): Promise<LoadReductionReplay> {
  const fold = new TaskFactsFold();
  let count = 0;
  for await (const batch of batches) {
    for (const event of batch) fold.apply(event);
    count += batch.length;
  }
  const tasks = [...fold.tasks.values()].filter((task) => task.receivedAtMs >= window.fromMs && task.receivedAtMs < window.toMs);
  const measureOptions = { assumedMissionMinutes: options.assumedMissionMinutes, windowDays: (window.toMs - window.fromMs) / DAY_MS };
  return {
    from: new Date(window.fromMs).toISOString(),
    to: new Date(window.toMs).toISOString(),
    events: count,
    totals: measure(tasks, measureOptions),
    groups: options.groupBy ? measureGroups(tasks, options.groupBy, measureOptions) : [],
  };
}
