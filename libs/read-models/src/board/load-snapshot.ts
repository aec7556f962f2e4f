import { DTaskFlag, DTaskState, flagsOf, OTHER_AREA, REGION_AREAS } from '@dtask/domain';
import { AlertKind as AlertKindView, AlertTaskView, LoadAlertsView, QueueItemView } from '@dtask/events';
import { helsinkiStartOfDay, helsinkiStartOfYear } from '../helsinki-time';
import { measure, MeasureOptions, Measures } from '../measures/load-reduction';
import { unitHoursAt } from '../measures/evaluation-measures';
import { TaskFacts } from '../measures/task-facts';
import { BoardReferrals } from './referrals';
import { taskAtAGlance } from './task-at-a-glance';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
/** How long before today a task decided or overridden today may have been received (a follow-up is at most 72 h ahead, a visit's timeframe days). */
const ACTED_ON_LOOKBACK_MS = 30 * DAY_MS;

export interface LoadInputs {
  now: Date;
  /** The default queue at `now`. */
  queue: QueueItemView[];
  open: Iterable<DTaskState>;
  /** Facts of the tasks received in [fromMs, toMs). */
  receivedBetween(fromMs: number, toMs: number): TaskFacts[];
  assumedMissionMinutes: number;
  /** The county's contact target (MeasureOptions); the default if not told. */
  contactTargetMinutes?: number;
  /** The supervisor's open referrals and overdue visits at `now` (TaskBoardFold.referrals); none if not told. */
  referrals?: BoardReferrals;
}

/** The centre's load at an instant: what the supervisor wall shows live and analysts travel back to. */
export function loadSnapshot({ now, queue, open: openTasks, receivedBetween, assumedMissionMinutes, contactTargetMinutes, referrals }: LoadInputs) {
  const open = [...openTasks];
  const nowMs = now.getTime();
  const nursesActive = new Set(open.filter((task) => task.owner).map((task) => task.owner));
  const startOfToday = helsinkiStartOfDay(nowMs);
  // The centre's year starts at midnight in Helsinki, read on the local clock; its week on Monday.
  const startOfYear = helsinkiStartOfYear(nowMs);
  const startOfWeek = startOfToday - ((new Date(startOfToday + 12 * HOUR_MS).getUTCDay() + 6) % 7) * DAY_MS;
  const optionsSince = (fromMs: number): MeasureOptions => ({
    assumedMissionMinutes,
    windowDays: Math.max(1 / 24, (nowMs - fromMs) / DAY_MS),
    asOfMs: nowMs,
    ...(contactTargetMinutes === undefined ? {} : { contactTargetMinutes }),
  });
  const measureSince = (fromMs: number) => measure(receivedBetween(fromMs, nowMs + 1), optionsSince(fromMs));
  const todaysTasks = receivedBetween(startOfToday, nowMs + 1);
  const today = measure(todaysTasks, optionsSince(startOfToday));
  // Decisions and overrides count on the Helsinki day they are made: a night shift's task received before midnight is today's work.
  const isToday = (atMs: number | undefined) => atMs !== undefined && atMs >= startOfToday && atMs <= nowMs;
  const recentTasks = receivedBetween(startOfToday - ACTED_ON_LOOKBACK_MS, nowMs + 1);
  const decidedToday = recentTasks.filter((task) => isToday(task.decidedAtMs));
  const overridesToday = recentTasks.reduce((count, task) => count + task.overridesAtMs.filter(isToday).length, 0);
  const decisions = measure(decidedToday, optionsSince(startOfToday));
  const board = referrals ?? { awaitingHandoff: [], awaitingVisit: [], overdueVisits: [], failedVisits: [] };
  // A visit that failed or was not reported in time is its own figure (the referrals), not S6's return.
  const returnedByVisit = new Set([...board.failedVisits, ...board.overdueVisits.filter((visit) => visit.returnedAt)].map((visit) => visit.taskId));
  const alertTasks = alertTasksOf(open, nowMs).filter((alert) => alert.kind !== 'handoff-returned' || !returnedByVisit.has(alert.taskId));
  // The longest wait is of a task awaiting its first decision: a recall due (S8's, a follow-up) is
  // counted apart, and a task a service gave back has its own figures (S6, the failed and overdue visits).
  const undecided = queue.filter(awaitsFirstDecision);
  const recalls = queue.filter((item) => item.recall !== null);
  // Over every open task, claimed ones too: a second contact a nurse holds is still the supervisor's to see.
  const alerts: LoadAlertsView = {
    s2WaitingLimit: idsOf(alertTasks, 's2-alert'),
    s6HandoffReturned: idsOf(alertTasks, 'handoff-returned'),
    secondContacts: idsOf(alertTasks, 'second-contact'),
    s1Unreachable: idsOf(alertTasks, 'unreachable'),
    overridesToday,
    s8RecallsFailed: idsOf(alertTasks, 'recalls-failed'),
    s8UnitOverdue: idsOf(alertTasks, 'unit-overdue'),
    repeatCalls: idsOf(alertTasks, 'repeat-call'),
  };
  return {
    at: now.toISOString(),
    queueLength: queue.length,
    oldestWaitSeconds: undecided.reduce((oldest, item) => Math.max(oldest, item.waitingSeconds), 0),
    /** So a wall can keep counting the oldest wait between snapshots. */
    oldestReceivedAt: earliest(undecided.map((item) => item.receivedAt)),
    recallsDue: recalls.length,
    oldestRecallDueAt: earliest(recalls.map((item) => item.recall!.dueAt)),
    claimed: open.filter((task) => task.status === 'claimed').length,
    awaitingHandoff: open.filter((task) => task.status === 'awaiting-handoff').length,
    awaitingVisit: open.filter((task) => task.status === 'awaiting-visit').length,
    referrals: board,
    nursesActive: nursesActive.size,
    alerts,
    alertTasks,
    claimedTasks: claimedTasks(open, nowMs),
    areas: areaFigures(queue, open),
    decisionMixToday: {
      unitRequested: decisions.unitRequested,
      phoneAdvice: decisions.phoneAdvice,
      redirect: decisions.redirect,
      escalated: decisions.escalated,
      autoDispatch: decisions.autoDispatch,
      fieldCommanderUnits: decisions.fieldCommanderUnits,
    },
    loadReduction: {
      // Resolved today by today's decisions; the contact, unit-time and over-triage figures stay of the tasks received today.
      today: { ...loadReductionFigures(today), ...resolvedFigures(decisions, unitHoursAt(decisions.resolvedWithoutUnit, today.unitMinutesMeasured.mean)) },
      thisWeek: loadReductionFigures(measureSince(startOfWeek)),
      yearToDate: loadReductionFigures(measureSince(startOfYear)),
    },
    nurses: nurseWorkload(open, decidedToday),
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

/** Per nurse: tasks in hand now, and the decisions made today (how long each is held: `claimedTasks`). */
function nurseWorkload(open: { owner?: string }[], decidedToday: TaskFacts[]) {
  const nurses = new Map<string, { nurseId: string; claimedNow: number; decisionsToday: number }>();
  const of = (nurseId: string) => nurses.get(nurseId) ?? nurses.set(nurseId, { nurseId, claimedNow: 0, decisionsToday: 0 }).get(nurseId)!;
  for (const task of open) if (task.owner) of(task.owner).claimedNow += 1;
  for (const task of decidedToday) if (task.nurse) of(task.nurse).decisionsToday += 1;
  return [...nurses.values()].sort((a, b) => a.nurseId.localeCompare(b.nurseId));
}

/** What the supervisor is alerted to, as the queue's flags name it. */
export type AlertKind = Extract<DTaskFlag, AlertKindView>;
const ALERT_KINDS: readonly AlertKind[] = ['second-contact', 's2-alert', 'handoff-returned', 'unreachable', 'recalls-failed', 'unit-overdue', 'repeat-call'];
/** Alerts that stand while the task is undecided; the others while it is open (S1's and S8's on a unit on its way). */
const UNDECIDED_ONLY: ReadonlySet<AlertKind> = new Set(['second-contact', 's2-alert', 'handoff-returned']);

/** One alert on one task, with what the wall shows of it (the shape the console reads too); S1's with its unit's time. */
export type AlertTask = AlertTaskView & { kind: AlertKind; status: DTaskState['status']; unitSentAt?: string };

/**
 * S2, S4 and S6 alerts stand while the task is undecided (waiting or in a nurse's hands); an
 * unreachable patient (S1) until reached again or the unit is on scene (its flag), its wait
 * stopped at the unit; S8's while the D unit has not reached the scene (the flags say so); a repeat
 * call while the task is open.
 */
function alertTasksOf(open: DTaskState[], nowMs: number): AlertTask[] {
  const alerts: AlertTask[] = [];
  for (const state of open) {
    if (!state.taskId || !state.receivedAt) continue;
    const undecided = state.status === 'waiting' || state.status === 'claimed';
    const flags = flagsOf(state);
    for (const kind of ALERT_KINDS) {
      if (!flags.includes(kind) || (UNDECIDED_ONLY.has(kind) && !undecided)) continue;
      // S1's flag stands only while the patient is still not reached (flags.ts, stillUnreached).
      const unitSentAt = kind === 'unreachable' ? state.unitRequested!.at : undefined;
      alerts.push({
        ...taskAtAGlance(state),
        kind,
        waitingSeconds: secondsSince(state.receivedAt, unitSentAt === undefined ? nowMs : Date.parse(unitSentAt)) ?? 0,
        ...(unitSentAt === undefined ? {} : { unitSentAt }),
        status: state.status,
        ...(state.owner ? { owner: state.owner } : {}),
        ...(state.claimedAt ? { claimedAt: state.claimedAt } : {}),
        overridden: kind === 'second-contact' && state.overrides.includes('S4-second-contact'),
        ...decisionOf(state),
      });
    }
  }
  return alerts.sort((a, b) => a.receivedAt.localeCompare(b.receivedAt) || a.taskId.localeCompare(b.taskId));
}

/** The decision in force and the next call back due, as an alert's tile says them. */
function decisionOf(state: DTaskState): Pick<AlertTaskView, 'decision' | 'nextRecallAt'> {
  const nextRecallAt = earliest(state.recalls.filter((recall) => recall.done === undefined).map((recall) => recall.dueAt));
  return { ...(state.decision ? { decision: state.decision.kind } : {}), ...(nextRecallAt ? { nextRecallAt } : {}) };
}

const idsOf = (alerts: AlertTask[], kind: AlertKind) => alerts.filter((alert) => alert.kind === kind).map((alert) => alert.taskId);

/** Tasks in a nurse's hands, the longest held first. */
function claimedTasks(open: DTaskState[], nowMs: number) {
  return open
    .filter((state) => state.status === 'claimed' && state.owner && state.taskId && state.receivedAt)
    .map((state) => ({
      ...taskAtAGlance(state),
      owner: state.owner!,
      ...(state.claimedAt ? { claimedAt: state.claimedAt, heldSeconds: secondsSince(state.claimedAt, nowMs)! } : {}),
      flags: flagsOf(state),
    }))
    .sort((a, b) => (a.claimedAt ?? '').localeCompare(b.claimedAt ?? '') || a.taskId.localeCompare(b.taskId));
}

/** Per EMS area, every area of the region listed even when quiet: its queue, oldest wait and tasks in hand. */
function areaFigures(queue: QueueItemView[], open: DTaskState[]) {
  const areas = new Map<string, { area: string; queueLength: number; oldestWaitSeconds: number; oldestReceivedAt?: string; claimed: number }>();
  const of = (area: string) => areas.get(area) ?? areas.set(area, { area, queueLength: 0, oldestWaitSeconds: 0, claimed: 0 }).get(area)!;
  for (const area of Object.keys(REGION_AREAS)) of(area);
  for (const item of queue) {
    const figures = of(item.area || OTHER_AREA);
    figures.queueLength += 1;
    if (awaitsFirstDecision(item) && item.waitingSeconds >= figures.oldestWaitSeconds) {
      figures.oldestWaitSeconds = item.waitingSeconds;
      figures.oldestReceivedAt = item.receivedAt;
    }
  }
  for (const state of open) if (state.status === 'claimed') of(state.area || OTHER_AREA).claimed += 1;
  return [...areas.values()];
}

/** A queue item the longest wait counts: no recall due on it, and not given back by a service. */
export const awaitsFirstDecision = (item: QueueItemView) => item.recall === null && !item.flags.includes('handoff-returned');

const earliest = (instants: string[]) => instants.reduce<string | undefined>((first, at) => (first === undefined || at < first ? at : first), undefined);

function secondsSince(iso: string | undefined, nowMs: number): number | undefined {
  return iso === undefined ? undefined : Math.max(0, Math.round((nowMs - Date.parse(iso)) / 1000));
}

/** The tasks resolved without a unit: count, share, yearly rate and the unit hours saved. */
function resolvedFigures(m: Measures, unitHoursAvoidedMeasured = m.unitHoursAvoidedMeasured) {
  return {
    resolvedWithoutUnit: m.resolvedWithoutUnit,
    resolvedWithoutUnitShare: m.resolvedWithoutUnitShare,
    unitHoursAvoided: m.unitHoursAvoided,
    yearlyRate: m.yearlyRate,
    unitHoursAvoidedMeasured,
  };
}

function loadReductionFigures(m: Measures) {
  return {
    tasks: m.tasks,
    assumedMissionMinutes: m.assumedMissionMinutes,
    referencePerYear: m.referencePerYear,
    ...resolvedFigures(m),
    // Issue 14: beside the assumption, the measured unit time, and how soon and how well the nurses' work went.
    unitMinutesMeasured: m.unitMinutesMeasured,
    withinTarget: m.withinTarget,
    overTriage: m.overTriage,
  };
}
