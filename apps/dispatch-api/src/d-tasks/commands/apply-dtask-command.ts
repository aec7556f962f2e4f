import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { DTaskCommand } from '@dtask/domain';
import { CommandOutcome, DTaskCommandExecutor } from '../command-executor';

/** Any command on an existing task: claim, callbacks, assessment, decision, handoff, mission… */
export class ApplyDTaskCommand {
  constructor(
    readonly taskId: string,
    readonly command: DTaskCommand,
    readonly correlationId: string,
  ) {}
}

@CommandHandler(ApplyDTaskCommand)
export class ApplyDTaskCommandHandler implements ICommandHandler<ApplyDTaskCommand, CommandOutcome> {
  constructor(private readonly executor: DTaskCommandExecutor) {}

  execute({ taskId, command, correlationId }: ApplyDTaskCommand): Promise<CommandOutcome> {
    return this.executor.execute(taskId, command, correlationId);
  }
}
