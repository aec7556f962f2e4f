import { DTaskEvent, EventData } from '@dtask/events';
import { SafetyRules } from '../safety-rules';
import { CommandOf, DTaskCommand } from './commands';
import { withWaitingClock } from './receipt-time';
import { reject } from './rejection';
import { DTaskState, TimedEvent } from './state';

const MINUTE_MS = 60_000;
const minutesBetween = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / MINUTE_MS;
const addMinutes = (at: string, minutes: number) => new Date(Date.parse(at) + minutes * MINUTE_MS).toISOString();

type Emit = DTaskEvent[];

/**
 * Decides what a command means for a task: the events to append, or a DomainRejection. Pure: time
 * comes in on the command, the safety limits on `rules`. A command that changes nothing returns [].
 */
export function decide(command: DTaskCommand, state: DTaskState, rules: SafetyRules): TimedEvent[] {
  const events = decideEvents(command, state, rules);
  return events.map((event) => ({ ...event, at: command.at }) as TimedEvent);
}

function decideEvents(command: DTaskCommand, state: DTaskState, rules: SafetyRules): Emit {
  if (command.type === 'Intake') return intake(command, state, rules);
  if (!state.exists) reject('not-found', 'no such task');
  if (state.status === 'closed') reject('task-closed', `the task is closed (${state.closedOutcome})`);
  switch (command.type) {
    case 'Cancel':
      return [{ type: 'DTaskCancelled', data: { reason: command.reason } }, closed('cancelled')];
    case 'Claim':
      return claim(command, state);
    case 'Release':
      // A supervisor may release any nurse's task, but there is nothing to release on an unclaimed one.
      if (!state.owner) reject('not-claimed', 'the task is not claimed');
      requireOwner(command, state);
      return [{ type: 'DTaskReleased', data: { nurseId: state.owner, ...(command.reason ? { reason: command.reason } : {}) } }];
    case 'RecordCallback':
      return callback(command, state, rules);
    case 'RecordAssessment':
      requireOwner(command, state);
      if (state.status !== 'claimed') reject('not-claimed', 'claim the task before assessing');
      if (!state.contactAt) reject('no-contact', 'a phone assessment needs a reached callback first');
      return [{ type: 'AssessmentRecorded', data: command.assessment }];
    case 'Escalate':
      return escalate(command, state);
    case 'Decide':
      return decision(command, state, rules);
    case 'AcceptHandoff':
      requireHandoffTo(command, state);
      return [{ type: 'HandoffAccepted', data: { target: state.handoff!.target, partnerId: command.actor.id } }, closed('redirect')];
    case 'DeclineHandoff':
      requireHandoffTo(command, state);
      return [{ type: 'HandoffDeclined', data: { target: state.handoff!.target, partnerId: command.actor.id, reason: command.reason } }];
    case 'TimeOutHandoff':
      requireSystem(command);
      if (state.status !== 'awaiting-handoff' || !state.handoff) reject('not-awaiting-handoff', 'no handoff is open');
      if (Date.parse(command.at) < Date.parse(state.handoff.deadline)) reject('not-due', 'the handoff limit has not passed');
      return [{ type: 'HandoffTimedOut', data: { target: state.handoff.target, deadline: state.handoff.deadline } }];
    case 'RecordFollowUp':
      return followUp(command, state, rules);
    case 'ReachWaitingLimit':
      return waitingLimit(command, state, rules);
    case 'DispatchUnreachable':
      requireSystem(command);
      if (state.contactAt || state.unitRequested || !state.firstFailedAt) reject('not-due', 'the patient was reached or a unit is on its way');
      if (minutesBetween(state.firstFailedAt, command.at) < rules.s1MinutesAfterFirstFailure) reject('not-due', 'S1 time limit not reached');
      return [autoUnit('unreachable', rules)];
    case 'GrantOverride':
      if (command.actor.role !== 'supervisor') reject('supervisor-only', 'only a supervisor may override');
      if (command.rule === 'S4-second-contact' && !state.secondContact) reject('override-not-applicable', 'the task is not a second contact');
      return state.overrides.includes(command.rule) ? [] : [{ type: 'OverrideGranted', data: { rule: command.rule, reason: command.reason } }];
    case 'UpdateMission':
      return mission(command, state);
    case 'Close':
      return close(command, state);
  }
}

function intake(command: CommandOf<'Intake'>, state: DTaskState, rules: SafetyRules): Emit {
  if (state.exists) reject('already-exists', 'the task exists already');
  // S2 counts from `receivedAt`: never later than our own receipt, never from an implausible past.
  const task = withWaitingClock(command.task, command.at);
  const events: Emit = [{ type: 'DTaskReceived', data: task }];
  const previous = command.secondContactOf;
  if (previous) {
    const hoursSince = (Date.parse(task.receivedAt) - Date.parse(previous.previousDecidedAt)) / 3_600_000;
    if (hoursSince >= 0 && hoursSince <= rules.s4SecondContactHours) {
      events.push({ type: 'SecondContactFlagged', data: { ...previous, hoursSince: Math.round(hoursSince * 100) / 100 } });
    }
  }
  return events;
}

function claim(command: CommandOf<'Claim'>, state: DTaskState): Emit {
  if (state.owner === command.actor.id) return [];
  if (state.owner) reject('claimed-by-another-nurse', 'another nurse has claimed this task');
  const followUpPending = state.status === 'decided' && state.followUp !== undefined;
  if (state.status !== 'waiting' && !followUpPending) reject('not-claimable', `a task that is ${state.status} cannot be claimed`);
  return [{ type: 'DTaskClaimed', data: { nurseId: command.actor.id } }];
}

function callback(command: CommandOf<'RecordCallback'>, state: DTaskState, rules: SafetyRules): Emit {
  requireOwner(command, state);
  if (state.status !== 'claimed') reject('not-claimed', 'claim the task before calling back');
  const attempt = state.callbackAttempts + 1;
  const events: Emit = [{ type: 'CallbackAttempted', data: { outcome: command.outcome, attempt, ...(command.notes ? { notes: command.notes } : {}) } }];
  const failed = command.outcome !== 'reached';
  // S1: the patient is never left without contact.
  if (failed && !state.contactAt && !state.unitRequested && state.failedAttempts + 1 >= rules.s1FailedAttempts) {
    events.push(autoUnit('unreachable', rules));
  }
  return events;
}

function escalate(command: CommandOf<'Escalate'>, state: DTaskState): Emit {
  requireOwner(command, state);
  if (state.escalated && !isMoreUrgent(command.urgency, state.urgency)) {
    reject('escalation-cannot-be-undone', `the task is already escalated to ${state.urgency}`);
  }
  const trigger = state.redFlags.length > 0 ? 'red-flag' : state.concern ? 'concern' : 'nurse';
  return [
    { type: 'UrgencyEscalated', data: { from: state.urgency, to: command.urgency, reason: command.reason, trigger, redFlags: state.redFlags } },
    { type: 'UnitRequested', data: { unitLevel: command.urgency === 'C' ? 'basic' : 'advanced', urgency: command.urgency, reason: 'escalation' } },
  ];
}

function decision(command: CommandOf<'Decide'>, state: DTaskState, rules: SafetyRules): Emit {
  const choice = command.decision;
  // An escalated task already has its unit; say why nothing lower can replace it.
  if (state.escalated && (choice.kind !== 'send-unit' || !isAtLeastAsUrgent(choice.urgency, state.urgency))) {
    reject('escalation-cannot-be-undone', `the task was escalated to ${state.urgency}`);
  }
  if (state.decision) reject('already-decided', `the task is already decided as ${state.decision.kind}`);
  requireOwner(command, state);
  if (state.status !== 'claimed') reject('not-claimed', 'claim the task before deciding');
  if (choice.kind === 'send-unit') {
    return [{ type: 'UnitRequested', data: { unitLevel: choice.unitLevel, urgency: choice.urgency, reason: 'nurse-decision' } }];
  }
  // No-unit decisions: S3, S5, S4, in that order of severity.
  if (!state.contactAt) reject('no-contact', 'advice or redirect needs a reached callback');
  if (!state.assessed) reject('not-assessed', 'record the assessment first');
  requireNoDanger(state);
  if (choice.patientInformed !== true) reject('patient-must-be-informed', 'the patient must be told no ambulance is coming (S5)');
  if (choice.kind === 'phone-advice') {
    if (state.secondContact && !state.overrides.includes('S4-second-contact')) {
      reject('second-contact-needs-override', 'phone advice on a second contact needs a supervisor override (S4)');
    }
    const advice: EventData<'PhoneAdviceGiven'> = { advice: choice.advice, safetyNet: choice.safetyNet, patientInformed: true };
    if (!choice.followUpAt) return [{ type: 'PhoneAdviceGiven', data: advice }, closed('phone-advice')];
    requireFollowUpAhead(choice.followUpAt, command.at);
    return [
      { type: 'PhoneAdviceGiven', data: { ...advice, followUpAt: choice.followUpAt } },
      { type: 'FollowUpScheduled', data: { dueAt: choice.followUpAt } },
    ];
  }
  return [
    {
      type: 'RedirectRequested',
      data: {
        target: choice.target,
        targetKind: choice.targetKind,
        handoffNote: choice.handoffNote,
        patientInformed: true,
        handoffDeadline: addMinutes(command.at, rules.s6HandoffMinutes),
      },
    },
  ];
}

function followUp(command: CommandOf<'RecordFollowUp'>, state: DTaskState, rules: SafetyRules): Emit {
  if (!state.followUp) reject('no-follow-up-pending', 'no follow-up call is pending');
  requireOwner(command, state);
  const attempt = state.followUp.failedAttempts + 1;
  const completed: Emit[number] = {
    type: 'FollowUpCompleted',
    data: { outcome: command.outcome, attempt, ...(command.notes ? { notes: command.notes } : {}) },
  };
  if (command.outcome === 'reached') {
    // A follow-up call that found a red flag ends in an escalation, never in a phone-advice closure.
    requireNoDanger(state);
    return [completed, closed('phone-advice')];
  }
  // S1 applies to follow-ups too: a patient who stops answering gets a unit.
  return attempt >= rules.followUpFailedAttempts ? [completed, autoUnit('unreachable', rules)] : [completed];
}

function waitingLimit(command: CommandOf<'ReachWaitingLimit'>, state: DTaskState, rules: SafetyRules): Emit {
  requireSystem(command);
  if (state.contactAt || state.unitRequested || !state.receivedAt) reject('not-due', 'the patient is in contact or a unit is on its way');
  const waited = minutesBetween(state.receivedAt, command.at);
  const waitedMinutes = Math.floor(waited);
  if (waited >= rules.s2DispatchMinutes) {
    return [{ type: 'WaitingLimitReached', data: { level: 'dispatch', waitedMinutes } }, autoUnit('waiting-limit', rules)];
  }
  if (waited >= rules.s2AlertMinutes && !state.s2Alerted) return [{ type: 'WaitingLimitReached', data: { level: 'alert', waitedMinutes } }];
  return reject('not-due', 'no waiting limit reached');
}

function mission(command: CommandOf<'UpdateMission'>, state: DTaskState): Emit {
  if (!state.unitRequested) reject('no-unit-requested', 'no unit was requested for this task');
  const update: Emit[number] = {
    type: 'MissionUpdated',
    data: {
      stage: command.stage,
      unitId: command.unitId,
      ...(command.conveyed === undefined ? {} : { conveyed: command.conveyed }),
      ...(command.xCode ? { xCode: command.xCode } : {}),
    },
  };
  return command.stage === 'completed' ? [update, closed(state.escalated ? 'escalated' : 'unit-mission')] : [update];
}

/** S1: a task never closes as "no contact"; only a sent unit or a completed contact closes it. */
function close(command: CommandOf<'Close'>, state: DTaskState): Emit {
  if (command.actor.role !== 'supervisor' && state.owner && state.owner !== command.actor.id) reject('not-owner', 'another nurse owns this task');
  // Closing cancels a pending safety-net call: only the nurse who claimed the task for it, or a supervisor.
  if (state.followUp && command.actor.role !== 'supervisor' && state.owner !== command.actor.id) {
    reject('not-claimed', 'a task with a follow-up call pending closes only when claimed by the closer, or by a supervisor');
  }
  if (state.unitRequested) return [closed(state.escalated ? 'escalated' : 'unit-mission')];
  if (!state.contactAt) reject('close-without-contact', 'a task without contact closes only with a unit sent (S1)');
  if (state.status === 'awaiting-handoff') reject('handoff-pending', 'a redirect closes when the receiving service accepts it');
  if (state.decision?.kind !== 'phone-advice') reject('not-decided', 'decide the task before closing it');
  requireNoDanger(state);
  return [closed('phone-advice')];
}

/** A safety-net call is later than now and soon enough to matter; a year-9999 one would leave the queue for ever. */
const FOLLOW_UP_HORIZON_HOURS = 72;
function requireFollowUpAhead(dueAt: string, now: string): void {
  const leadMs = Date.parse(dueAt) - Date.parse(now);
  if (!(leadMs > 0)) reject('follow-up-in-the-past', 'the follow-up call must be later than now');
  if (leadMs > FOLLOW_UP_HORIZON_HOURS * 3_600_000) reject('follow-up-too-far', `a follow-up call is due within ${FOLLOW_UP_HORIZON_HOURS} hours`);
}

function requireOwner(command: DTaskCommand, state: DTaskState): void {
  if (command.actor.role === 'supervisor') return;
  if (!state.owner) reject('not-claimed', 'claim the task first');
  if (state.owner !== command.actor.id) reject('not-owner', 'another nurse owns this task');
}

/** The policies' commands (S1 time rule, S2, S6) come from the scheduler, never from a user. */
function requireSystem(command: DTaskCommand): void {
  if (command.actor.role !== 'system') reject('system-only', `${command.type} is issued by the safety policies only`);
}

/** S3: a red flag, the nurse's concern or an escalation forbids every no-unit outcome. */
function requireNoDanger(state: DTaskState): void {
  if (state.escalated || state.redFlags.length > 0 || state.concern) {
    reject('red-flags-present', 'red flags or the nurse’s concern force an escalation (S3)');
  }
}

function requireHandoffTo(command: DTaskCommand, state: DTaskState): void {
  if (state.status !== 'awaiting-handoff' || !state.handoff) reject('not-awaiting-handoff', 'no handoff is open');
  if (command.actor.service !== state.handoff.target) reject('wrong-service', 'the handoff is addressed to another service');
}

const closed = (outcome: EventData<'DTaskClosed'>['outcome']): Emit[number] => ({ type: 'DTaskClosed', data: { outcome } });

const autoUnit = (reason: 'unreachable' | 'waiting-limit', rules: SafetyRules): Emit[number] => ({
  type: 'UnitRequested',
  data: { unitLevel: rules.autoDispatchUnitLevel, urgency: 'D', reason },
});

const URGENCY_ORDER = { A: 0, B: 1, C: 2, D: 3 } as const;
const isMoreUrgent = (candidate: keyof typeof URGENCY_ORDER, current: keyof typeof URGENCY_ORDER) =>
  URGENCY_ORDER[candidate] < URGENCY_ORDER[current];
const isAtLeastAsUrgent = (candidate: keyof typeof URGENCY_ORDER, current: keyof typeof URGENCY_ORDER) =>
  URGENCY_ORDER[candidate] <= URGENCY_ORDER[current];
