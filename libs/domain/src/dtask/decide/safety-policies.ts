import { SafetyRules } from '../../safety-rules';
import { CommandOf } from '../commands';
import { reject } from '../rejection';
import { OpenTask } from '../state';
import { Emit, minutesBetween } from './emit';
import { autoUnit } from './waiting-for-unit';
import { requireSystem } from './guards';
import { inContact } from '../in-contact';

/** S1's time rule: a unit once the first failed callback is this old and the patient still not reached. */
export function dispatchUnreachable(command: CommandOf<'DispatchUnreachable'>, state: OpenTask, rules: SafetyRules): Emit {
  requireSystem(command);
  if (inContact(state) || state.unitRequested || !state.firstFailedAt) reject('not-due', 'the patient was reached or a unit is on its way');
  if (minutesBetween(state.firstFailedAt, command.at) < rules.s1MinutesAfterFirstFailure) reject('not-due', 'S1 time limit not reached');
  return autoUnit('unreachable', state, command, rules);
}

/** S2: without clinical contact, a supervisor alert (once), then a unit. */
export function reachWaitingLimit(command: CommandOf<'ReachWaitingLimit'>, state: OpenTask, rules: SafetyRules): Emit {
  requireSystem(command);
  if (state.contactAt || state.unitRequested) reject('not-due', 'the patient is in contact or a unit is on its way');
  const waited = minutesBetween(state.receivedAt, command.at);
  const waitedMinutes = Math.floor(waited);
  if (waited >= rules.s2DispatchMinutes) {
    return [{ type: 'WaitingLimitReached', data: { level: 'dispatch', waitedMinutes } }, ...autoUnit('waiting-limit', state, command, rules)];
  }
  if (waited >= rules.s2AlertMinutes && !state.s2Alerted) return [{ type: 'WaitingLimitReached', data: { level: 'alert', waitedMinutes } }];
  return reject('not-due', 'no waiting limit reached');
}
