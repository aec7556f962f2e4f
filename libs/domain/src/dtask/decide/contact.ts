import { SafetyRules } from '../../safety-rules';
import { CommandOf } from '../commands';
import { reject } from '../rejection';
import { OpenTask } from '../state';
import { Emit } from './emit';
import { autoUnit } from './waiting-for-unit';
import { requireHolder } from './guards';
import { inContact } from '../in-contact';

/** Each callback attempt is counted; S1 sends a unit once too many failed without any contact. */
export function recordCallback(command: CommandOf<'RecordCallback'>, state: OpenTask, rules: SafetyRules): Emit {
  requireHolder(command, state, 'claim the task before calling back');
  const attempt = state.callbackAttempts + 1;
  const events: Emit = [{ type: 'CallbackAttempted', data: { outcome: command.outcome, attempt, ...(command.notes ? { notes: command.notes } : {}) } }];
  const failed = command.outcome !== 'reached';
  // S1: the patient is never left without contact.
  if (failed && !inContact(state) && !state.unitRequested && state.failedAttempts + 1 >= rules.s1FailedAttempts) {
    events.push(...autoUnit('unreachable', state, command, rules));
  }
  return events;
}

/** A phone assessment is made with the patient on the line: after a reached callback, on a held task. */
export function recordAssessment(command: CommandOf<'RecordAssessment'>, state: OpenTask): Emit {
  requireHolder(command, state, 'claim the task before assessing');
  if (!inContact(state)) reject('no-contact', 'a phone assessment needs a reached callback first');
  return [{ type: 'AssessmentRecorded', data: command.assessment }];
}
