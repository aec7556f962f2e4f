import { DTaskEvent } from '@dtask/events';
import { CommandOf, DTaskCommand } from '../commands';
import { nextFreeId } from '../recalls';
import { reject } from '../rejection';
import { AwaitingVisitTask, DTaskFields, OpenTask } from '../state';
import { closed, Emit } from './emit';
import { requireHolder, requireSystem } from './guards';

// v1.1: the receiving service's side of a redirect after it accepted, and the nurse's consults.

/** Only the service that accepted reports its visit, and only while the visit is awaited. */
function requireVisitBy(command: DTaskCommand, state: OpenTask): asserts state is AwaitingVisitTask {
  if (state.status !== 'awaiting-visit') reject('not-awaiting-visit', 'no visit of a receiving service is awaited on this task');
  if (command.actor.service !== state.visit.target) reject('wrong-service', 'the visit is awaited from another service');
}

/**
 * The visit done: the task closes as redirected. It happened after the referral was made and not
 * later than now; a late report (after the limit sent the task back) finds no visit awaited.
 */
export function completeHandoff(command: CommandOf<'CompleteHandoff'>, state: OpenTask): Emit {
  requireVisitBy(command, state);
  const visitedMs = Date.parse(command.visitedAt);
  const referredMs = Date.parse(state.decision?.at ?? state.visit.acceptedAt);
  if (!(visitedMs >= referredMs && visitedMs <= Date.parse(command.at))) {
    reject('visit-time-implausible', 'the visit must be after the referral and not later than now');
  }
  const data = { target: state.visit.target, partnerId: command.actor.id, visitedAt: command.visitedAt, ...(command.notes ? { notes: command.notes } : {}) };
  return [{ type: 'HandoffCompleted', data }, closed('redirect')];
}

/** The visit did not happen or did not help: the task returns to the top of the queue (evolve). */
export function failHandoff(command: CommandOf<'FailHandoff'>, state: OpenTask): Emit {
  requireVisitBy(command, state);
  return [{ type: 'HandoffFailed', data: { target: state.visit.target, partnerId: command.actor.id, reason: command.reason } }];
}

/** The scheduler's, once the visit limit passed with no report: back to the top of the queue, as after a failure. */
export function markHandoffVisitOverdue(command: CommandOf<'MarkHandoffVisitOverdue'>, state: OpenTask): Emit {
  requireSystem(command);
  if (state.status !== 'awaiting-visit') reject('not-awaiting-visit', 'no visit of a receiving service is awaited on this task');
  if (Date.parse(command.at) < Date.parse(state.visit.visitBy)) reject('not-due', 'the visit limit has not passed');
  return [{ type: 'HandoffVisitOverdue', data: { target: state.visit.target, visitBy: state.visit.visitBy } }];
}

/**
 * A consult is part of the work on a held task: by the nurse who holds it (or a supervisor on it),
 * before or after the decision (on a recall). Without an id the decider names it `consult-<n>`,
 * the same on every replay; an id the task already has is refused, never silently merged.
 */
export function recordConsult(command: CommandOf<'RecordConsult'>, state: OpenTask): Emit {
  requireHolder(command, state, 'claim the task before recording a consult');
  const consultId = command.consultId ?? nextFreeId(state.consults.map((consult) => consult.consultId), 'consult');
  if (state.consults.some((consult) => consult.consultId === consultId)) reject('already-exists', `the task already has a consult ${consultId}`);
  const data = { consultId, consultant: command.consultant, question: command.question, advice: command.advice };
  return [{ type: 'ConsultRecorded', data } satisfies DTaskEvent];
}

/** A decision names a consult recorded on this task, or none. */
export function requireConsultOnTask(state: Pick<DTaskFields, 'consults'>, consultId: string | undefined): void {
  if (consultId !== undefined && !state.consults.some((consult) => consult.consultId === consultId)) {
    reject('unknown-consult', `no consult ${consultId} was recorded on this task`);
  }
}
