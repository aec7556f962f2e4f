import { DTaskState, RejectionReason, TimedEvent } from '@dtask/domain';

/** Why a command was refused: the decider's reasons, and the service's own. */
export type RefusalReason = RejectionReason | 'concurrent-update' | 'idempotency-key-reused' | 'erc-task-id-reused';

/**
 * - `written`: the command's events were appended;
 * - `unchanged`: the stream, read as it is, already says what the command asks (nothing written);
 * - `repeated`: this command (same Idempotency-Key and body) was written before; nothing written now.
 */
export type Effect = 'written' | 'unchanged' | 'repeated';

export interface Accepted {
  readonly kind: 'accepted';
  readonly taskId: string;
  readonly effect: Effect;
  readonly state: DTaskState;
  /** The events this call wrote (none unless `written`). */
  readonly events: readonly TimedEvent[];
  /** Global position of the last event this call wrote. */
  readonly position?: string;
}

export interface Refused {
  readonly kind: 'refused';
  readonly taskId: string;
  readonly reason: RefusalReason;
  readonly message: string;
  /** For `erc-task-id-reused`: the fields that differ, by name (never their values). */
  readonly fields?: readonly string[];
}

/** What a command came to: a typed value, never an exception for an answer the caller expects. */
export type CommandResult = Accepted | Refused;

export const refused = (taskId: string, reason: RefusalReason, message: string, fields?: readonly string[]): Refused => ({
  kind: 'refused',
  taskId,
  reason,
  message,
  ...(fields ? { fields } : {}),
});
