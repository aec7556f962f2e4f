import { Inject, Injectable } from '@nestjs/common';
import { helsinkiStartOfDay, measure } from '@dtask/read-models';
import { Clock } from '../clock/clock';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { TaskBoard } from '../d-tasks/task-board.read-model';
import { TaskFactsReadModel } from '../reports/task-facts.read-model';

const DAY_MS = 86_400_000;

/** The centre's live load: what the supervisor wall shows and the live channel pushes. */
@Injectable()
export class LoadService {
  constructor(
    private readonly board: TaskBoard,
    private readonly facts: TaskFactsReadModel,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  history(hours: number) {
    const now = this.clock.now().getTime();
    const bucketMs = 15 * 60_000;
    const toMs = now - (now % bucketMs) + bucketMs;
    const fromMs = toMs - hours * 3_600_000;
    // Tasks received up to two days earlier can still be waiting inside the window.
    return { buckets: loadHistory(this.facts.receivedBetween(fromMs - 2 * DAY_MS, toMs), fromMs, toMs, bucketMs) };
  }

  snapshot() {
    const now = this.clock.now();
    const queue = this.board.queue(now, {});
    const open = [...this.board.open.values()];
    const nursesActive = new Set(open.filter((task) => task.owner).map((task) => task.owner));
    const startOfToday = helsinkiStartOfDay(now.getTime());
    const startOfYear = Date.UTC(now.getUTCFullYear(), 0, 1) - 2 * 3_600_000;
    const options = (fromMs: number) => ({
      assumedMissionMinutes: this.config.ASSUMED_MISSION_MINUTES,
      windowDays: Math.max(1 / 24, (now.getTime() - fromMs) / DAY_MS),
    });
    // The week starts on Monday in Finland.
    const startOfWeek = startOfToday - ((new Date(startOfToday + 12 * 3_600_000).getUTCDay() + 6) % 7) * DAY_MS;
    const todaysTasks = this.facts.receivedBetween(startOfToday, now.getTime() + 1);
    const today = measure(todaysTasks, options(startOfToday));
    const thisWeek = measure(this.facts.receivedBetween(startOfWeek, now.getTime() + 1), options(startOfWeek));
    const yearToDate = measure(this.facts.receivedBetween(startOfYear, now.getTime() + 1), options(startOfYear));
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
        today: pick(today),
        thisWeek: pick(thisWeek),
        yearToDate: pick(yearToDate),
      },
      nurses: nurseWorkload(open, todaysTasks),
    };
  }
}

/** Queue length at the end of each bucket and decisions within it, for the supervisor's chart. */
export function loadHistory(tasks: ReturnType<TaskFactsReadModel['receivedBetween']>, fromMs: number, toMs: number, bucketMs: number) {
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
function nurseWorkload(open: { owner?: string }[], todaysTasks: ReturnType<TaskFactsReadModel['receivedBetween']>) {
  const nurses = new Map<string, { nurseId: string; claimedNow: number; decisionsToday: number }>();
  const of = (nurseId: string) => nurses.get(nurseId) ?? nurses.set(nurseId, { nurseId, claimedNow: 0, decisionsToday: 0 }).get(nurseId)!;
  for (const task of open) if (task.owner) of(task.owner).claimedNow += 1;
  for (const task of todaysTasks) if (task.nurse && task.decidedAtMs !== undefined) of(task.nurse).decisionsToday += 1;
  return [...nurses.values()].sort((a, b) => a.nurseId.localeCompare(b.nurseId));
}

function pick(m: ReturnType<typeof measure>) {
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
