import type { ReceivedAtCorrection } from './receipt-time';
import { CloseOutcome, DTaskEvent, OverrideRule, RedFlag, UnitRequestReason, Urgency } from '@dtask/events';

/** A D-task event with the time it happened (stored as `metadata.occurredAt`). */
export type TimedEvent = DTaskEvent & { at: string };

export type DTaskStatus = 'waiting' | 'claimed' | 'awaiting-handoff' | 'decided' | 'closed';

/** What the decider needs to know of a task, folded from its stream. Immutable: evolve returns a new one. */
export interface DTaskState {
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
  handoff?: { target: string; deadline: string };
  handoffReturned: boolean;
  followUp?: { dueAt: string; failedAttempts: number };
  secondContact: boolean;
  overrides: OverrideRule[];
  s2Alerted: boolean;
  closedOutcome?: CloseOutcome;
}

/** Every field present, optional ones as undefined, so all states share one shape (fast to copy). */
export const initialState: DTaskState = {
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
