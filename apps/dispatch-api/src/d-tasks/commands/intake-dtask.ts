import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { IntakeBody } from '@dtask/events';
import { Actor } from '../../auth/actor';
import { ConflictError } from '../../http/error.filter';
import { areaOf } from '@dtask/domain';
import { DTaskCommandExecutor } from '../command-executor';
import { TaskBoard } from '../task-board.read-model';
import { taskIdForErcTask } from '../task-id';

export class IntakeDTaskCommand {
  constructor(
    readonly body: IntakeBody,
    readonly actor: Actor,
    readonly at: string,
    readonly correlationId: string,
  ) {}
}

export interface IntakeOutcome {
  taskId: string;
  status: string;
  created: boolean;
}

/**
 * ERC intake. The task id is derived from the ERC's own id, so the same task sent twice lands on
 * the same stream and the second intake writes nothing.
 */
@CommandHandler(IntakeDTaskCommand)
export class IntakeDTaskHandler implements ICommandHandler<IntakeDTaskCommand, IntakeOutcome> {
  constructor(
    private readonly executor: DTaskCommandExecutor,
    private readonly board: TaskBoard,
  ) {}

  async execute({ body, actor, at, correlationId }: IntakeDTaskCommand): Promise<IntakeOutcome> {
    const taskId = taskIdForErcTask(body.ercTaskId);
    const secondContactOf = this.board.lastNoUnitDecisionOf(body.patient.personId, body.callbackPhone);
    try {
      const outcome = await this.executor.execute(
        taskId,
        {
          type: 'Intake',
          at,
          actor: { id: actor.id, role: actor.role },
          task: { ...body, taskId, area: areaOf(body.municipality) },
          ...(secondContactOf && secondContactOf.previousTaskId !== taskId ? { secondContactOf } : {}),
        },
        correlationId,
      );
      return { taskId, status: outcome.state.status, created: true };
    } catch (error) {
      if (error instanceof ConflictError && error.reason === 'already-exists') {
        return { taskId, status: this.board.open.get(taskId)?.status ?? 'closed', created: false };
      }
      throw error;
    }
  }
}
