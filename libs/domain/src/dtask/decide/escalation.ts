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
  return [
    { type: 'UrgencyEscalated', data: { from: state.urgency, to: command.urgency, reason: command.reason, trigger, redFlags: state.redFlags } },
    { type: 'UnitRequested', data: { unitLevel: command.urgency === 'C' ? 'basic' : 'advanced', urgency: command.urgency, reason: 'escalation' } },
  ];
}
