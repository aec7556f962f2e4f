import { SafetyRules } from '../../safety-rules';
import { CommandOf } from '../commands';
import { withWaitingClock } from '../receipt-time';
import { DTaskState } from '../state';
import { closed, Emit } from './emit';
import { requireNotReceived } from './guards';

/**
 * The ERC's task arrives once; it is linked to the patient's other open task, and S4 flags it when
 * the same patient had a no-unit decision (or a mission without conveyance) within the window.
 */
export function intake(command: CommandOf<'Intake'>, state: DTaskState, rules: SafetyRules): Emit {
  requireNotReceived(state);
  // S2 counts from `receivedAt`: never later than our own receipt, never from an implausible past.
  const task = withWaitingClock(command.task, command.at);
  const events: Emit = [{ type: 'DTaskReceived', data: task }];
  // The same patient's other open task, which the intake handler found: the two are linked.
  const open = command.openTaskOf?.openTaskId;
  if (open !== undefined && open !== task.taskId) events.push({ type: 'DuplicateOpenFlagged', data: { openTaskId: open } });
  const previous = command.secondContactOf;
  if (previous) {
    const hoursSince = (Date.parse(task.receivedAt) - Date.parse(previous.previousDecidedAt)) / 3_600_000;
    if (hoursSince >= 0 && hoursSince <= rules.s4SecondContactHours) {
      events.push({ type: 'SecondContactFlagged', data: { ...previous, hoursSince: Math.round(hoursSince * 100) / 100 } });
    }
  }
  return events;
}

/** The ERC may cancel an open task at any stage; it closes as cancelled. */
export function cancel(command: CommandOf<'Cancel'>): Emit {
  return [{ type: 'DTaskCancelled', data: { reason: command.reason } }, closed('cancelled')];
}
