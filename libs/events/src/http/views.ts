/** Shapes the API answers with, shared by the service and the console (types only). */
export interface QueueItemView {
  taskId: string;
  status: 'waiting' | 'claimed' | 'awaiting-handoff' | 'awaiting-visit' | 'decided' | 'closed';
  urgency: string;
  taskCode: string;
  area: string;
  municipality: string;
  ageYears?: number;
  receivedAt: string;
  waitingSeconds: number;
  /** When this wait began: the ERC's receipt, or a due follow-up call's due time. */
  waitingSince?: string;
  flags: string[];
  owner?: string;
  /** When the current owner claimed it. */
  claimedAt?: string;
  priority: number;
  /** v1.1: the due recall that brought the task back to the queue; its wait counts from `dueAt`. */
  recall?: RecallInQueueView | null;
  /** v1.1: the patient's language as the assessment recorded it (`sv`: the console marks a Swedish speaker). */
  language?: string;
  /** A closed task's outcome (`?status=closed`): the nurse's list of closed tasks says how each ended. */
  closedOutcome?: string;
}

/** The recall a queue item is in the queue for (contract v1.1, "Recalls"). */
export interface RecallInQueueView {
  recallId: string;
  reason: 'follow-up' | 'waiting-for-unit' | 'nurse';
  dueAt: string;
}

/**
 * One referral of `GET /api/handoffs` (contract v1.1, "Handoffs"): why, the nurse's note, the
 * timeframe, and how to reach the patient. Personal data: every package handed out is a logged read.
 */
export interface ReferralView {
  taskId: string;
  /** Why: the nurse's decision reason when the decision gives one, else the symptoms as assessed. */
  reason: string;
  handoffNote: string;
  careLevel?: string;
  within?: string;
  transport?: string;
  /** The S6 limit: unanswered by then, the task returns to the nurses' queue. */
  answerBy: string;
  /** v1.1: `awaiting-handoff` waits for the service's answer; `awaiting-visit` was accepted and waits for its visit report. */
  status: 'awaiting-handoff' | 'awaiting-visit';
  /** While awaiting the visit: when it was accepted, and the visit limit (unreported by then, the task returns to the queue). */
  acceptedAt?: string;
  visitBy?: string;
  redirectedAt: string;
  patient: { ageYears?: number; sex?: string };
  callbackPhone: string;
  address: string;
  municipality: string;
  area: string;
  /** v1 names of the inbox, kept for clients written against them. */
  deadline: string;
  ageYears?: number;
}

/** v1.1, in the task view: a consult (the logged detail read adds its question and advice). */
export interface ConsultView {
  consultId: string;
  consultant: 'ems-physician' | 'on-call-doctor' | 'field-commander';
  at: string;
  question?: string;
  advice?: string;
}

/** v1.1, in the task view: the decision's disposition; null where the decision gave none. */
export interface DispositionView {
  careLevel: string | null;
  within: string | null;
  transport: string | null;
  consultId: string | null;
}

/** v1.1, in the task view: the accepting service's visit, awaited until `visitBy`. */
export interface AwaitedVisitView {
  target: string;
  acceptedAt: string;
  visitBy: string;
}

/** What the supervisor is alerted to, as the queue's flags name it. */
export type AlertKind =
  | 'second-contact'
  | 's2-alert'
  | 'handoff-returned'
  | 'unreachable'
  // v1.1: S8 (a recall failed too often, a D unit overdue) and the ERC's repeat calls.
  | 'recalls-failed'
  | 'unit-overdue'
  | 'repeat-call';

/** The load snapshot's `alerts`: the ids of the tasks under each alert, and today's overrides. */
export interface LoadAlertsView {
  s2WaitingLimit: string[];
  s6HandoffReturned: string[];
  secondContacts: string[];
  s1Unreachable: string[];
  overridesToday: number;
  /** v1.1, S8: a recall failed too often and the unit request was raised to C. */
  s8RecallsFailed: string[];
  /** v1.1, S8: a D unit not on scene by the limit after its request. */
  s8UnitOverdue: string[];
  /** v1.1: the ERC told of a repeat call while the task was open. */
  repeatCalls: string[];
}

/**
 * A task as the load snapshot tells of it. No personal data: the load goes to every supervisor
 * and analyst, so no name, identity code, address, phone or notes, only the task's coarse facts
 * (area, municipality, ERC code, age in years).
 */
export interface TaskAtAGlance {
  taskId: string;
  area: string;
  municipality: string;
  taskCode: string;
  urgency: string;
  ageYears?: number;
  receivedAt: string;
}

/** One alert on one task (`alertTasks` of the load snapshot), with who holds it. */
export interface AlertTaskView extends TaskAtAGlance {
  kind: AlertKind;
  waitingSeconds: number;
  status: QueueItemView['status'];
  owner?: string;
  claimedAt?: string;
  /** For a second contact: a supervisor has already allowed phone advice on it (S4). */
  overridden: boolean;
  /** v1.1: the decision in force, so the wall says what was done: `decided` is advice with a follow-up too, not only a unit. */
  decision?: 'send-unit' | 'phone-advice' | 'redirect';
  /** The earliest call back still due on it (a follow-up after advice, S8's while a unit is on its way). */
  nextRecallAt?: string;
}

/**
 * v1.1: a referral still open, as the supervisor's load snapshot tells of it (`referrals`): no
 * personal data, the service by its id. `dueBy` is the S6 answer-by while awaiting the answer, the
 * visit limit while awaiting the visit; `overdue`: past it with nothing reported yet.
 */
export interface OpenReferralView extends TaskAtAGlance {
  status: 'awaiting-handoff' | 'awaiting-visit';
  target: string;
  redirectedAt?: string;
  acceptedAt?: string;
  dueBy: string;
  overdue: boolean;
}

/** A visit not reported by its limit: still awaited past it, or returned to the queue by it and not decided again. */
export interface OverdueVisitView extends TaskAtAGlance {
  target: string;
  visitBy: string;
  status: QueueItemView['status'];
  /** When the limit's passing returned it to the queue; absent while the scheduler has yet to. */
  returnedAt?: string;
  owner?: string;
}

export interface ReferralsOnBoardView {
  awaitingHandoff: OpenReferralView[];
  awaitingVisit: OpenReferralView[];
  overdueVisits: OverdueVisitView[];
}

/** One month of `GET /api/reports/charts`, in Helsinki time. */
export interface MonthlyChartPoint {
  /** Calendar month in Helsinki time. */
  month: string;
  tasks: number;
  unitRequested: number;
  phoneAdvice: number;
  /** All redirect targets together; `redirectByKind` splits them. */
  redirect: number;
  redirectByKind: Record<string, number>;
  escalated: number;
  /** S1 (unreachable) and S2 (waiting limit) automatic dispatches together. */
  autoDispatch: number;
  resolvedWithoutUnit: number;
  cumulativeResolvedWithoutUnit: number;
  /** 1,500 a year pro rata from the window start to the end of the month (or of the window, if sooner). */
  referenceCumulative: number;
  secondContactRate24h: number;
  secondContactRate72h: number;
  /** v1.1: re-contacts within 24 h / 72 h of any decision, as a share of the month's tasks not cancelled. */
  recontactRate24h: number;
  recontactRate72h: number;
  repeatCalls: number;
  recallsDue: number;
  recallsWorse: number;
  fieldCommanderUnits: number;
  /** Issue 14 (domain.md, "Measures"): as the report's, for the month. */
  unitMinutesMedian: number | null;
  withinTargetShare: number;
  overTriageShare: number;
  careLevel: Record<string, number>;
  consults: number;
  interpreter: number;
  failedVisits: number;
}

export interface TimeToContactBucket {
  fromMinutes: number;
  /** Exclusive; null for the open last bucket. */
  toMinutes: number | null;
  count: number;
}

/** The analysts' charts (`GET /api/reports/charts` adds the window's `from` and `to`). */
export interface ChartsView {
  referencePerYear: number;
  monthly: MonthlyChartPoint[];
  timeToContact: { buckets: TimeToContactBucket[]; count: number; medianSeconds: number | null; p90Seconds: number | null };
}
