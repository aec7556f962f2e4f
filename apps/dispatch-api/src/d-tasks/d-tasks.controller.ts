import { Body, Controller, Get, Header, Headers, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { DTaskCommand } from '@dtask/domain';
import { CommandResult } from '@dtask/dtask-service';
import {
  AssessmentBody,
  CallbackBody,
  CancelBody,
  CloseBody,
  DecisionBody,
  EmptyBody,
  EscalationBody,
  FollowUpBody,
  HandoffDeclineBody,
  IntakeBody,
  MissionBody,
  OverrideBody,
} from '@dtask/events';
import { FastifyReply } from 'fastify';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/current-actor.decorator';
import { NURSE_ROLES, Roles } from '../auth/roles.decorator';
import { Clock } from '../clock/clock';
import { acceptedOrThrow } from '../http/command-answer';
import { ConflictError } from '../http/error.filter';
import { IdempotencyKey } from '../http/idempotency-key.decorator';
import { ApiZodBody, ApiZodQuery } from '../http/openapi';
import { zodPipe } from '../http/zod-validation.pipe';
import { ServiceDirectory } from '../services-directory/service-directory';
import { RedirectTargetQuery } from '../services-directory/redirect-target.query';
import { ApplyDTaskCommand } from './commands/apply-dtask-command';
import { IntakeDTaskCommand } from './commands/intake-dtask';
import { GetQueueQuery } from './queries/get-queue';
import { GetTaskQuery } from './queries/get-task';
import { taskView } from './task-view';

const TaskIdParam = z.uuid('must be a task id (UUID)');
const QueueQuery = z
  .object({ status: z.enum(['waiting', 'claimed', 'awaiting-handoff', 'decided', 'closed']).optional(), area: z.string().min(1).max(64).optional() })
  .strict();
const CorrelationId = z.uuid();
/** `opening`: the console's id for one opening of the task's panel (its refreshes are one logged read). */
const TaskReadQuery = z.object({ opening: z.uuid('must be a UUID').optional() }).strict();

/** A command without its time and actor, which the controller adds. */
type CommandBody = DTaskCommand extends infer C ? (C extends unknown ? Omit<C, 'at' | 'actor'> : never) : never;

@ApiTags('d-tasks')
@ApiBearerAuth()
@Controller('api/d-tasks')
export class DTasksController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly clock: Clock,
    private readonly directory: ServiceDirectory,
  ) {}

  @Post()
  @Roles('erc')
  @ApiZodBody(IntakeBody)
  async intake(
    @Body(zodPipe(IntakeBody)) body: IntakeBody,
    @CurrentActor() actor: Actor,
    @Headers('x-correlation-id') correlation: string | undefined,
    @IdempotencyKey() idempotencyKey: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const options = { correlationId: correlationIdOf(correlation), ...(idempotencyKey ? { idempotencyKey } : {}) };
    const result: CommandResult = await this.commands.execute(new IntakeDTaskCommand(body, actor, this.clock.now().toISOString(), options));
    const accepted = acceptedOrThrow(result);
    reply.status(accepted.effect === 'written' ? 201 : 200);
    return { taskId: accepted.taskId, status: accepted.state.status };
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

  @Post(':id/cancel')
  @Roles('erc')
  @HttpCode(200)
  @ApiZodBody(CancelBody)
  cancel(@Param('id', zodPipe(TaskIdParam)) id: string, @Body(zodPipe(CancelBody)) body: z.infer<typeof CancelBody>, @CurrentActor() actor: Actor, @Headers('x-correlation-id') c?: string, @IdempotencyKey() key?: string) {
    return this.apply(id, { type: 'Cancel', reason: body.reason }, actor, c, key);
  }

  @Post(':id/claim')
  @Roles(...NURSE_ROLES)
  @HttpCode(200)
  claim(@Param('id', zodPipe(TaskIdParam)) id: string, @Body(zodPipe(EmptyBody)) _: unknown, @CurrentActor() actor: Actor, @Headers('x-correlation-id') c?: string, @IdempotencyKey() key?: string) {
    return this.apply(id, { type: 'Claim' }, actor, c, key);
  }

  @Post(':id/release')
  @Roles(...NURSE_ROLES)
  @HttpCode(200)
  release(@Param('id', zodPipe(TaskIdParam)) id: string, @Body(zodPipe(EmptyBody)) _: unknown, @CurrentActor() actor: Actor, @Headers('x-correlation-id') c?: string, @IdempotencyKey() key?: string) {
    return this.apply(id, { type: 'Release' }, actor, c, key);
  }

  @Post(':id/callbacks')
  @Roles(...NURSE_ROLES)
  @HttpCode(200)
  @ApiZodBody(CallbackBody)
  callback(@Param('id', zodPipe(TaskIdParam)) id: string, @Body(zodPipe(CallbackBody)) body: z.infer<typeof CallbackBody>, @CurrentActor() actor: Actor, @Headers('x-correlation-id') c?: string, @IdempotencyKey() key?: string) {
    return this.apply(id, { type: 'RecordCallback', outcome: body.outcome, ...(body.notes ? { notes: body.notes } : {}) }, actor, c, key);
  }

  @Post(':id/assessment')
  @Roles(...NURSE_ROLES)
  @HttpCode(200)
  @ApiZodBody(AssessmentBody)
  assessment(@Param('id', zodPipe(TaskIdParam)) id: string, @Body(zodPipe(AssessmentBody)) body: AssessmentBody, @CurrentActor() actor: Actor, @Headers('x-correlation-id') c?: string, @IdempotencyKey() key?: string) {
    return this.apply(id, { type: 'RecordAssessment', assessment: body }, actor, c, key);
  }

  @Post(':id/escalation')
  @Roles(...NURSE_ROLES)
  @HttpCode(200)
  @ApiZodBody(EscalationBody)
  escalation(@Param('id', zodPipe(TaskIdParam)) id: string, @Body(zodPipe(EscalationBody)) body: z.infer<typeof EscalationBody>, @CurrentActor() actor: Actor, @Headers('x-correlation-id') c?: string, @IdempotencyKey() key?: string) {
    return this.apply(id, { type: 'Escalate', urgency: body.urgency, reason: body.reason }, actor, c, key);
  }

  @Post(':id/decision')
  @Roles(...NURSE_ROLES)
  @HttpCode(200)
  @ApiZodBody(DecisionBody)
  async decision(@Param('id', zodPipe(TaskIdParam)) id: string, @Body(zodPipe(DecisionBody)) body: DecisionBody, @CurrentActor() actor: Actor, @Headers('x-correlation-id') c?: string, @IdempotencyKey() key?: string) {
    if (body.kind !== 'redirect') return this.apply(id, { type: 'Decide', decision: body }, actor, c, key);
    const service = this.directory.find(body.target);
    if (!service) throw new ConflictError('unknown-service', `no service ${body.target} in the directory`);
    // Only a service that serves the patient's municipality, or a 409 before anything is written.
    await this.queries.execute(new RedirectTargetQuery(id, service.id));
    return this.apply(id, { type: 'Decide', decision: { ...body, targetKind: service.kind } }, actor, c, key);
  }

  @Post(':id/follow-up')
  @Roles(...NURSE_ROLES)
  @HttpCode(200)
  @ApiZodBody(FollowUpBody)
  followUp(@Param('id', zodPipe(TaskIdParam)) id: string, @Body(zodPipe(FollowUpBody)) body: z.infer<typeof FollowUpBody>, @CurrentActor() actor: Actor, @Headers('x-correlation-id') c?: string, @IdempotencyKey() key?: string) {
    return this.apply(id, { type: 'RecordFollowUp', outcome: body.outcome, ...(body.notes ? { notes: body.notes } : {}) }, actor, c, key);
  }

  @Post(':id/close')
  @Roles(...NURSE_ROLES)
  @HttpCode(200)
  @ApiZodBody(CloseBody)
  close(@Param('id', zodPipe(TaskIdParam)) id: string, @Body(zodPipe(CloseBody)) body: z.infer<typeof CloseBody>, @CurrentActor() actor: Actor, @Headers('x-correlation-id') c?: string, @IdempotencyKey() key?: string) {
    return this.apply(id, { type: 'Close', ...(body.reason ? { reason: body.reason } : {}) }, actor, c, key);
  }

  @Post(':id/mission')
  @Roles('erc', 'supervisor')
  @HttpCode(200)
  @ApiZodBody(MissionBody)
  mission(@Param('id', zodPipe(TaskIdParam)) id: string, @Body(zodPipe(MissionBody)) body: z.infer<typeof MissionBody>, @CurrentActor() actor: Actor, @Headers('x-correlation-id') c?: string, @IdempotencyKey() key?: string) {
    return this.apply(id, { type: 'UpdateMission', ...body }, actor, c, key);
  }

  @Post(':id/handoff/accept')
  @Roles('partner')
  @HttpCode(200)
  accept(@Param('id', zodPipe(TaskIdParam)) id: string, @Body(zodPipe(EmptyBody)) _: unknown, @CurrentActor() actor: Actor, @Headers('x-correlation-id') c?: string, @IdempotencyKey() key?: string) {
    return this.apply(id, { type: 'AcceptHandoff' }, actor, c, key);
  }

  @Post(':id/handoff/decline')
  @Roles('partner')
  @HttpCode(200)
  @ApiZodBody(HandoffDeclineBody)
  decline(@Param('id', zodPipe(TaskIdParam)) id: string, @Body(zodPipe(HandoffDeclineBody)) body: z.infer<typeof HandoffDeclineBody>, @CurrentActor() actor: Actor, @Headers('x-correlation-id') c?: string, @IdempotencyKey() key?: string) {
    return this.apply(id, { type: 'DeclineHandoff', reason: body.reason }, actor, c, key);
  }

  @Post(':id/override')
  @Roles('supervisor')
  @HttpCode(200)
  @ApiZodBody(OverrideBody)
  override(@Param('id', zodPipe(TaskIdParam)) id: string, @Body(zodPipe(OverrideBody)) body: z.infer<typeof OverrideBody>, @CurrentActor() actor: Actor, @Headers('x-correlation-id') c?: string, @IdempotencyKey() key?: string) {
    return this.apply(id, { type: 'GrantOverride', rule: body.rule, reason: body.reason }, actor, c, key);
  }

  private async apply(taskId: string, command: CommandBody, actor: Actor, correlation: string | undefined, idempotencyKey: string | undefined) {
    const full = { ...command, at: this.clock.now().toISOString(), actor } as DTaskCommand;
    const options = { correlationId: correlationIdOf(correlation), ...(idempotencyKey ? { idempotencyKey } : {}) };
    const result: CommandResult = await this.commands.execute(new ApplyDTaskCommand(taskId, full, options));
    return taskView(taskId, acceptedOrThrow(result).state);
  }
}

/** A caller's correlation id is kept when it is a UUID; otherwise the request gets its own. */
function correlationIdOf(header: string | undefined): string {
  return header && CorrelationId.safeParse(header).success ? header : randomUUID();
}
