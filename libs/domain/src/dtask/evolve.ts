import { waitingClockStart } from './receipt-time';
import { DTaskState, TimedEvent } from './state';

/**
 * Folds one event into the task's state. Pure: the given state is never changed. The new state is
 * one shallow copy, updated in place before anyone sees it, so a year of history folds without a
 * second copy per event.
 */
export function evolve(state: DTaskState, event: TimedEvent): DTaskState {
  const next: DTaskState = { ...state, revision: state.revision + 1 };
  switch (event.type) {
    case 'DTaskReceived': {
      const { data } = event;
      next.exists = true;
      next.taskId = data.taskId;
      next.status = 'waiting';
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
      next.owner = event.data.nurseId;
      next.claimedAt = atOf(event);
      next.status = 'claimed';
      break;
    case 'DTaskReleased':
      next.owner = undefined;
      next.claimedAt = undefined;
      next.status = next.followUp ? 'decided' : 'waiting';
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
      next.status = 'decided';
      next.owner = undefined;
      next.claimedAt = undefined;
      next.handoff = undefined;
      next.followUp = undefined;
      break;
    case 'PhoneAdviceGiven':
      next.decision = { kind: 'phone-advice', at: atOf(event) };
      next.status = 'decided';
      next.owner = undefined;
      next.claimedAt = undefined;
      next.handoffReturned = false;
      break;
    case 'RedirectRequested':
      next.decision = { kind: 'redirect', at: atOf(event) };
      next.handoff = { target: event.data.target, deadline: event.data.handoffDeadline };
      next.status = 'awaiting-handoff';
      next.owner = undefined;
      next.claimedAt = undefined;
      next.handoffReturned = false;
      break;
    case 'HandoffAccepted':
      next.handoff = undefined;
      break;
    case 'HandoffDeclined':
    case 'HandoffTimedOut':
      // Back to the queue, at its top: the decision has to be made again.
      next.handoff = undefined;
      next.decision = undefined;
      next.status = 'waiting';
      next.handoffReturned = true;
      break;
    case 'FollowUpScheduled':
      next.followUp = { dueAt: event.data.dueAt, failedAttempts: 0 };
      break;
    case 'FollowUpCompleted':
      if (!next.followUp) break;
      if (event.data.outcome === 'reached') {
        next.followUp = undefined;
        next.owner = undefined;
        next.claimedAt = undefined;
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
      next.status = 'closed';
      next.closedOutcome = event.data.outcome;
      next.owner = undefined;
      next.claimedAt = undefined;
      next.followUp = undefined;
      next.handoff = undefined;
      break;
  }
  return next;
}

const atOf = (event: TimedEvent) => event.at;
