import { CommandOf } from '../commands';
import { reject } from '../rejection';
import { OpenTask } from '../state';
import { closed, Emit } from './emit';
import { requireHandoffOpen, requireHandoffTo, requireSystem } from './guards';

/** A redirect is real once the addressed service accepts it: the task closes as redirected. */
export function acceptHandoff(command: CommandOf<'AcceptHandoff'>, state: OpenTask): Emit {
  requireHandoffTo(command, state);
  return [{ type: 'HandoffAccepted', data: { target: state.handoff.target, partnerId: command.actor.id } }, closed('redirect')];
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
