import { DEFAULT_CONTACT_TARGET_MINUTES, EvaluationMeasures, EvaluationTally } from './evaluation-measures';
import { medianAndP90, round, share } from './percentile';
import { wasDue } from './recall-facts';
import { TaskFacts } from './task-facts';

export const REFERENCE_PER_YEAR = 1500;
export const GROUP_BY = ['area', 'municipality', 'hour', 'nurse', 'taskCode'] as const;
export type GroupBy = (typeof GROUP_BY)[number];

/** The v1 measures, v1.1's (repeat calls, recalls, re-contacts) and issue 14's (EvaluationMeasures). */
export interface Measures extends EvaluationMeasures {
  tasks: number;
  cancelled: number;
  resolvedWithoutUnit: number;
  resolvedWithoutUnitShare: number;
  unitRequested: number;
  phoneAdvice: number;
  redirect: Record<string, number>;
  escalated: number;
  escalatedShare: number;
  autoDispatch: { unreachable: number; waitingLimit: number };
  unitHoursAvoided: number;
  assumedMissionMinutes: number;
  yearlyRate: number;
  referencePerYear: number;
  timeToContact: { medianSeconds: number | null; p90Seconds: number | null };
  timeToDecision: { medianSeconds: number | null; p90Seconds: number | null };
  secondContacts: { within24h: number; within72h: number; rate24h: number; rate72h: number };
  declinedHandoffs: number;
  s2Alerts: number;
  overrides: number;
  /** Contract v1.1: the ERC's repeat calls while the task waited. */
  repeatCalls: number;
  /** Recalls that fell due, that reached the patient, and that found them worse. */
  recalls: { due: number; reached: number; worse: number };
  /** Within 24 h / 72 h of any decision for the same patient, a mission without conveyance too. */
  recontacts: { within24h: number; within72h: number; rate24h: number; rate72h: number };
  /** Units the EMS field commander put on a task: counted in `unitRequested` too. */
  fieldCommanderUnits: number;
}

export interface MeasureOptions {
  assumedMissionMinutes: number;
  /** Length of the window the tasks were taken from, for the yearly rate. */
  windowDays: number;
  /** The instant a recall still pending counts as due by; without it every pending one does. */
  asOfMs?: number;
  /** The county's target for the time to clinical contact; DEFAULT_CONTACT_TARGET_MINUTES if not told. */
  contactTargetMinutes?: number;
}

/**
 * Resolved without unit (domain.md): closed as phone advice, or as a redirect whose visit the
 * receiving service reported done, with no unit ever requested; cancelled tasks are excluded. An
 * accepted redirect nobody reported visited is not resolved.
 */
export function isResolvedWithoutUnit(task: TaskFacts): boolean {
  return (
    !task.cancelled &&
    !task.unitRequested &&
    (task.closedOutcome === 'phone-advice' || (task.closedOutcome === 'redirect' && task.visitCompleted))
  );
}

export function measure(tasks: TaskFacts[], options: MeasureOptions): Measures {
  const contactSeconds: number[] = [];
  const decisionSeconds: number[] = [];
  const redirect: Record<string, number> = {};
  let cancelled = 0, resolved = 0, unitRequested = 0, phoneAdvice = 0, escalated = 0, unreachable = 0, waitingLimit = 0;
  let within24h = 0, within72h = 0, declinedHandoffs = 0, s2Alerts = 0, overrides = 0;
  let repeatCalls = 0, fieldCommanderUnits = 0, recontacts24h = 0, recontacts72h = 0;
  const recalls = { due: 0, reached: 0, worse: 0 };
  const asOfMs = options.asOfMs ?? Number.POSITIVE_INFINITY;
  const evaluation = new EvaluationTally(options.contactTargetMinutes ?? DEFAULT_CONTACT_TARGET_MINUTES, asOfMs);

  for (const task of tasks) {
    if (task.cancelled) cancelled += 1;
    else evaluation.add(task);
    if (isResolvedWithoutUnit(task)) resolved += 1;
    if (task.unitRequested) unitRequested += 1;
    if (task.escalated) escalated += 1;
    if (task.autoDispatch === 'unreachable') unreachable += 1;
    if (task.autoDispatch === 'waiting-limit') waitingLimit += 1;
    if (task.decision === 'phone-advice') phoneAdvice += 1;
    if (task.decision === 'redirect' && task.redirectKind) redirect[task.redirectKind] = (redirect[task.redirectKind] ?? 0) + 1;
    if (task.secondContactWithin24h) within24h += 1;
    if (task.secondContactWithin72h) within72h += 1;
    if (task.s2Alert) s2Alerts += 1;
    declinedHandoffs += task.declinedHandoffs;
    overrides += task.overridesAtMs.length;
    repeatCalls += task.repeatCalls;
    if (task.fieldCommanderUnit) fieldCommanderUnits += 1;
    if (task.recontactWithin24h) recontacts24h += 1;
    if (task.recontactWithin72h) recontacts72h += 1;
    for (const recall of task.recalls) {
      if (wasDue(recall, asOfMs)) recalls.due += 1;
      if (recall.reached) recalls.reached += 1;
      if (recall.worse) recalls.worse += 1;
    }
    if (task.firstContactMs !== undefined) contactSeconds.push((task.firstContactMs - task.receivedAtMs) / 1000);
    if (task.decidedAtMs !== undefined) decisionSeconds.push((task.decidedAtMs - task.receivedAtMs) / 1000);
  }

  const considered = tasks.length - cancelled;
  const rate = share;
  return {
    tasks: tasks.length,
    cancelled,
    resolvedWithoutUnit: resolved,
    resolvedWithoutUnitShare: rate(resolved, considered),
    unitRequested,
    phoneAdvice,
    redirect,
    escalated,
    escalatedShare: rate(escalated, considered),
    autoDispatch: { unreachable, waitingLimit },
    unitHoursAvoided: round((resolved * options.assumedMissionMinutes) / 60, 2),
    assumedMissionMinutes: options.assumedMissionMinutes,
    yearlyRate: options.windowDays > 0 ? round((resolved / options.windowDays) * 365, 1) : 0,
    referencePerYear: REFERENCE_PER_YEAR,
    timeToContact: summary(contactSeconds),
    timeToDecision: summary(decisionSeconds),
    secondContacts: { within24h, within72h, rate24h: rate(within24h, considered), rate72h: rate(within72h, considered) },
    declinedHandoffs,
    s2Alerts,
    overrides,
    repeatCalls,
    recalls,
    recontacts: { within24h: recontacts24h, within72h: recontacts72h, rate24h: rate(recontacts24h, considered), rate72h: rate(recontacts72h, considered) },
    fieldCommanderUnits,
    ...evaluation.result(resolved),
  };
}

export function groupKey(task: TaskFacts, by: GroupBy): string {
  switch (by) {
    case 'hour':
      return String(task.hour).padStart(2, '0');
    case 'nurse':
      return task.nurse ?? '(none)';
    default:
      return task[by];
  }
}

export function measureGroups(tasks: TaskFacts[], by: GroupBy, options: MeasureOptions) {
  const groups = new Map<string, TaskFacts[]>();
  for (const task of tasks) {
    const key = groupKey(task, by);
    const list = groups.get(key);
    if (list) list.push(task);
    else groups.set(key, [task]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b, 'fi'))
    .map(([key, list]) => ({ key, ...measure(list, options) }));
}

function summary(seconds: number[]) {
  const { median, p90 } = medianAndP90(seconds);
  return { medianSeconds: median, p90Seconds: p90 };
}
