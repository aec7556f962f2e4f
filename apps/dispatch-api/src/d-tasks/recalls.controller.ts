import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { FollowUpBody, Id, RecallBody, RecallOutcomeBody } from '@dtask/events';
import { z } from 'zod';
import { NURSE_ROLES, Roles } from '../auth/roles.decorator';
import { Command, CommandContext } from '../http/command-context.decorator';
import { ApiZodBody } from '../http/openapi';
import { zodPipe } from '../http/zod-validation.pipe';
import { TaskCommands } from './task-commands';
import { TaskIdParam } from './task-id-param';

/** Recalls (contract v1.1): the nurse schedules one or records an attempt; v1's follow-up call is the recall `follow-up`. */
@ApiTags('d-tasks')
@ApiBearerAuth()
@Controller('api/d-tasks')
export class RecallsController {
  constructor(private readonly tasks: TaskCommands) {}

  @Post(':id/follow-up')
  @Roles(...NURSE_ROLES)
  @HttpCode(200)
  @ApiZodBody(FollowUpBody)
  followUp(@Param('id', zodPipe(TaskIdParam)) id: string, @Body(zodPipe(FollowUpBody)) body: z.infer<typeof FollowUpBody>, @Command() context: CommandContext) {
    return this.tasks.apply(id, { type: 'RecordFollowUp', outcome: body.outcome, ...(body.notes ? { notes: body.notes } : {}) }, context);
  }

  @Post(':id/recalls')
  @Roles(...NURSE_ROLES)
  @HttpCode(200)
  @ApiZodBody(RecallBody)
  schedule(@Param('id', zodPipe(TaskIdParam)) id: string, @Body(zodPipe(RecallBody)) body: RecallBody, @Command() context: CommandContext) {
    return this.tasks.apply(id, { type: 'ScheduleRecall', dueAt: body.dueAt, reason: body.reason }, context);
  }

  @Post(':id/recalls/:recallId')
  @Roles(...NURSE_ROLES)
  @HttpCode(200)
  @ApiZodBody(RecallOutcomeBody)
  record(
    @Param('id', zodPipe(TaskIdParam)) id: string,
    @Param('recallId', zodPipe(Id)) recallId: string,
    @Body(zodPipe(RecallOutcomeBody)) body: RecallOutcomeBody,
    @Command() context: CommandContext,
  ) {
    return this.tasks.apply(id, { type: 'RecordRecall', recallId, ...body }, context);
  }
}
