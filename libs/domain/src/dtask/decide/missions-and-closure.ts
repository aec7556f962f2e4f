import { DTaskEvent } from '@dtask/events';
import { SafetyRules } from '../../safety-rules';
import { CommandOf } from '../commands';
import { hasPendingRecall } from '../recalls';
import { reject } from '../rejection';
import { OpenTask } from '../state';
import { closed, Emit } from './emit';
import { requireSafeWithoutUnit } from './guards';
import { firstWaitingRecall } from './waiting-for-unit';
import { inContact } from '../in-contact';

/**
 * The mission of a requested unit; its completion closes the task (as escalated if it was). The
 * field commander may put a unit on a task we did not send one to, claimed or not: it is then
 * decided as sent a unit by him (the nurse's hold ends with it, as with any unit: the question she
 * held it for, whether the patient needs a unit, is answered), and S8 watches a D unit's wait.
 */
export function updateMission(command: CommandOf<'UpdateMission'>, state: OpenTask, rules: SafetyRules): Emit {
  const update: DTaskEvent = {
    type: 'MissionUpdated',
    data: {
      stage: command.stage,
      unitId: command.unitId,
      ...(command.conveyed === undefined ? {} : { conveyed: command.conveyed }),
      ...(command.xCode ? { xCode: command.xCode } : {}),
    },
  };
  const mission = command.stage === 'completed' ? [update, unitClosure(state)] : [update];
  if (state.unitRequested) return mission;
  if (command.requestedBy !== 'field-commander') reject('no-unit-requested', 'no unit was requested for this task');
  const attached: DTaskEvent = { type: 'UnitAttachedByField', data: { unitId: command.unitId } };
  const waits = command.stage === 'unit-assigned' && state.urgency === 'D';
  return [attached, ...(waits ? [firstWaitingRecall(state, command.at, rules)] : []), ...mission];
}

/**
 * S1: a task never closes as "no contact"; only a sent unit or a completed contact closes it. S8:
 * nor while its patient waits for a D unit with recalls due; it closes when the mission completes.
 */
export function close(command: CommandOf<'Close'>, state: OpenTask): Emit {
  const supervisor = command.actor.role === 'supervisor';
  if (!supervisor && state.owner && state.owner !== command.actor.id) reject('not-owner', 'another nurse owns this task');
  if (state.unitWait) reject('unit-not-on-scene', 'the patient waits for a D unit: the task closes when its mission completes (report it on scene first)');
  // Closing cancels a pending call back: only the nurse who claimed the task for it, or a supervisor.
  if ((state.followUp || hasPendingRecall(state)) && !supervisor && state.owner !== command.actor.id) {
    reject('not-claimed', 'a task with a call back pending closes only when claimed by the closer, or by a supervisor');
  }
  if (state.unitRequested) return [unitClosure(state)];
  if (!inContact(state)) reject('close-without-contact', 'a task without contact closes only with a unit sent (S1)');
  if (state.status === 'awaiting-handoff' || state.status === 'awaiting-visit') reject('handoff-pending', 'a redirect closes when the receiving service reports its visit');
  if (state.decision?.kind !== 'phone-advice') reject('not-decided', 'decide the task before closing it');
  requireSafeWithoutUnit(state);
  return [closed('phone-advice')];
}

const unitClosure = (state: OpenTask) => closed(state.escalated ? 'escalated' : 'unit-mission');
