import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { DTaskCommand } from '@dtask/domain';
import { CommandResult } from '@dtask/dtask-service';
import { Clock } from '../clock/clock';
import { acceptedOrThrow } from '../http/command-answer';
import { answeredBy } from '../http/event-position';
import { CommandContext } from '../http/command-context.decorator';
import { ApplyDTaskCommand } from './commands/apply-dtask-command';
import { taskView } from './task-view';

/** A command without its time and actor, which the service adds. */
export type CommandBody = DTaskCommand extends infer C ? (C extends unknown ? Omit<C, 'at' | 'actor'> : never) : never;

/** Every command route's one way in: timed by the service's clock, sent on the command bus, answered as the task's view. */
@Injectable()
export class TaskCommands {
  constructor(
    private readonly commands: CommandBus,
    private readonly clock: Clock,
  ) {}

  async apply(taskId: string, command: CommandBody, { actor, correlationId, idempotencyKey }: CommandContext) {
    const at = this.clock.now().toISOString();
    const full = { ...command, at, actor } as DTaskCommand;
    const result: CommandResult = await this.commands.execute(new ApplyDTaskCommand(taskId, full, { correlationId, ...(idempotencyKey ? { idempotencyKey } : {}) }));
    const accepted = acceptedOrThrow(result);
    return answeredBy(taskView(taskId, accepted.state, at), accepted);
  }
}
