import { Body, Controller, Get, Header, Headers, Param, Post, Query, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CommandResult } from '@dtask/dtask-service';
import { IntakeBody } from '@dtask/events';
import { FastifyReply } from 'fastify';
import { z } from 'zod';
import { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/current-actor.decorator';
import { NURSE_ROLES, Roles } from '../auth/roles.decorator';
import { Clock } from '../clock/clock';
import { acceptedOrThrow } from '../http/command-answer';
import { answeredBy } from '../http/event-position';
import { Command, CommandContext, correlationIdOf } from '../http/command-context.decorator';
import { ApiZodBody, ApiZodQuery } from '../http/openapi';
import { zodPipe } from '../http/zod-validation.pipe';
import { IntakeDTaskCommand } from './commands/intake-dtask';
import { GetQueueQuery } from './queries/get-queue';
import { GetTaskQuery } from './queries/get-task';
import { TaskIdParam } from './task-id-param';

const QueueQuery = z
  .object({ status: z.enum(['waiting', 'claimed', 'awaiting-handoff', 'awaiting-visit', 'decided', 'closed']).optional(), area: z.string().min(1).max(64).optional() })
  .strict();
/** `opening`: the console's id for one opening of the task's panel (its refreshes are one logged read). */
const TaskReadQuery = z.object({ opening: z.uuid('must be a UUID').optional() }).strict();

/** The ERC's intake, and the queue and task reads. The commands on a task are in the other controllers of this folder. */
@ApiTags('d-tasks')
@ApiBearerAuth()
@Controller('api/d-tasks')
export class DTasksController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly clock: Clock,
  ) {}

  @Post()
  @Roles('erc')
  @ApiZodBody(IntakeBody)
  async intake(@Body(zodPipe(IntakeBody)) body: IntakeBody, @Command() context: CommandContext, @Res({ passthrough: true }) reply: FastifyReply) {
    const { actor, correlationId, idempotencyKey } = context;
    const options = { correlationId, ...(idempotencyKey ? { idempotencyKey } : {}) };
    const result: CommandResult = await this.commands.execute(new IntakeDTaskCommand(body, actor, this.clock.now().toISOString(), options));
    const accepted = acceptedOrThrow(result);
    reply.status(accepted.effect === 'written' ? 201 : 200);
    return answeredBy({ taskId: accepted.taskId, status: accepted.state.status }, accepted);
  }

  @Get()
  @Roles(...NURSE_ROLES)
  @ApiZodQuery(QueueQuery)
  queue(@Query(zodPipe(QueueQuery)) query: z.infer<typeof QueueQuery>) {
    return this.queries.execute(new GetQueueQuery(query));
  }

  @Get(':id')
  @Roles(...NURSE_ROLES)
  @Header('Cache-Control', 'no-store')
  @ApiZodQuery(TaskReadQuery)
  task(
    @Param('id', zodPipe(TaskIdParam)) id: string,
    @Query(zodPipe(TaskReadQuery)) query: z.infer<typeof TaskReadQuery>,
    @CurrentActor() actor: Actor,
    @Headers('x-correlation-id') correlation?: string,
  ) {
    return this.queries.execute(new GetTaskQuery(id, actor, correlationIdOf(correlation), query.opening));
  }
}
