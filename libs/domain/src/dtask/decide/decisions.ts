import { EventData, timeframeMinutes } from '@dtask/events';
import { dispositionOf } from '../disposition';
import { SafetyRules } from '../../safety-rules';
import { CommandOf } from '../commands';
import { reject } from '../rejection';
import { ClaimedTask, OpenTask } from '../state';
import { addMinutes, closed, Emit, isAtLeastAsUrgent } from './emit';
import { requireDueAhead, requireHolder, requireSafeWithoutUnit } from './guards';
import { requireConsultOnTask } from './visits';
import { requestUnit } from './waiting-for-unit';
import { inContact } from '../in-contact';

type Choice<K extends CommandOf<'Decide'>['decision']['kind']> = Extract<CommandOf<'Decide'>['decision'], { kind: K }>;

/** The nurse's decision on a held task: a unit, phone advice, or a redirect to a receiving service. */
export function decision(command: CommandOf<'Decide'>, state: OpenTask, rules: SafetyRules): Emit {
  const choice = command.decision;
  // An escalated task already has its unit; say why nothing lower can replace it.
  if (state.escalated && (choice.kind !== 'send-unit' || !isAtLeastAsUrgent(choice.urgency, state.urgency))) {
    reject('escalation-cannot-be-undone', `the task was escalated to ${state.urgency}`);
  }
  if (state.decision) reject('already-decided', `the task is already decided as ${state.decision.kind}`);
  requireHolder(command, state, 'claim the task before deciding');
  requireConsultOnTask(state, choice.consultId);
  if (choice.kind === 'send-unit') {
    const onConsult = choice.consultId === undefined ? {} : { consultId: choice.consultId };
    return requestUnit({ unitLevel: choice.unitLevel, urgency: choice.urgency, reason: 'nurse-decision', ...onConsult }, state, command, rules);
  }
  requireNoUnitAllowed(state, choice.patientInformed);
  return choice.kind === 'phone-advice' ? phoneAdvice(command, choice, state) : redirect(command, choice, rules);
}

/** No-unit decisions: contact and an assessment, then S3, S9, S5, in that order of severity. */
function requireNoUnitAllowed(state: ClaimedTask, patientInformed: boolean): void {
  if (!inContact(state)) reject('no-contact', 'advice or redirect needs a reached callback');
  if (!state.assessed) reject('not-assessed', 'record the assessment first');
  requireSafeWithoutUnit(state);
  if (patientInformed !== true) reject('patient-must-be-informed', 'the patient must be told no ambulance is coming (S5)');
}

/** Advice closes the task, unless a safety-net call is to follow; on a second contact only with the S4 override. */
function phoneAdvice(command: CommandOf<'Decide'>, choice: Choice<'phone-advice'>, state: ClaimedTask): Emit {
  if (state.secondContact && !state.overrides.includes('S4-second-contact')) {
    reject('second-contact-needs-override', 'phone advice on a second contact needs a supervisor override (S4)');
  }
  const advice: EventData<'PhoneAdviceGiven'> = { advice: choice.advice, safetyNet: choice.safetyNet, patientInformed: true, ...dispositionOf(choice) };
  if (!choice.followUpAt) return [{ type: 'PhoneAdviceGiven', data: advice }, closed('phone-advice')];
  requireDueAhead(choice.followUpAt, command.at);
  return [
    { type: 'PhoneAdviceGiven', data: { ...advice, followUpAt: choice.followUpAt } },
    { type: 'FollowUpScheduled', data: { dueAt: choice.followUpAt } },
  ];
}

/** S6: the receiving service has its handoff limit to accept. */
function redirect(command: CommandOf<'Decide'>, choice: Choice<'redirect'>, rules: SafetyRules): Emit {
  const { target, targetKind, handoffNote } = choice;
  // The service reports its visit by the visit limit: a longer timeframe would return the patient unseen, on time.
  if (choice.within && timeframeMinutes(choice.within) > rules.handoffVisitHours * 60) {
    reject('timeframe-beyond-visit-limit', `a redirect's timeframe is at most the visit limit, ${rules.handoffVisitHours} h`);
  }
  const handoffDeadline = addMinutes(command.at, rules.s6HandoffMinutes);
  return [{ type: 'RedirectRequested', data: { target, targetKind, handoffNote, patientInformed: true, handoffDeadline, ...dispositionOf(choice) } }];
}
