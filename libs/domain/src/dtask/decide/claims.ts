import { CommandOf } from '../commands';
import { hasPendingRecall } from '../recalls';
import { reject } from '../rejection';
import { OpenTask } from '../state';
import { Emit } from './emit';
import { requireHolder } from './guards';

/** One nurse holds a task: a waiting one, or a decided one with a call back pending (a follow-up, a recall). A repeated claim changes nothing. */
export function claim(command: CommandOf<'Claim'>, state: OpenTask): Emit {
  if (state.owner === command.actor.id) return [];
  if (state.owner) reject('claimed-by-another-nurse', 'another nurse has claimed this task');
  const callBackPending = state.status === 'decided' && (state.followUp !== undefined || hasPendingRecall(state));
  if (state.status !== 'waiting' && !callBackPending) reject('not-claimable', `a task that is ${state.status} cannot be claimed`);
  return [{ type: 'DTaskClaimed', data: { nurseId: command.actor.id } }];
}

/** The owner lets go; a supervisor may release any nurse's task, but there is nothing to release on an unclaimed one. */
export function release(command: CommandOf<'Release'>, state: OpenTask): Emit {
  requireHolder(command, state, 'the task is not claimed');
  return [{ type: 'DTaskReleased', data: { nurseId: state.owner, ...(command.reason ? { reason: command.reason } : {}) } }];
}
