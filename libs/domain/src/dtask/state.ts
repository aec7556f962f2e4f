import type { ReceivedAtCorrection } from './receipt-time';
import { CloseOutcome, Consultant, DTaskEvent, EventData, OverrideRule, RedFlag, UnitRequestReason, Urgency } from '@dtask/events';
import type { Disposition, RecallReason } from './commands';

/** A D-task event with the time it happened (stored as `metadata.occurredAt`). */
export type TimedEvent = DTaskEvent & { at: string };

export type DTaskStatus = 'waiting' | 'claimed' | 'awaiting-handoff' | 'awaiting-visit' | 'decided' | 'closed';

export interface Handoff {
  target: string;
  deadline: string;
}

/** v1.1: an accepted redirect whose service has until `visitBy` to report the visit. */
export interface AwaitedVisit {
  target: string;
  partnerId: string;
  acceptedAt: string;
  visitBy: string;
}

/** A consult a decision may name; its question and advice (free text) stay in the stream. */
export interface ConsultRef {
  consultId: string;
  consultant: Consultant;
  at: string;
}

/** The decision in force: its kind and time, and for a no-unit one its disposition (v1.1). */
export type DecisionInForce = { kind: 'send-unit' | 'phone-advice' | 'redirect'; at: string } & Disposition;

export type PendingFollowUp = { dueAt: string; failedAttempts: number };

/** The v1 follow-up call after advice is the recall of this id (FollowUpScheduled, FollowUpCompleted). */
export const FOLLOW_UP_RECALL_ID = 'follow-up';

/** One call back to the patient: after advice, while waiting for a unit (S8), or at a nurse's choice. */
export interface Recall {
  recallId: string;
  reason: RecallReason;
  dueAt: string;
  attempts: number;
  failedAttempts: number;
  /** Why it is no longer due; undefined while it is. */
  done: 'reached' | 'unit-on-scene' | 'unit-requested' | 'task-closed' | undefined;
}

/** S8: a unit requested at D, watched from its first welfare recall until it reaches the scene. */
export interface UnitWait {
  requestedAt: string;
  /** UnitOverdue recorded: the supervisor was alerted. */
  overdue: boolean;
  /** UnitUrgencyRaised recorded: a recall failed too often, the supervisor was alerted. */
  recallsFailed: boolean;
}

/** Who asked for the unit: our own reasons, or the EMS field commander, who put one on the task himself. */
export type UnitRequestedBy = UnitRequestReason | 'field-commander';

/**
 * Every field a task's state has, at any stage: what the decider needs to know of a task, folded
 * from its stream. The stages below narrow what each one surely has.
 */
export interface DTaskFields {
  /** Last revision folded; -1 before the first event. */
  revision: number;
  exists: boolean;
  taskId?: string;
  status: DTaskStatus;
  /** Where S2 counts from: the ERC's time, or our receipt when that was implausible. */
  receivedAt?: string;
  /** Why the ERC's time was replaced; the supervisor sees the flag `received-at-corrected`. */
  receivedAtCorrected?: ReceivedAtCorrection;
  urgency: Urgency;
  taskCode?: string;
  area?: string;
  municipality?: string;
  ageYears?: number;
  owner?: string;
  /** When the current owner claimed the task; cleared whenever the owner is. */
  claimedAt?: string;
  callbackAttempts: number;
  /** Failed callbacks, and the first one's time, since the intake or the last returned handoff (S1). */
  failedAttempts: number;
  firstFailedAt?: string;
  /** First clinical contact: a reached callback (S2 counts to it). */
  contactAt?: string;
  /** A service gave the patient back: no no-unit decision until reached and assessed again (see in-contact.ts). */
  recontactNeeded: boolean;
  assessed: boolean;
  redFlags: RedFlag[];
  concern: boolean;
  escalated: boolean;
  unitRequested?: { reason: UnitRequestedBy; at: string };
  /** The requested unit reported on scene (or its mission completed). */
  unitOnSceneAt?: string;
  unitWait?: UnitWait;
  decision?: DecisionInForce;
  handoff?: Handoff;
  /** Set exactly while awaiting the visit of a service that accepted. */
  visit?: AwaitedVisit;
  /** Every consult recorded, in order. */
  consults: ConsultRef[];
  handoffReturned: boolean;
  followUp?: PendingFollowUp;
  /** Every recall, done ones too, in the order scheduled; the v1 follow-up is the one named FOLLOW_UP_RECALL_ID. */
  recalls: Recall[];
  secondContact: boolean;
  /** Other open tasks of the same patient, linked at intake (`duplicate-open`). */
  linkedTaskIds: string[];
  /** S9: the last assessment that told found the identity unverified. */
  identityUnverified: boolean;
  /** The ERC's last update, to write the same one sent twice within a minute once. */
  lastErcUpdate?: { at: string; data: EventData<'ErcUpdateReceived'> };
  /** The callback number and address as the ERC last changed them; undefined: as at intake. Personal data. */
  callbackPhone?: string;
  address?: string;
  /** Calls to 112 again while the task is open: a warning sign. */
  repeatCalls?: { count: number; lastAt: string };
  overrides: OverrideRule[];
  s2Alerted: boolean;
  closedOutcome?: CloseOutcome;
}

/** Before the intake: nothing is known yet (evolve ignores any other event until DTaskReceived). */
export interface NotReceivedTask extends DTaskFields {
  exists: false;
  status: 'waiting';
  taskId?: undefined;
  receivedAt?: undefined;
  owner?: undefined;
  claimedAt?: undefined;
  handoff?: undefined;
  visit?: undefined;
}

/** What every received task surely has: its id and the instant S2 counts from. */
interface ReceivedFields extends DTaskFields {
  exists: true;
  taskId: string;
  receivedAt: string;
}

/** In the queue, held by no one. */
export interface WaitingTask extends ReceivedFields {
  status: 'waiting';
  owner?: undefined;
  claimedAt?: undefined;
  handoff?: undefined;
  visit?: undefined;
}

/** Held by one nurse since `claimedAt`: the only stage with an owner. */
export interface ClaimedTask extends ReceivedFields {
  status: 'claimed';
  owner: string;
  claimedAt: string;
  handoff?: undefined;
  visit?: undefined;
}

/** Redirected, waiting for the receiving service's answer until the S6 deadline. */
export interface AwaitingHandoffTask extends ReceivedFields {
  status: 'awaiting-handoff';
  owner?: undefined;
  claimedAt?: undefined;
  handoff: Handoff;
  visit?: undefined;
}

/** Accepted by the service, awaiting its report of the visit until `visit.visitBy`. */
export interface AwaitingVisitTask extends ReceivedFields {
  status: 'awaiting-visit';
  owner?: undefined;
  claimedAt?: undefined;
  handoff?: undefined;
  visit: AwaitedVisit;
}

/** Decided (a unit, advice with a follow-up call pending, or a redirect whose visit is done), not yet closed. */
export interface DecidedTask extends ReceivedFields {
  status: 'decided';
  owner?: undefined;
  claimedAt?: undefined;
  handoff?: undefined;
  visit?: undefined;
}

export interface ClosedTask extends ReceivedFields {
  status: 'closed';
  owner?: undefined;
  claimedAt?: undefined;
  handoff?: undefined;
  visit?: undefined;
  closedOutcome: CloseOutcome;
}

export type ReceivedTask = WaitingTask | ClaimedTask | AwaitingHandoffTask | AwaitingVisitTask | DecidedTask | ClosedTask;
export type OpenTask = Exclude<ReceivedTask, ClosedTask>;
/** A task's state at one of its lifecycle stages. Immutable: evolve returns a new one. */
export type DTaskState = NotReceivedTask | ReceivedTask;

/** Every field present, optional ones as undefined, so all states share one shape (fast to copy). */
export const initialState: NotReceivedTask = {
  revision: -1,
  exists: false,
  taskId: undefined,
  status: 'waiting',
  receivedAt: undefined,
  receivedAtCorrected: undefined,
  urgency: 'D',
  taskCode: undefined,
  area: undefined,
  municipality: undefined,
  ageYears: undefined,
  owner: undefined,
  claimedAt: undefined,
  callbackAttempts: 0,
  failedAttempts: 0,
  firstFailedAt: undefined,
  contactAt: undefined,
  recontactNeeded: false,
  assessed: false,
  redFlags: [],
  concern: false,
  escalated: false,
  unitRequested: undefined,
  unitOnSceneAt: undefined,
  unitWait: undefined,
  decision: undefined,
  handoff: undefined,
  visit: undefined,
  consults: [],
  handoffReturned: false,
  followUp: undefined,
  recalls: [],
  secondContact: false,
  linkedTaskIds: [],
  identityUnverified: false,
  lastErcUpdate: undefined,
  callbackPhone: undefined,
  address: undefined,
  repeatCalls: undefined,
  overrides: [],
  s2Alerted: false,
  closedOutcome: undefined,
};
