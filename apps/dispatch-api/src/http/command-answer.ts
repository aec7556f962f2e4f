import { Accepted, CommandResult } from '@dtask/dtask-service';
import { ConflictError, TaskNotFoundError } from './error.filter';
import { noteAccepted } from './event-position';

/**
 * The one place a command's refusal becomes an HTTP answer: 404 for a task that does not exist,
 * 409 with the reason for any other (the error filter writes both). An accepted command's position
 * goes into its answer's `X-Event-Position`.
 */
export function acceptedOrThrow(result: CommandResult): Accepted {
  if (result.kind === 'accepted') {
    noteAccepted(result);
    return result;
  }
  if (result.reason === 'not-found') throw new TaskNotFoundError(result.taskId);
  const details = result.reason === 'erc-task-id-reused' ? { taskId: result.taskId, fields: result.fields } : {};
  throw new ConflictError(result.reason, result.message, details);
}
