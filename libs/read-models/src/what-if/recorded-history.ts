import { commandForDeadline, DeadlineKind, DTaskCommand, TimedEvent } from '@dtask/domain';
import { EventActor } from '@dtask/events';

/**
 * A task's recorded events, grouped into the commands that wrote them: consecutive events with one
 * causationId are one command (on events from before command ids, one request or one scheduler
 * firing). Only a command's first event is read back; the decider derives the rest again.
 */
export class CommandBoundaries {
  private readonly last = new Map<string, { causationId: unknown; at: string }>();

  /**
   * Whether the task's next event begins a command. A command's events also share its instant, so
   * a causationId seen again at another instant is two commands: a caller's correlation id sent
   * with two requests, the causation of events from before command ids.
   */
  begins(taskId: string, causationId: unknown, at: string): boolean {
    const last = this.last.get(taskId);
    if (last === undefined) {
      this.last.set(taskId, { causationId, at });
      return true;
    }
    const continued = causationId !== undefined && causationId === last.causationId && at === last.at;
    last.causationId = causationId;
    last.at = at;
    return !continued;
  }
}

/** A recorded command as a what-if decides it again: a person's (or the ERC's), or a safety policy's firing. */
export type RecordedCommand = { kind: 'human'; command: DTaskCommand } | { kind: 'policy'; deadline: DeadlineKind };

export interface CommandMetadata {
  actor: EventActor;
  /** Absent on events from before command identity; then the first event tells the type. */
  commandType?: unknown;
}

type PolicyCommandType = NonNullable<ReturnType<typeof commandForDeadline>>;
const POLICY_COMMANDS: ReadonlySet<unknown> = new Set<PolicyCommandType>(['DispatchUnreachable', 'ReachWaitingLimit', 'TimeOutHandoff']);

/**
 * The command whose first event is `first`: a policy's (by its type, or as the system's) as the
 * deadline it answered, a person's as commandOf reads it back. Undefined for a command the what-if
 * cannot decide again, or one whose recorded type is not the one its first event tells.
 */
export function recordedCommand(first: TimedEvent, metadata: CommandMetadata): RecordedCommand | undefined {
  if (POLICY_COMMANDS.has(metadata.commandType) || metadata.actor.role === 'system') {
    const deadline = deadlineAnswered(first);
    return deadline && ofRecordedType(commandForDeadline(deadline), metadata) ? { kind: 'policy', deadline } : undefined;
  }
  const command = commandOf(first, metadata.actor);
  return command && ofRecordedType(command.type, metadata) ? { kind: 'human', command } : undefined;
}

const ofRecordedType = (type: string | undefined, metadata: CommandMetadata) => metadata.commandType === undefined || metadata.commandType === type;

/** The deadline a policy's command answered, by the first event it wrote. */
function deadlineAnswered(first: TimedEvent): DeadlineKind | undefined {
  switch (first.type) {
    case 'WaitingLimitReached':
      return first.data.level === 'alert' ? 's2-alert' : 's2-dispatch';
    case 'HandoffTimedOut':
      return 's6-handoff';
    case 'UnitRequested':
      return first.data.reason === 'unreachable' ? 's1-unreachable' : undefined;
    default:
      return undefined;
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
