import { DTaskEvent, EscalatedUrgency, Urgency } from '@dtask/events';
import { SafetyRules } from '../../safety-rules';
import { CommandOf } from '../commands';
import { nextRecallId, pendingRecall } from '../recalls';
import { reject } from '../rejection';
import { FOLLOW_UP_RECALL_ID, OpenTask, PendingFollowUp, Recall } from '../state';
import { Emit } from './emit';
import { escalation } from './escalation';
import { recordFollowUp } from './follow-ups';
import { requireDueAhead, requireOwner } from './guards';
import { nextWaitingRecall, recallFailedTooOften } from './waiting-for-unit';

/**
 * A recall at a nurse's choice, on any open task not held by another nurse nor with a receiving
 * service: due later than now and within 72 hours, as a follow-up call is. A waiting-for-unit one needs a unit not yet on scene.
 * The same id scheduled again as it is changes nothing; the v1 follow-up's id is the advice's own.
 */
export function scheduleRecall(command: CommandOf<'ScheduleRecall'>, state: OpenTask): Emit {
  if (state.owner && state.owner !== command.actor.id && command.actor.role !== 'supervisor') reject('not-owner', 'another nurse owns this task');
  // No nurse can take such a task up for a call while the service has it: the recall would be due and unrecordable.
  if (state.status === 'awaiting-handoff' || state.status === 'awaiting-visit') reject('handoff-pending', 'the receiving service has the patient: book a recall when the task is back');
  const { recallId = nextRecallId(state, command.reason), dueAt, reason } = command;
  const existing = state.recalls.find((recall) => recall.recallId === recallId);
  if (existing && existing.done === undefined && existing.dueAt === dueAt && existing.reason === reason) return [];
  if (existing || recallId === FOLLOW_UP_RECALL_ID) reject('already-exists', `the task already has a recall ${recallId}`);
  requireDueAhead(dueAt, command.at);
  if (reason === 'waiting-for-unit' && (!state.unitRequested || state.unitOnSceneAt)) reject('no-unit-requested', 'no unit is on its way to the patient');
  return [{ type: 'RecallScheduled', data: { recallId, dueAt, reason } }];
}

/**
 * One attempt at a due recall, by the nurse who holds the task (or a supervisor). Reached, the
 * patient's condition is told: worse is an escalation; while S8 waits, the next recall follows.
 * Not reached, the recall stays due, and failing too often alerts (S8) or sends a unit (S1).
 */
export function recordRecall(command: CommandOf<'RecordRecall'>, state: OpenTask, rules: SafetyRules): Emit {
  if (command.recallId === FOLLOW_UP_RECALL_ID && state.followUp) return followUpAsRecall(command, state, state.followUp, rules);
  const recall = pendingRecall(state, command.recallId) ?? reject('no-recall-pending', `no recall ${command.recallId} is due on this task`);
  requireOwner(command, state);
  const reached = command.outcome === 'reached';
  const condition = reached ? requireCondition(command) : undefined;
  const completed: DTaskEvent = {
    type: 'RecallCompleted',
    data: {
      recallId: recall.recallId,
      outcome: command.outcome,
      attempt: recall.attempts + 1,
      // Only a patient reached can tell how they are.
      ...(condition ? { condition } : {}),
      ...(command.notes ? { notes: command.notes } : {}),
    },
  };
  if (!reached) return [completed, ...recallFailedTooOften(state, recall, command, rules)];
  const worse = condition === 'worse' ? worseAtRecall(state, recall) : [];
  return [completed, ...worse, ...nextWaitingRecall(state, recall, command.at, rules)];
}

/** v1's follow-up call recorded as a recall: as RecordFollowUp records it, except that worse escalates rather than closes. */
function followUpAsRecall(command: CommandOf<'RecordRecall'>, state: OpenTask, followUp: PendingFollowUp, rules: SafetyRules): Emit {
  const reached = command.outcome === 'reached';
  if (reached && requireCondition(command) === 'worse') {
    requireOwner(command, state);
    const completed: DTaskEvent = { type: 'FollowUpCompleted', data: { outcome: 'reached', attempt: followUp.failedAttempts + 1, ...(command.notes ? { notes: command.notes } : {}) } };
    const recall = state.recalls.find((candidate) => candidate.recallId === FOLLOW_UP_RECALL_ID)!;
    return [completed, ...worseAtRecall(state, recall)];
  }
  return recordFollowUp({ ...command, type: 'RecordFollowUp' }, state, rules);
}

function requireCondition(command: CommandOf<'RecordRecall'>) {
  return command.condition ?? reject('condition-required', 'a recall that reached the patient tells the condition: same, better or worse');
}

const ONE_ABOVE: Record<Urgency, EscalatedUrgency | undefined> = { D: 'C', C: 'B', B: 'A', A: undefined };

/**
 * S8: a patient worse than when last judged is escalated one class above the task's urgency now
 * (D to C, C to B, B to A), with a unit at it; at A there is nothing higher to ask for.
 */
function worseAtRecall(state: OpenTask, recall: Recall): Emit {
  const to = ONE_ABOVE[state.urgency];
  return to ? escalation(state, to, `condition worse at recall ${recall.recallId}`, 'nurse') : [];
}
