import { DTaskState } from '@dtask/domain';
import { QueueItemView } from '@dtask/events';
import { helsinkiStartOfDay } from '../helsinki-time';
import { measure, Measures } from '../measures/load-reduction';
import { TaskFacts } from '../measures/task-facts';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

export interface LoadInputs {
  now: Date;
  /** The default queue at `now`. */
  queue: QueueItemView[];
  open: Iterable<DTaskState>;
  /** Facts of the tasks received in [fromMs, toMs). */
  receivedBetween(fromMs: number, toMs: number): TaskFacts[];
  assumedMissionMinutes: number;
}

/** The centre's load at an instant: what the supervisor wall shows live and analysts travel back to. */
export function loadSnapshot({ now, queue, open: openTasks, receivedBetween, assumedMissionMinutes }: LoadInputs) {
  const open = [...openTasks];
  const nowMs = now.getTime();
  const nursesActive = new Set(open.filter((task) => task.owner).map((task) => task.owner));
  const startOfToday = helsinkiStartOfDay(nowMs);
  // The centre's year starts at midnight in Helsinki (UTC+2 in winter); its week on Monday.
  const startOfYear = Date.UTC(now.getUTCFullYear(), 0, 1) - 2 * HOUR_MS;
  const startOfWeek = startOfToday - ((new Date(startOfToday + 12 * HOUR_MS).getUTCDay() + 6) % 7) * DAY_MS;
  const measureSince = (fromMs: number) =>
    measure(receivedBetween(fromMs, nowMs + 1), { assumedMissionMinutes, windowDays: Math.max(1 / 24, (nowMs - fromMs) / DAY_MS) });
  const todaysTasks = receivedBetween(startOfToday, nowMs + 1);
  const today = measure(todaysTasks, { assumedMissionMinutes, windowDays: Math.max(1 / 24, (nowMs - startOfToday) / DAY_MS) });
  return {
    at: now.toISOString(),
    queueLength: queue.length,
    oldestWaitSeconds: queue.reduce((oldest, item) => Math.max(oldest, item.waitingSeconds), 0),
    claimed: open.filter((task) => task.status === 'claimed').length,
    awaitingHandoff: open.filter((task) => task.status === 'awaiting-handoff').length,
    nursesActive: nursesActive.size,
    alerts: {
      s2WaitingLimit: queue.filter((item) => item.flags.includes('s2-alert')).map((item) => item.taskId),
      s6HandoffReturned: queue.filter((item) => item.flags.includes('handoff-returned')).map((item) => item.taskId),
      secondContacts: queue.filter((item) => item.flags.includes('second-contact')).map((item) => item.taskId),
      overridesToday: today.overrides,
    },
    decisionMixToday: {
      unitRequested: today.unitRequested,
      phoneAdvice: today.phoneAdvice,
      redirect: today.redirect,
      escalated: today.escalated,
      autoDispatch: today.autoDispatch,
    },
    loadReduction: {
      today: loadReductionFigures(today),
      thisWeek: loadReductionFigures(measureSince(startOfWeek)),
      yearToDate: loadReductionFigures(measureSince(startOfYear)),
    },
    nurses: nurseWorkload(open, todaysTasks),
  };
}

export type LoadSnapshot = ReturnType<typeof loadSnapshot>;

/** Queue length at the end of each bucket and decisions within it, for the supervisor's chart. */
export function loadHistory(tasks: TaskFacts[], fromMs: number, toMs: number, bucketMs: number) {
  const buckets: { at: string; queueLength: number; decisions: number }[] = [];
  for (let end = fromMs + bucketMs; end <= toMs; end += bucketMs) {
    let queueLength = 0;
    let decisions = 0;
    for (const task of tasks) {
      const leftQueueAt = task.firstContactMs ?? task.decidedAtMs ?? Number.POSITIVE_INFINITY;
      if (!task.cancelled && task.receivedAtMs <= end && leftQueueAt > end) queueLength += 1;
      if (task.decidedAtMs !== undefined && task.decidedAtMs > end - bucketMs && task.decidedAtMs <= end) decisions += 1;
    }
    buckets.push({ at: new Date(end).toISOString(), queueLength, decisions });
  }
  return buckets;
}

/** Per nurse: tasks in hand now, and today's decisions. */
function nurseWorkload(open: { owner?: string }[], todaysTasks: TaskFacts[]) {
  const nurses = new Map<string, { nurseId: string; claimedNow: number; decisionsToday: number }>();
  const of = (nurseId: string) => nurses.get(nurseId) ?? nurses.set(nurseId, { nurseId, claimedNow: 0, decisionsToday: 0 }).get(nurseId)!;
  for (const task of open) if (task.owner) of(task.owner).claimedNow += 1;
  for (const task of todaysTasks) if (task.nurse && task.decidedAtMs !== undefined) of(task.nurse).decisionsToday += 1;
  return [...nurses.values()].sort((a, b) => a.nurseId.localeCompare(b.nurseId));
}

function loadReductionFigures(m: Measures) {
  return {
    tasks: m.tasks,
    resolvedWithoutUnit: m.resolvedWithoutUnit,
    resolvedWithoutUnitShare: m.resolvedWithoutUnitShare,
    unitHoursAvoided: m.unitHoursAvoided,
    assumedMissionMinutes: m.assumedMissionMinutes,
    yearlyRate: m.yearlyRate,
    referencePerYear: m.referencePerYear,
  };
}
