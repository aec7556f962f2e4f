import { Accepted, CommandResult } from '@dtask/dtask-service';
import { ConflictError, TaskNotFoundError } from './error.filter';

/**
 * The one place a command's refusal becomes an HTTP answer: 404 for a task that does not exist,
 * 409 with the reason for any other (the error filter writes both). The answer made of an accepted
 * command is marked with it (answeredBy), so its position goes into `X-Event-Position`.
 */
export function acceptedOrThrow(result: CommandResult): Accepted {
  if (result.kind === 'accepted') return result;
  if (result.reason === 'not-found') throw new TaskNotFoundError(result.taskId);
  const details = result.reason === 'erc-task-id-reused' ? { taskId: result.taskId, fields: result.fields } : {};
  throw new ConflictError(result.reason, result.message, details);
}
