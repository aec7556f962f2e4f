import type { ReceivedAtCorrection } from './receipt-time';
import { CloseOutcome, DTaskEvent, OverrideRule, RedFlag, UnitRequestReason, Urgency } from '@dtask/events';

/** A D-task event with the time it happened (stored as `metadata.occurredAt`). */
export type TimedEvent = DTaskEvent & { at: string };

export type DTaskStatus = 'waiting' | 'claimed' | 'awaiting-handoff' | 'decided' | 'closed';

export interface Handoff {
  target: string;
  deadline: string;
}

export interface PendingFollowUp {
  dueAt: string;
  failedAttempts: number;
}

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
  failedAttempts: number;
  firstFailedAt?: string;
  /** First clinical contact: a reached callback. */
  contactAt?: string;
  assessed: boolean;
  redFlags: RedFlag[];
  concern: boolean;
  escalated: boolean;
  unitRequested?: { reason: UnitRequestReason; at: string };
  decision?: { kind: 'send-unit' | 'phone-advice' | 'redirect'; at: string };
  handoff?: Handoff;
  handoffReturned: boolean;
  followUp?: PendingFollowUp;
  secondContact: boolean;
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
}

/** Held by one nurse since `claimedAt`: the only stage with an owner. */
export interface ClaimedTask extends ReceivedFields {
  status: 'claimed';
  owner: string;
  claimedAt: string;
  handoff?: undefined;
}

/** Redirected, waiting for the receiving service's answer until the S6 deadline. */
export interface AwaitingHandoffTask extends ReceivedFields {
  status: 'awaiting-handoff';
  owner?: undefined;
  claimedAt?: undefined;
  handoff: Handoff;
}

/** Decided (a unit, advice with a follow-up call pending, or an accepted redirect), not yet closed. */
export interface DecidedTask extends ReceivedFields {
  status: 'decided';
  owner?: undefined;
  claimedAt?: undefined;
  handoff?: undefined;
}

export interface ClosedTask extends ReceivedFields {
  status: 'closed';
  owner?: undefined;
  claimedAt?: undefined;
  handoff?: undefined;
  closedOutcome: CloseOutcome;
}

export type ReceivedTask = WaitingTask | ClaimedTask | AwaitingHandoffTask | DecidedTask | ClosedTask;
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
  assessed: false,
  redFlags: [],
  concern: false,
  escalated: false,
  unitRequested: undefined,
  decision: undefined,
  handoff: undefined,
  handoffReturned: false,
  followUp: undefined,
  secondContact: false,
  overrides: [],
  s2Alerted: false,
  closedOutcome: undefined,
};

export type DTaskFlag =
  | 'second-contact'
  | 's2-alert'
  | 'handoff-returned'
  | 'red-flags'
  | 'escalated'
  | 'unreachable'
  | 'follow-up-pending'
  | 'received-at-corrected';

/** The flags the queue and the task view show. */
export function flagsOf(state: DTaskState): DTaskFlag[] {
  const flags: DTaskFlag[] = [];
  if (state.secondContact) flags.push('second-contact');
  if (state.s2Alerted && !state.contactAt && !state.unitRequested) flags.push('s2-alert');
  if (state.handoffReturned) flags.push('handoff-returned');
  if (state.redFlags.length > 0) flags.push('red-flags');
  if (state.escalated) flags.push('escalated');
  if (state.unitRequested?.reason === 'unreachable') flags.push('unreachable');
  if (state.followUp) flags.push('follow-up-pending');
  if (state.receivedAtCorrected) flags.push('received-at-corrected');
  return flags;
}
