import { DTaskState, TimedEvent } from './state';

/** Folds one event into the task's state. Pure; returns a new state, never throws. */
export function evolve(state: DTaskState, event: TimedEvent): DTaskState {
  const next: DTaskState = { ...state, revision: state.revision + 1 };
  switch (event.type) {
    case 'DTaskReceived': {
      const { data } = event;
      return {
        ...next,
        exists: true,
        taskId: data.taskId,
        status: 'waiting',
        receivedAt: data.receivedAt,
        urgency: data.urgency,
        taskCode: data.taskCode,
        area: data.area,
        municipality: data.municipality,
        ageYears: data.patient.ageYears,
      };
    }
    case 'DTaskCancelled':
      return next;
    case 'DTaskClaimed':
      return { ...next, owner: event.data.nurseId, status: 'claimed' };
    case 'DTaskReleased':
      return { ...next, owner: undefined, status: next.followUp ? 'decided' : 'waiting' };
    case 'CallbackAttempted': {
      const reached = event.data.outcome === 'reached';
      return {
        ...next,
        callbackAttempts: event.data.attempt,
        contactAt: next.contactAt ?? (reached ? atOf(event) : undefined),
        failedAttempts: reached ? next.failedAttempts : next.failedAttempts + 1,
        firstFailedAt: reached ? next.firstFailedAt : (next.firstFailedAt ?? atOf(event)),
      };
    }
    case 'AssessmentRecorded':
      // A red flag or concern, once recorded, stays: a later assessment cannot silently clear it (S3).
      return {
        ...next,
        assessed: true,
        redFlags: [...new Set([...next.redFlags, ...event.data.redFlags])],
        concern: next.concern || event.data.concern,
      };
    case 'UrgencyEscalated':
      return { ...next, escalated: true, urgency: event.data.to };
    case 'UnitRequested':
      return {
        ...next,
        unitRequested: next.unitRequested ?? { reason: event.data.reason, at: atOf(event) },
        urgency: event.data.urgency,
        decision: { kind: 'send-unit', at: atOf(event) },
        status: 'decided',
        owner: undefined,
        handoff: undefined,
        followUp: undefined,
      };
    case 'PhoneAdviceGiven':
      return { ...next, decision: { kind: 'phone-advice', at: atOf(event) }, status: 'decided', owner: undefined, handoffReturned: false };
    case 'RedirectRequested':
      return {
        ...next,
        decision: { kind: 'redirect', at: atOf(event) },
        handoff: { target: event.data.target, deadline: event.data.handoffDeadline },
        status: 'awaiting-handoff',
        owner: undefined,
        handoffReturned: false,
      };
    case 'HandoffAccepted':
      return { ...next, handoff: undefined };
    case 'HandoffDeclined':
    case 'HandoffTimedOut':
      // Back to the queue, at its top: the decision has to be made again.
      return { ...next, handoff: undefined, decision: undefined, status: 'waiting', handoffReturned: true };
    case 'FollowUpScheduled':
      return { ...next, followUp: { dueAt: event.data.dueAt, failedAttempts: 0 } };
    case 'FollowUpCompleted': {
      if (!next.followUp) return next;
      if (event.data.outcome === 'reached') return { ...next, followUp: undefined, owner: undefined };
      return { ...next, followUp: { ...next.followUp, failedAttempts: next.followUp.failedAttempts + 1 } };
    }
    case 'WaitingLimitReached':
      return event.data.level === 'alert' ? { ...next, s2Alerted: true } : next;
    case 'SecondContactFlagged':
      return { ...next, secondContact: true };
    case 'OverrideGranted':
      return { ...next, overrides: [...next.overrides, event.data.rule] };
    case 'MissionUpdated':
      return next;
    case 'DTaskClosed':
      return { ...next, status: 'closed', closedOutcome: event.data.outcome, owner: undefined, followUp: undefined, handoff: undefined };
  }
}

const atOf = (event: TimedEvent) => event.at;
