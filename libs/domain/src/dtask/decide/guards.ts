import { DTaskCommand } from '../commands';
import { reject } from '../rejection';
import { AwaitingHandoffTask, ClaimedTask, DTaskState, NotReceivedTask, OpenTask, PendingFollowUp, ReceivedTask } from '../state';

// The refusals the decisions share; each `asserts` function narrows the state to the stage it proves.

export function requireNotReceived(state: DTaskState): asserts state is NotReceivedTask {
  if (state.exists) reject('already-exists', 'the task exists already');
}

export function requireReceived(state: DTaskState): asserts state is ReceivedTask {
  if (!state.exists) reject('not-found', 'no such task');
}

/** Every command on a closed task is refused: whoever acts, and also after the ERC took it over by raising its urgency. */
export function requireOpen(state: ReceivedTask): asserts state is OpenTask {
  if (state.status !== 'closed') return;
  const erc = state.closedOutcome === 'escalated' && state.lastErcUpdate?.data.kind === 'urgency-changed';
  if (erc) reject('task-closed', `the ERC raised the task to ${state.urgency} and dispatches it itself: no one here may act on it any more`);
  reject('task-closed', `the task is closed (${state.closedOutcome})`);
}

/** A nurse acts only on a task she holds; a supervisor may act on any nurse's task. */
export function requireOwner(command: DTaskCommand, state: OpenTask): void {
  if (command.actor.role === 'supervisor') return;
  if (!state.owner) reject('not-claimed', 'claim the task first');
  if (state.owner !== command.actor.id) reject('not-owner', 'another nurse owns this task');
}

/** Held by a nurse: a supervisor may act on it, but not on a task no one holds. */
export function requireClaimed(state: OpenTask, message: string): asserts state is ClaimedTask {
  if (state.status !== 'claimed') reject('not-claimed', message);
}

/** The owner's work on a held task: owned by the actor (or acted on by a supervisor), and held. */
export function requireHolder(command: DTaskCommand, state: OpenTask, message: string): asserts state is ClaimedTask {
  requireOwner(command, state);
  requireClaimed(state, message);
}

/** The policies' commands (S1 time rule, S2, S6) come from the scheduler, never from a user. */
export function requireSystem(command: DTaskCommand): void {
  if (command.actor.role !== 'system') reject('system-only', `${command.type} is issued by the safety policies only`);
}

/**
 * Every no-unit outcome (advice, redirect, closing as advice) needs: no red flag, concern or
 * escalation (S3), and an identity not found unverified (S9: such a patient gets a unit).
 */
export function requireSafeWithoutUnit(state: OpenTask): void {
  if (state.escalated || state.redFlags.length > 0 || state.concern) {
    reject('red-flags-present', 'red flags or the nurse’s concern force an escalation (S3)');
  }
  if (state.identityUnverified) reject('identity-unverified', 'a patient whose identity could not be verified gets a unit (S9)');
}

/** A call back is later than now and soon enough to matter; a year-9999 one would leave the queue for ever. */
const CALL_BACK_HORIZON_HOURS = 72;
export function requireDueAhead(dueAt: string, now: string): void {
  const leadMs = Date.parse(dueAt) - Date.parse(now);
  if (!(leadMs > 0)) reject('follow-up-in-the-past', 'the call back must be later than now');
  if (leadMs > CALL_BACK_HORIZON_HOURS * 3_600_000) reject('follow-up-too-far', `a call back is due within ${CALL_BACK_HORIZON_HOURS} hours`);
}

export function requireHandoffOpen(state: OpenTask): asserts state is AwaitingHandoffTask {
  if (state.status !== 'awaiting-handoff') reject('not-awaiting-handoff', 'no handoff is open');
}

/** Only the service the redirect is addressed to answers it. */
export function requireHandoffTo(command: DTaskCommand, state: OpenTask): asserts state is AwaitingHandoffTask {
  requireHandoffOpen(state);
  if (command.actor.service !== state.handoff.target) reject('wrong-service', 'the handoff is addressed to another service');
}

export function requireFollowUpPending(state: OpenTask): asserts state is OpenTask & { followUp: PendingFollowUp } {
  if (!state.followUp) reject('no-follow-up-pending', 'no follow-up call is pending');
}
