import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { ercInstantProblem } from '@dtask/domain';
import { CommandResult, DTaskService, HandleOptions, receiveTask } from '@dtask/dtask-service';
import { IntakeBody } from '@dtask/events';
import { Actor } from '../../auth/actor';
import { ReadConsistency } from '../../consistency/read-consistency';
import { validationError, ValidationIssue } from '../../http/zod-validation.pipe';
import { TaskBoard } from '../task-board.read-model';

export class IntakeDTaskCommand {
  constructor(
    readonly body: IntakeBody,
    readonly actor: Actor,
    readonly at: string,
    readonly options: Pick<HandleOptions, 'correlationId' | 'idempotencyKey'>,
  ) {}
}

/** ERC intake: the patient's look-ups (S4, an open task) see every write acknowledged before (strong), then the service receives the task. */
@CommandHandler(IntakeDTaskCommand)
export class IntakeDTaskHandler implements ICommandHandler<IntakeDTaskCommand, CommandResult> {
  constructor(
    private readonly service: DTaskService,
    private readonly board: TaskBoard,
    private readonly consistency: ReadConsistency,
  ) {}

  async execute({ body, actor, at, options }: IntakeDTaskCommand): Promise<CommandResult> {
    refuseImplausible(body);
    await this.consistency.reach('strong');
    const lastNoUnitDecision = this.board.lastNoUnitDecisionOf(body.patient.personId, body.callbackPhone);
    const openTaskId = this.board.openTaskOf(body.patient.personId, body.callbackPhone);
    const patient = { ...(lastNoUnitDecision ? { lastNoUnitDecision } : {}), ...(openTaskId ? { openTaskId } : {}) };
    return receiveTask(this.service, { body, actor: { id: actor.id, role: actor.role }, at, ...patient }, options);
  }
}

/** What the body's schema cannot see: an id that is not valid UTF-16, an ERC time no clock could mean. */
function refuseImplausible(body: IntakeBody): void {
  const issues: ValidationIssue[] = [];
  // A lone surrogate becomes U+FFFD in UTF-8, so two such ids would name the same task.
  if (/\p{Surrogate}/u.test(body.ercTaskId)) issues.push({ path: 'ercTaskId', message: 'must be valid Unicode text (no lone surrogates)' });
  const problem = ercInstantProblem(body.receivedAt);
  if (problem) issues.push({ path: 'receivedAt', message: problem });
  if (issues.length > 0) throw validationError(issues);
}
