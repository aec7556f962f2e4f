import { EscalatedUrgency, EventData } from '@dtask/events';
import { CommandOf } from '../commands';
import { reject } from '../rejection';
import { OpenTask } from '../state';
import { Emit, isMoreUrgent } from './emit';
import { requireOwner } from './guards';

/** S3: a red flag or the nurse's concern raises the task with a unit at once; an escalation only ever goes up. */
export function escalate(command: CommandOf<'Escalate'>, state: OpenTask): Emit {
  requireOwner(command, state);
  if (state.escalated && !isMoreUrgent(command.urgency, state.urgency)) {
    reject('escalation-cannot-be-undone', `the task is already escalated to ${state.urgency}`);
  }
  const trigger = state.redFlags.length > 0 ? 'red-flag' : state.concern ? 'concern' : 'nurse';
  return escalation(state, command.urgency, command.reason, trigger);
}

/** The escalation and its unit, asked for at the raised urgency. */
export function escalation(state: OpenTask, to: EscalatedUrgency, reason: string, trigger: EventData<'UrgencyEscalated'>['trigger']): Emit {
  return [
    { type: 'UrgencyEscalated', data: { from: state.urgency, to, reason, trigger, redFlags: state.redFlags } },
    { type: 'UnitRequested', data: { unitLevel: to === 'C' ? 'basic' : 'advanced', urgency: to, reason: 'escalation' } },
  ];
}
