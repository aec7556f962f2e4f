import { timeframeMinutes } from '@dtask/events';
import { SafetyRules } from '../../safety-rules';
import { CommandOf } from '../commands';
import { reject } from '../rejection';
import { OpenTask } from '../state';
import { addMinutes, Emit } from './emit';
import { requireHandoffOpen, requireHandoffTo, requireSystem } from './guards';

/**
 * The addressed service accepts: the task awaits its visit, which the service reports by
 * `visitBy`: the end of the timeframe the nurse asked for (counted from her redirect), or the
 * visit limit in force now if that comes first. It closes as redirected only when the visit is done.
 */
export function acceptHandoff(command: CommandOf<'AcceptHandoff'>, state: OpenTask, rules: SafetyRules): Emit {
  requireHandoffTo(command, state);
  const limit = addMinutes(command.at, rules.handoffVisitHours * 60);
  const { within, at: redirectedAt } = state.decision ?? {};
  const asked = within && redirectedAt ? addMinutes(redirectedAt, timeframeMinutes(within)) : undefined;
  const visitBy = asked !== undefined && Date.parse(asked) < Date.parse(limit) ? asked : limit;
  return [{ type: 'HandoffAccepted', data: { target: state.handoff.target, partnerId: command.actor.id, visitBy } }];
}

/** A decline returns the task to the top of the queue (evolve). */
export function declineHandoff(command: CommandOf<'DeclineHandoff'>, state: OpenTask): Emit {
  requireHandoffTo(command, state);
  return [{ type: 'HandoffDeclined', data: { target: state.handoff.target, partnerId: command.actor.id, reason: command.reason } }];
}

/** S6: a redirect not accepted by its deadline returns to the queue as a decline does. */
export function timeOutHandoff(command: CommandOf<'TimeOutHandoff'>, state: OpenTask): Emit {
  requireSystem(command);
  requireHandoffOpen(state);
  if (Date.parse(command.at) < Date.parse(state.handoff.deadline)) reject('not-due', 'the handoff limit has not passed');
  return [{ type: 'HandoffTimedOut', data: { target: state.handoff.target, deadline: state.handoff.deadline } }];
}
