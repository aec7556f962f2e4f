import { DTaskEvent } from '@dtask/events';
import { SafetyRules } from '../../safety-rules';
import { CommandOf } from '../commands';
import { OpenTask } from '../state';
import { closed, Emit } from './emit';
import { requireFollowUpPending, requireOwner, requireSafeWithoutUnit } from './guards';
import { autoUnit } from './waiting-for-unit';

/** The safety-net call after advice: reached, the advice stands and the task closes; unanswered too often, S1 sends a unit. */
export function recordFollowUp(command: CommandOf<'RecordFollowUp'>, state: OpenTask, rules: SafetyRules): Emit {
  requireFollowUpPending(state);
  requireOwner(command, state);
  const attempt = state.followUp.failedAttempts + 1;
  const completed: DTaskEvent = {
    type: 'FollowUpCompleted',
    data: { outcome: command.outcome, attempt, ...(command.notes ? { notes: command.notes } : {}) },
  };
  if (command.outcome === 'reached') {
    // A follow-up call that found a red flag ends in an escalation, never in a phone-advice closure.
    requireSafeWithoutUnit(state);
    return [completed, closed('phone-advice')];
  }
  // S1 applies to follow-ups too: a patient who stops answering gets a unit.
  return attempt >= rules.followUpFailedAttempts ? [completed, ...autoUnit('unreachable', state, command, rules)] : [completed];
}
