import { DeadlineKind, DTaskCommand, TimedEvent } from '@dtask/domain';
import { EventActor } from '@dtask/events';

/**
 * How a recorded event came about, so a what-if can decide the task again:
 * - `human`: the first event of a person's (or the ERC's) command, which is replayed as that command;
 * - `policy`: the first event of a safety policy's command, issued by the deadline scheduler;
 * - `derived`: an event the decider adds to the one before it (a closure, an automatic unit on the
 *   second failed callback, a flagged second contact); deciding the command again brings it back.
 */
export type Origin = { kind: 'human' } | { kind: 'policy'; deadline: DeadlineKind } | { kind: 'derived' };

/** Commands whose events end with a closure in the same instant. */
const CLOSING_COMMAND_EVENTS = new Set(['DTaskCancelled', 'PhoneAdviceGiven', 'HandoffAccepted', 'FollowUpCompleted', 'MissionUpdated']);
/** Commands the decider follows with an automatic unit on S1's attempt count. */
const FAILED_CALL_EVENTS = new Set(['CallbackAttempted', 'FollowUpCompleted']);

export function originOf(event: TimedEvent, previous: { type: string; at: string } | undefined): Origin {
  const sameInstantAfter = (types: Set<string>) => previous !== undefined && previous.at === event.at && types.has(previous.type);
  switch (event.type) {
    case 'SecondContactFlagged':
    case 'FollowUpScheduled':
      return { kind: 'derived' };
    case 'DTaskClosed':
      return sameInstantAfter(CLOSING_COMMAND_EVENTS) ? { kind: 'derived' } : { kind: 'human' };
    case 'WaitingLimitReached':
      return { kind: 'policy', deadline: event.data.level === 'alert' ? 's2-alert' : 's2-dispatch' };
    case 'HandoffTimedOut':
      return { kind: 'policy', deadline: 's6-handoff' };
    case 'UnitRequested':
      switch (event.data.reason) {
        case 'nurse-decision':
          return { kind: 'human' };
        case 'unreachable':
          return sameInstantAfter(FAILED_CALL_EVENTS) ? { kind: 'derived' } : { kind: 'policy', deadline: 's1-unreachable' };
        default:
          return { kind: 'derived' };
      }
    default:
      return { kind: 'human' };
  }
}

type Actor = DTaskCommand['actor'];

/**
 * The command a person gave, read back from the first event it wrote. Intake's S4 look-up is left
 * to the caller, which knows the patient's history under the rules being tried.
 */
export function commandOf(event: TimedEvent, recordedActor: EventActor): DTaskCommand | undefined {
  const at = event.at;
  const actor: Actor = { id: recordedActor.id, role: recordedActor.role };
  switch (event.type) {
    case 'DTaskReceived':
      return { type: 'Intake', at, actor, task: event.data };
    case 'DTaskCancelled':
      return { type: 'Cancel', at, actor, reason: event.data.reason };
    case 'DTaskClaimed':
      return { type: 'Claim', at, actor: { ...actor, id: event.data.nurseId } };
    case 'DTaskReleased':
      return { type: 'Release', at, actor: { ...actor, id: event.data.nurseId }, ...(event.data.reason ? { reason: event.data.reason } : {}) };
    case 'CallbackAttempted':
      return { type: 'RecordCallback', at, actor, outcome: event.data.outcome, ...(event.data.notes ? { notes: event.data.notes } : {}) };
    case 'AssessmentRecorded':
      return { type: 'RecordAssessment', at, actor, assessment: event.data };
    case 'UrgencyEscalated':
      return { type: 'Escalate', at, actor, urgency: event.data.to as 'A' | 'B' | 'C', reason: event.data.reason };
    case 'UnitRequested':
      return { type: 'Decide', at, actor, decision: { kind: 'send-unit', unitLevel: event.data.unitLevel, urgency: event.data.urgency as 'D' | 'C' } };
    case 'PhoneAdviceGiven': {
      const { advice, safetyNet, patientInformed, followUpAt } = event.data;
      return { type: 'Decide', at, actor, decision: { kind: 'phone-advice', advice, safetyNet, patientInformed, ...(followUpAt ? { followUpAt } : {}) } };
    }
    case 'RedirectRequested': {
      const { target, targetKind, handoffNote, patientInformed } = event.data;
      return { type: 'Decide', at, actor, decision: { kind: 'redirect', target, targetKind, handoffNote, patientInformed } };
    }
    case 'HandoffAccepted':
      return { type: 'AcceptHandoff', at, actor: { ...actor, service: event.data.target } };
    case 'HandoffDeclined':
      return { type: 'DeclineHandoff', at, actor: { ...actor, service: event.data.target }, reason: event.data.reason };
    case 'FollowUpCompleted':
      return { type: 'RecordFollowUp', at, actor, outcome: event.data.outcome, ...(event.data.notes ? { notes: event.data.notes } : {}) };
    case 'OverrideGranted':
      return { type: 'GrantOverride', at, actor, rule: event.data.rule, reason: event.data.reason };
    case 'MissionUpdated': {
      const { stage, unitId, conveyed, xCode } = event.data;
      return { type: 'UpdateMission', at, actor, stage, unitId, ...(conveyed === undefined ? {} : { conveyed }), ...(xCode ? { xCode } : {}) };
    }
    case 'DTaskClosed':
      return { type: 'Close', at, actor };
    default:
      return undefined;
  }
}
