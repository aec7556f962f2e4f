import { waitingClockStart } from './receipt-time';
import { DTaskFields, DTaskState, DTaskStatus, TimedEvent } from './state';

/**
 * Folds one event into the task's state. Pure: the given state is never changed. The new state is
 * one shallow copy, updated in place before anyone sees it, so a year of history folds without a
 * second copy per event, and every stage keeps the one object shape.
 */
export function evolve(state: DTaskState, event: TimedEvent): DTaskState {
  const next: DTaskFields = { ...state, revision: state.revision + 1 };
  // A stream starts with its intake: nothing before it is a fact about a task.
  if (!next.exists && event.type !== 'DTaskReceived') return next as DTaskState;
  switch (event.type) {
    case 'DTaskReceived': {
      const { data } = event;
      next.exists = true;
      next.taskId = data.taskId;
      enter(next, 'waiting');
      // Events recorded before the intake corrected the ERC's time are corrected here, against the
      // moment they were written, so an old wrong clock cannot hold back S2 either.
      const start = data.receivedAtCorrected ? { receivedAt: data.receivedAt, correction: data.receivedAtCorrected } : waitingClockStart(data.receivedAt, event.at);
      next.receivedAt = start.receivedAt;
      next.receivedAtCorrected = start.correction;
      next.urgency = data.urgency;
      next.taskCode = data.taskCode;
      next.area = data.area;
      next.municipality = data.municipality;
      next.ageYears = data.patient.ageYears;
      break;
    }
    case 'DTaskCancelled':
      break;
    case 'DTaskClaimed':
      enter(next, 'claimed');
      next.owner = event.data.nurseId;
      next.claimedAt = atOf(event);
      break;
    case 'DTaskReleased':
      enter(next, next.followUp ? 'decided' : 'waiting');
      break;
    case 'CallbackAttempted': {
      const reached = event.data.outcome === 'reached';
      next.callbackAttempts = event.data.attempt;
      next.contactAt = next.contactAt ?? (reached ? atOf(event) : undefined);
      if (!reached) {
        next.failedAttempts += 1;
        next.firstFailedAt = next.firstFailedAt ?? atOf(event);
      }
      break;
    }
    case 'AssessmentRecorded':
      // A red flag or concern, once recorded, stays: a later assessment cannot silently clear it (S3).
      next.assessed = true;
      next.redFlags = [...new Set([...next.redFlags, ...event.data.redFlags])];
      next.concern = next.concern || event.data.concern;
      break;
    case 'UrgencyEscalated':
      next.escalated = true;
      next.urgency = event.data.to;
      break;
    case 'UnitRequested':
      next.unitRequested = next.unitRequested ?? { reason: event.data.reason, at: atOf(event) };
      next.urgency = event.data.urgency;
      next.decision = { kind: 'send-unit', at: atOf(event) };
      enter(next, 'decided');
      next.followUp = undefined;
      break;
    case 'PhoneAdviceGiven':
      next.decision = { kind: 'phone-advice', at: atOf(event) };
      enter(next, 'decided');
      next.handoffReturned = false;
      break;
    case 'RedirectRequested':
      next.decision = { kind: 'redirect', at: atOf(event) };
      enter(next, 'awaiting-handoff');
      next.handoff = { target: event.data.target, deadline: event.data.handoffDeadline };
      next.handoffReturned = false;
      break;
    case 'HandoffAccepted':
      // The redirect is real once accepted: decided, its closure comes with it.
      if (next.status === 'awaiting-handoff') enter(next, 'decided');
      break;
    case 'HandoffDeclined':
    case 'HandoffTimedOut':
      // Back to the queue, at its top: the decision has to be made again.
      next.decision = undefined;
      enter(next, 'waiting');
      next.handoffReturned = true;
      break;
    case 'FollowUpScheduled':
      next.followUp = { dueAt: event.data.dueAt, failedAttempts: 0 };
      break;
    case 'FollowUpCompleted':
      if (!next.followUp) break;
      if (event.data.outcome === 'reached') {
        // The safety-net call reached the patient: the advice stands, its closure comes with it.
        next.followUp = undefined;
        enter(next, 'decided');
      } else {
        next.followUp = { ...next.followUp, failedAttempts: next.followUp.failedAttempts + 1 };
      }
      break;
    case 'WaitingLimitReached':
      if (event.data.level === 'alert') next.s2Alerted = true;
      break;
    case 'SecondContactFlagged':
      next.secondContact = true;
      break;
    case 'OverrideGranted':
      next.overrides = [...next.overrides, event.data.rule];
      break;
    case 'MissionUpdated':
      break;
    case 'DTaskClosed':
      enter(next, 'closed');
      next.closedOutcome = event.data.outcome;
      next.followUp = undefined;
      break;
  }
  // Every stage change above goes through `enter`, and the fields a stage surely has are set beside it.
  return next as DTaskState;
}

/** Moves to a stage, clearing what only another stage has: the hold outside 'claimed', the handoff outside 'awaiting-handoff'. */
function enter(next: DTaskFields, status: DTaskStatus): void {
  next.status = status;
  if (status !== 'claimed') {
    next.owner = undefined;
    next.claimedAt = undefined;
  }
  if (status !== 'awaiting-handoff') next.handoff = undefined;
}

const atOf = (event: TimedEvent) => event.at;
