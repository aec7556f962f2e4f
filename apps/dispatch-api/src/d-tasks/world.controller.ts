import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CancelBody, EmptyBody, ErcUpdateBody, HandoffCompleteBody, HandoffDeclineBody, HandoffFailBody, MissionBody } from '@dtask/events';
import { z } from 'zod';
import { Roles } from '../auth/roles.decorator';
import { Command, CommandContext } from '../http/command-context.decorator';
import { ApiZodBody } from '../http/openapi';
import { zodPipe } from '../http/zod-validation.pipe';
import { TaskCommands } from './task-commands';
import { TaskIdParam } from './task-id-param';

/**
 * What the world around the centre does to a task while it waits: the ERC cancels or updates it,
 * a unit's mission is reported (the field commander may attach a unit himself), the receiving
 * service answers a referral and reports its visit.
 */
@ApiTags('d-tasks')
@ApiBearerAuth()
@Controller('api/d-tasks')
export class WorldController {
  constructor(private readonly tasks: TaskCommands) {}

  @Post(':id/cancel')
  @Roles('erc')
  @HttpCode(200)
  @ApiZodBody(CancelBody)
  cancel(@Param('id', zodPipe(TaskIdParam)) id: string, @Body(zodPipe(CancelBody)) body: z.infer<typeof CancelBody>, @Command() context: CommandContext) {
    return this.tasks.apply(id, { type: 'Cancel', reason: body.reason }, context);
  }

  /** New information, a repeat call (the task goes first in the queue, its owner is told), or an urgency change. */
  @Post(':id/erc-update')
  @Roles('erc')
  @HttpCode(200)
  @ApiZodBody(ErcUpdateBody)
  ercUpdate(@Param('id', zodPipe(TaskIdParam)) id: string, @Body(zodPipe(ErcUpdateBody)) update: ErcUpdateBody, @Command() context: CommandContext) {
    return this.tasks.apply(id, { type: 'ReceiveErcUpdate', update }, context);
  }

  @Post(':id/mission')
  @Roles('erc', 'supervisor')
  @HttpCode(200)
  @ApiZodBody(MissionBody)
  mission(@Param('id', zodPipe(TaskIdParam)) id: string, @Body(zodPipe(MissionBody)) body: MissionBody, @Command() context: CommandContext) {
    return this.tasks.apply(id, { type: 'UpdateMission', ...body }, context);
  }

  @Post(':id/handoff/accept')
  @Roles('partner')
  @HttpCode(200)
  accept(@Param('id', zodPipe(TaskIdParam)) id: string, @Body(zodPipe(EmptyBody)) _: unknown, @Command() context: CommandContext) {
    return this.tasks.apply(id, { type: 'AcceptHandoff' }, context);
  }

  @Post(':id/handoff/decline')
  @Roles('partner')
  @HttpCode(200)
  @ApiZodBody(HandoffDeclineBody)
  decline(@Param('id', zodPipe(TaskIdParam)) id: string, @Body(zodPipe(HandoffDeclineBody)) body: z.infer<typeof HandoffDeclineBody>, @Command() context: CommandContext) {
    return this.tasks.apply(id, { type: 'DeclineHandoff', reason: body.reason }, context);
  }

  /** v1.1: after accepting, the service reports the visit done (the task closes as redirected)... */
  @Post(':id/handoff/complete')
  @Roles('partner')
  @HttpCode(200)
  @ApiZodBody(HandoffCompleteBody)
  complete(@Param('id', zodPipe(TaskIdParam)) id: string, @Body(zodPipe(HandoffCompleteBody)) body: HandoffCompleteBody, @Command() context: CommandContext) {
    return this.tasks.apply(id, { type: 'CompleteHandoff', visitedAt: body.visitedAt, ...(body.notes ? { notes: body.notes } : {}) }, context);
  }

  /** ...or failed: the task returns to the top of the nurses' queue. */
  @Post(':id/handoff/fail')
  @Roles('partner')
  @HttpCode(200)
  @ApiZodBody(HandoffFailBody)
  fail(@Param('id', zodPipe(TaskIdParam)) id: string, @Body(zodPipe(HandoffFailBody)) body: HandoffFailBody, @Command() context: CommandContext) {
    return this.tasks.apply(id, { type: 'FailHandoff', reason: body.reason }, context);
  }
}
