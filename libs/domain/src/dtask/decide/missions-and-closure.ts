import { DTaskEvent } from '@dtask/events';
import { CommandOf } from '../commands';
import { reject } from '../rejection';
import { OpenTask } from '../state';
import { closed, Emit } from './emit';
import { requireNoDanger } from './guards';

/** The mission of a requested unit; its completion closes the task (as escalated if it was). */
export function updateMission(command: CommandOf<'UpdateMission'>, state: OpenTask): Emit {
  if (!state.unitRequested) reject('no-unit-requested', 'no unit was requested for this task');
  const update: DTaskEvent = {
    type: 'MissionUpdated',
    data: {
      stage: command.stage,
      unitId: command.unitId,
      ...(command.conveyed === undefined ? {} : { conveyed: command.conveyed }),
      ...(command.xCode ? { xCode: command.xCode } : {}),
    },
  };
  return command.stage === 'completed' ? [update, unitClosure(state)] : [update];
}

/** S1: a task never closes as "no contact"; only a sent unit or a completed contact closes it. */
export function close(command: CommandOf<'Close'>, state: OpenTask): Emit {
  const supervisor = command.actor.role === 'supervisor';
  if (!supervisor && state.owner && state.owner !== command.actor.id) reject('not-owner', 'another nurse owns this task');
  // Closing cancels a pending safety-net call: only the nurse who claimed the task for it, or a supervisor.
  if (state.followUp && !supervisor && state.owner !== command.actor.id) {
    reject('not-claimed', 'a task with a follow-up call pending closes only when claimed by the closer, or by a supervisor');
  }
  if (state.unitRequested) return [unitClosure(state)];
  if (!state.contactAt) reject('close-without-contact', 'a task without contact closes only with a unit sent (S1)');
  if (state.status === 'awaiting-handoff') reject('handoff-pending', 'a redirect closes when the receiving service accepts it');
  if (state.decision?.kind !== 'phone-advice') reject('not-decided', 'decide the task before closing it');
  requireNoDanger(state);
  return [closed('phone-advice')];
}

const unitClosure = (state: OpenTask) => closed(state.escalated ? 'escalated' : 'unit-mission');
