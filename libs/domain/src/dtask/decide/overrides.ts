import { CommandOf } from '../commands';
import { reject } from '../rejection';
import { OpenTask } from '../state';
import { Emit } from './emit';

/** A supervisor's confirmation that lifts a rule for this task (S4: advice again on a second contact); granted once. */
export function grantOverride(command: CommandOf<'GrantOverride'>, state: OpenTask): Emit {
  if (command.actor.role !== 'supervisor') reject('supervisor-only', 'only a supervisor may override');
  if (command.rule === 'S4-second-contact' && !state.secondContact) reject('override-not-applicable', 'the task is not a second contact');
  return state.overrides.includes(command.rule) ? [] : [{ type: 'OverrideGranted', data: { rule: command.rule, reason: command.reason } }];
}
