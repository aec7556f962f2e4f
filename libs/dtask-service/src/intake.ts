import { areaOf, CommandOf, SecondContactOf } from '@dtask/domain';
import { EventData, IntakeBody } from '@dtask/events';
import { CommandResult, refused } from './command-result';
import { DTaskService, HandleOptions } from './dtask-service';
import { differingFields } from './intake-differences';
import { taskIdForErcTask } from './task-id';

export interface IntakeRequest {
  body: IntakeBody;
  actor: CommandOf<'Intake'>['actor'];
  at: string;
  /** S4's memory: the patient's last contact that ended without a unit, read with strong consistency. */
  lastNoUnitDecision?: SecondContactOf;
  /** The same patient's task still open, if any: the new one is linked to it (`duplicate-open`). */
  openTaskId?: string;
}

/**
 * ERC intake. The task id comes from the ERC's own id, so the same task sent twice lands on the
 * same stream: a repeat of the recorded intake is acknowledged (`repeated`); the same id with a
 * different body is not the same task and is refused `erc-task-id-reused`, naming the fields that
 * differ (never their values), so the ERC learns that this task was not received.
 */
export async function receiveTask(service: DTaskService, request: IntakeRequest, options: Omit<HandleOptions, 'policy'> = {}): Promise<CommandResult> {
  const { body, actor, at, lastNoUnitDecision, openTaskId } = request;
  const taskId = taskIdForErcTask(body.ercTaskId);
  // A repeat of this very intake finds itself in the patient's memory: that is no other contact.
  const secondContactOf = lastNoUnitDecision && lastNoUnitDecision.previousTaskId !== taskId ? lastNoUnitDecision : undefined;
  const openTaskOf = openTaskId && openTaskId !== taskId ? { openTaskId } : undefined;
  const task = { ...body, taskId, area: areaOf(body.municipality) };
  const result = await service.handle(
    taskId,
    { type: 'Intake', at, actor, task, ...(secondContactOf ? { secondContactOf } : {}), ...(openTaskOf ? { openTaskOf } : {}) },
    { ...options, policy: 'assume-empty' },
  );
  if (result.kind === 'accepted' || result.reason !== 'already-exists') return result;
  const [first] = await service.history(taskId, { maxCount: 1 });
  const fields = first?.type === 'DTaskReceived' ? differingFields(body, first.data as EventData<'DTaskReceived'>) : [];
  if (fields.length > 0) {
    return refused(taskId, 'erc-task-id-reused', `this ercTaskId was already received for another task; it differs in ${fields.join(', ')}. The task was not received: send it with its own ercTaskId`, fields);
  }
  return { kind: 'accepted', taskId, effect: 'repeated', state: await service.stateOf(taskId), events: [] };
}
