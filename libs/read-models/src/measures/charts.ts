import { ChartsView as Charts, MonthlyChartPoint, TimeToContactBucket } from '@dtask/events';
import { helsinkiMonth } from '../helsinki-time';
import { measure, MeasureOptions, REFERENCE_PER_YEAR } from './load-reduction';
import { TaskFacts } from './task-facts';

const DAY_MS = 86_400_000;
const YEAR_MS = 365 * DAY_MS;

/** Upper bounds (minutes) of the time-to-contact buckets; the last bucket is everything above the last bound. */
export const TIME_TO_CONTACT_BOUNDS_MINUTES = [5, 10, 15, 20, 30, 45, 60, 90, 120] as const;

/**
 * The analysts' charts for tasks received in [fromMs, toMs): every figure comes from `measure()`,
 * applied per month, so a chart never disagrees with the load-reduction report.
 */
export function charts(tasks: TaskFacts[], window: { fromMs: number; toMs: number }, options: Omit<MeasureOptions, 'windowDays'>): Charts {
  const inWindow = tasks.filter((task) => task.receivedAtMs >= window.fromMs && task.receivedAtMs < window.toMs);
  const byMonth = new Map<string, TaskFacts[]>();
  for (const task of inWindow) {
    const key = helsinkiMonth(task.receivedAtMs).key;
    const list = byMonth.get(key);
    if (list) list.push(task);
    else byMonth.set(key, [task]);
  }

  const monthly: MonthlyChartPoint[] = [];
  let cumulative = 0;
  // Every month of the window appears, empty ones too, so the time axis has no gaps.
  for (let start = window.fromMs; start < window.toMs; ) {
    const month = helsinkiMonth(start);
    const endMs = Math.min(month.endMs, window.toMs);
    const list = byMonth.get(month.key) ?? [];
    const m = measure(list, { ...options, windowDays: (endMs - start) / DAY_MS });
    cumulative += m.resolvedWithoutUnit;
    monthly.push({
      month: month.key,
      tasks: m.tasks,
      unitRequested: m.unitRequested,
      phoneAdvice: m.phoneAdvice,
      redirect: Object.values(m.redirect).reduce((sum, n) => sum + n, 0),
      redirectByKind: m.redirect,
      escalated: m.escalated,
      autoDispatch: m.autoDispatch.unreachable + m.autoDispatch.waitingLimit,
      resolvedWithoutUnit: m.resolvedWithoutUnit,
      cumulativeResolvedWithoutUnit: cumulative,
      referenceCumulative: round1((REFERENCE_PER_YEAR * (endMs - window.fromMs)) / YEAR_MS),
      secondContactRate24h: m.secondContacts.rate24h,
      secondContactRate72h: m.secondContacts.rate72h,
      recontactRate24h: m.recontacts.rate24h,
      recontactRate72h: m.recontacts.rate72h,
      repeatCalls: m.repeatCalls,
      recallsDue: m.recalls.due,
      recallsWorse: m.recalls.worse,
      fieldCommanderUnits: m.fieldCommanderUnits,
      unitMinutesMedian: m.unitMinutesMeasured.median,
      withinTargetShare: m.withinTarget.share,
      overTriageShare: m.overTriage.share,
      careLevel: m.careLevel,
      consults: m.consults,
      interpreter: m.interpreter,
      failedVisits: m.failedVisits,
    });
    start = endMs;
  }

  return { referencePerYear: REFERENCE_PER_YEAR, monthly, timeToContact: timeToContact(inWindow, options) };
}

function timeToContact(tasks: TaskFacts[], options: { assumedMissionMinutes: number }): Charts['timeToContact'] {
  const bounds = [0, ...TIME_TO_CONTACT_BOUNDS_MINUTES];
  const buckets: TimeToContactBucket[] = bounds.map((fromMinutes, index) => ({ fromMinutes, toMinutes: bounds[index + 1] ?? null, count: 0 }));
  let count = 0;
  for (const task of tasks) {
    if (task.firstContactMs === undefined) continue;
    const minutes = (task.firstContactMs - task.receivedAtMs) / 60_000;
    // Buckets are [from, to): a contact at exactly 5 minutes counts in 5–10.
    const index = TIME_TO_CONTACT_BOUNDS_MINUTES.findIndex((bound) => minutes < bound);
    buckets[index === -1 ? buckets.length - 1 : index]!.count += 1;
    count += 1;
  }
  // Median and p90 exactly as the report computes them.
  const { medianSeconds, p90Seconds } = measure(tasks, { assumedMissionMinutes: options.assumedMissionMinutes, windowDays: 1 }).timeToContact;
  return { buckets, count, medianSeconds, p90Seconds };
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}
