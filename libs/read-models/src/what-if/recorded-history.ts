import { commandForDeadline, DeadlineKind, dispositionOf, DTaskCommand, FOLLOW_UP_RECALL_ID, TimedEvent, toTimedEvent } from '@dtask/domain';
import { EventActor } from '@dtask/events';
import { FoldEvent } from '../fold-event';

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

/** One recorded command's events, in order, and the metadata of its first. */
export interface RecordedEvents {
  streamId: string;
  taskId: string;
  events: FoldEvent[];
}

/**
 * Gathers each command's events and hands the command on once the next one begins (`add`) or the
 * history ends (`end`): some commands tell only in a later event what they were (the field
 * commander's mission stage, a follow-up recorded as a recall that found the patient worse).
 */
export class CommandCollector {
  private readonly boundaries = new CommandBoundaries();
  private pending: RecordedEvents | undefined;

  /** The command this event ends by beginning another, if it does. */
  add(taskId: string, event: FoldEvent): RecordedEvents | undefined {
    if (!this.boundaries.begins(taskId, event.metadata.causationId, event.metadata.occurredAt)) {
      // A command's events are stored together: one of another task's cannot continue it.
      if (this.pending?.taskId === taskId) this.pending.events.push(event);
      return undefined;
    }
    const done = this.pending;
    this.pending = { streamId: event.streamId, taskId, events: [event] };
    return done;
  }

  end(): RecordedEvents | undefined {
    const done = this.pending;
    this.pending = undefined;
    return done;
  }
}

/** The events as the decider folds them. */
export const timedEvents = (recorded: RecordedEvents): TimedEvent[] =>
  recorded.events.map((event) => toTimedEvent(event.type, event.data, event.metadata as { occurredAt: string; schemaVersion: number }));

/** A recorded command as a what-if decides it again: a person's (or the ERC's), or a safety policy's firing. */
export type RecordedCommand = { kind: 'human'; command: DTaskCommand } | { kind: 'policy'; deadline: DeadlineKind };

export interface CommandMetadata {
  actor: EventActor;
  /** Absent on events from before command identity; then the first event tells the type. */
  commandType?: unknown;
}

type PolicyCommandType = NonNullable<ReturnType<typeof commandForDeadline>>;
const POLICY_COMMANDS: ReadonlySet<unknown> = new Set<PolicyCommandType>(['DispatchUnreachable', 'ReachWaitingLimit', 'TimeOutHandoff', 'MarkUnitOverdue', 'MarkHandoffVisitOverdue']);

/**
 * The command that wrote `events` (first to last): a policy's (by its type, or as the system's) as
 * the deadline it answered, a person's as commandOf reads it back. Undefined for a command the
 * what-if cannot decide again, or one whose recorded type is not the one its first event tells.
 */
export function recordedCommand(events: TimedEvent[], metadata: CommandMetadata): RecordedCommand | undefined {
  const first = events[0]!;
  if (POLICY_COMMANDS.has(metadata.commandType) || metadata.actor.role === 'system') {
    const deadline = deadlineAnswered(first);
    return deadline && ofRecordedType(commandForDeadline(deadline), metadata) ? { kind: 'policy', deadline } : undefined;
  }
  const command = worldCommandOf(events, metadata) ?? commandOf(first, metadata.actor);
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
    case 'UnitOverdue':
      return 's8-unit-overdue';
    case 'HandoffVisitOverdue':
      return 'handoff-visit-overdue';
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
    case 'UnitRequested': {
      const { unitLevel, urgency, consultId } = event.data;
      return { type: 'Decide', at, actor, decision: { kind: 'send-unit', unitLevel, urgency: urgency as 'D' | 'C', ...(consultId ? { consultId } : {}) } };
    }
    case 'PhoneAdviceGiven': {
      const { advice, safetyNet, patientInformed, followUpAt } = event.data;
      return { type: 'Decide', at, actor, decision: { kind: 'phone-advice', advice, safetyNet, patientInformed, ...(followUpAt ? { followUpAt } : {}), ...dispositionOf(event.data) } };
    }
    case 'RedirectRequested': {
      const { target, targetKind, handoffNote, patientInformed } = event.data;
      return { type: 'Decide', at, actor, decision: { kind: 'redirect', target, targetKind, handoffNote, patientInformed, ...dispositionOf(event.data) } };
    }
    case 'ConsultRecorded': {
      const { consultId, consultant, question, advice } = event.data;
      return { type: 'RecordConsult', at, actor, consultId, consultant, question, advice };
    }
    case 'HandoffCompleted':
      return { type: 'CompleteHandoff', at, actor: { ...actor, service: event.data.target }, visitedAt: event.data.visitedAt, ...(event.data.notes ? { notes: event.data.notes } : {}) };
    case 'HandoffFailed':
      return { type: 'FailHandoff', at, actor: { ...actor, service: event.data.target }, reason: event.data.reason };
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
    case 'ErcUpdateReceived':
      return { type: 'ReceiveErcUpdate', at, actor, update: event.data };
    case 'RecallScheduled':
      return { type: 'ScheduleRecall', at, actor, recallId: event.data.recallId, dueAt: event.data.dueAt, reason: event.data.reason };
    case 'RecallCompleted': {
      const { recallId, outcome, condition, notes } = event.data;
      return { type: 'RecordRecall', at, actor, recallId, outcome, ...(condition ? { condition } : {}), ...(notes ? { notes } : {}) };
    }
    default:
      return undefined;
  }
}

/** v1.1's commands whose first event does not tell all: read from the command's other events. */
function worldCommandOf(events: TimedEvent[], metadata: CommandMetadata): DTaskCommand | undefined {
  const [first] = events;
  const actor: Actor = { id: metadata.actor.id, role: metadata.actor.role };
  if (first?.type === 'UnitAttachedByField') {
    const mission = events.find((event) => event.type === 'MissionUpdated');
    if (mission?.type !== 'MissionUpdated') return undefined;
    const { stage, unitId, conveyed, xCode } = mission.data;
    return { type: 'UpdateMission', at: first.at, actor, stage, unitId, requestedBy: 'field-commander', ...(conveyed === undefined ? {} : { conveyed }), ...(xCode ? { xCode } : {}) };
  }
  // v1's follow-up recorded as a recall: the event tells no condition; an escalation with it says worse.
  if (first?.type === 'FollowUpCompleted' && metadata.commandType === 'RecordRecall') {
    const { outcome, notes } = first.data;
    const condition = outcome !== 'reached' ? undefined : events.some((event) => event.type === 'UrgencyEscalated') ? 'worse' : 'same';
    return { type: 'RecordRecall', at: first.at, actor, recallId: FOLLOW_UP_RECALL_ID, outcome, ...(condition ? { condition } : {}), ...(notes ? { notes } : {}) };
  }
  return undefined;
}
