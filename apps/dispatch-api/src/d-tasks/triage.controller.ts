import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AssessmentBody, CallbackBody, CloseBody, ConsultBody, DecisionBody, EmptyBody, EscalationBody, OverrideBody } from '@dtask/events';
import { z } from 'zod';
import { NURSE_ROLES, Roles } from '../auth/roles.decorator';
import { Command, CommandContext } from '../http/command-context.decorator';
import { ConflictError } from '../http/error.filter';
import { ApiZodBody } from '../http/openapi';
import { zodPipe } from '../http/zod-validation.pipe';
import { RedirectTargetQuery } from '../services-directory/redirect-target.query';
import { ServiceDirectory } from '../services-directory/service-directory';
import { TaskCommands } from './task-commands';
import { TaskIdParam } from './task-id-param';

/** What the nurse (and the supervisor) does with a task: claim, call, assess, consult, decide, close; and the supervisor's override. */
@ApiTags('d-tasks')
@ApiBearerAuth()
@Controller('api/d-tasks')
export class TriageController {
  constructor(
    private readonly tasks: TaskCommands,
    private readonly queries: QueryBus,
    private readonly directory: ServiceDirectory,
  ) {}

  @Post(':id/claim')
  @Roles(...NURSE_ROLES)
  @HttpCode(200)
  claim(@Param('id', zodPipe(TaskIdParam)) id: string, @Body(zodPipe(EmptyBody)) _: unknown, @Command() context: CommandContext) {
    return this.tasks.apply(id, { type: 'Claim' }, context);
  }

  @Post(':id/release')
  @Roles(...NURSE_ROLES)
  @HttpCode(200)
  release(@Param('id', zodPipe(TaskIdParam)) id: string, @Body(zodPipe(EmptyBody)) _: unknown, @Command() context: CommandContext) {
    return this.tasks.apply(id, { type: 'Release' }, context);
  }

  @Post(':id/callbacks')
  @Roles(...NURSE_ROLES)
  @HttpCode(200)
  @ApiZodBody(CallbackBody)
  callback(@Param('id', zodPipe(TaskIdParam)) id: string, @Body(zodPipe(CallbackBody)) body: z.infer<typeof CallbackBody>, @Command() context: CommandContext) {
    return this.tasks.apply(id, { type: 'RecordCallback', outcome: body.outcome, ...(body.notes ? { notes: body.notes } : {}) }, context);
  }

  @Post(':id/assessment')
  @Roles(...NURSE_ROLES)
  @HttpCode(200)
  @ApiZodBody(AssessmentBody)
  assessment(@Param('id', zodPipe(TaskIdParam)) id: string, @Body(zodPipe(AssessmentBody)) body: AssessmentBody, @Command() context: CommandContext) {
    return this.tasks.apply(id, { type: 'RecordAssessment', assessment: body }, context);
  }

  @Post(':id/escalation')
  @Roles(...NURSE_ROLES)
  @HttpCode(200)
  @ApiZodBody(EscalationBody)
  escalation(@Param('id', zodPipe(TaskIdParam)) id: string, @Body(zodPipe(EscalationBody)) body: z.infer<typeof EscalationBody>, @Command() context: CommandContext) {
    return this.tasks.apply(id, { type: 'Escalate', urgency: body.urgency, reason: body.reason }, context);
  }

  /** v1.1: the EMS physician's, an on-call doctor's or the field commander's advice; the task names it `consult-<n>`. */
  @Post(':id/consult')
  @Roles(...NURSE_ROLES)
  @HttpCode(200)
  @ApiZodBody(ConsultBody)
  consult(@Param('id', zodPipe(TaskIdParam)) id: string, @Body(zodPipe(ConsultBody)) body: ConsultBody, @Command() context: CommandContext) {
    return this.tasks.apply(id, { type: 'RecordConsult', ...body }, context);
  }

  @Post(':id/decision')
  @Roles(...NURSE_ROLES)
  @HttpCode(200)
  @ApiZodBody(DecisionBody)
  async decision(@Param('id', zodPipe(TaskIdParam)) id: string, @Body(zodPipe(DecisionBody)) body: DecisionBody, @Command() context: CommandContext) {
    if (body.kind !== 'redirect') return this.tasks.apply(id, { type: 'Decide', decision: body }, context);
    const service = this.directory.find(body.target);
    if (!service) throw new ConflictError('unknown-service', `no service ${body.target} in the directory`);
    // Only a service that serves the patient's municipality, or a 409 before anything is written.
    await this.queries.execute(new RedirectTargetQuery(id, service.id));
    return this.tasks.apply(id, { type: 'Decide', decision: { ...body, targetKind: service.kind } }, context);
  }

  @Post(':id/close')
  @Roles(...NURSE_ROLES)
  @HttpCode(200)
  @ApiZodBody(CloseBody)
  close(@Param('id', zodPipe(TaskIdParam)) id: string, @Body(zodPipe(CloseBody)) body: z.infer<typeof CloseBody>, @Command() context: CommandContext) {
    return this.tasks.apply(id, { type: 'Close', ...(body.reason ? { reason: body.reason } : {}) }, context);
  }

  @Post(':id/override')
  @Roles('supervisor')
  @HttpCode(200)
  @ApiZodBody(OverrideBody)
  override(@Param('id', zodPipe(TaskIdParam)) id: string, @Body(zodPipe(OverrideBody)) body: z.infer<typeof OverrideBody>, @Command() context: CommandContext) {
    return this.tasks.apply(id, { type: 'GrantOverride', rule: body.rule, reason: body.reason }, context);
  }
}
