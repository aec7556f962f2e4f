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

export function requireOpen(state: ReceivedTask): asserts state is OpenTask {
  if (state.status === 'closed') reject('task-closed', `the task is closed (${state.closedOutcome})`);
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

/** S3: a red flag, the nurse's concern or an escalation forbids every no-unit outcome. */
export function requireNoDanger(state: OpenTask): void {
  if (state.escalated || state.redFlags.length > 0 || state.concern) {
    reject('red-flags-present', 'red flags or the nurse’s concern force an escalation (S3)');
  }
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
