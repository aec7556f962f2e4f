import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { DTaskCommand } from '@dtask/domain';
import { CommandResult, DTaskService, HandleOptions } from '@dtask/dtask-service';

/** Any command on an existing task: claim, callbacks, assessment, decision, handoff, mission… */
export class ApplyDTaskCommand {
  constructor(
    readonly taskId: string,
    readonly command: DTaskCommand,
    readonly options: Pick<HandleOptions, 'correlationId' | 'idempotencyKey'>,
  ) {}
}

@CommandHandler(ApplyDTaskCommand)
export class ApplyDTaskCommandHandler implements ICommandHandler<ApplyDTaskCommand, CommandResult> {
  constructor(private readonly service: DTaskService) {}

  execute({ taskId, command, options }: ApplyDTaskCommand): Promise<CommandResult> {
    return this.service.handle(taskId, command, { ...options, policy: 'cached' });
  }
}
