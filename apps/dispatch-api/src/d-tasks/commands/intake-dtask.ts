import { ConflictException, Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { dtaskStreamId, EventData, IntakeBody, upcastEvent } from '@dtask/events';
import { EventStore } from '@dtask/event-store';
import { Actor } from '../../auth/actor';
import { EVENT_STORE } from '../../event-store/event-store.module';
import { ConflictError } from '../../http/error.filter';
import { validationError, ValidationIssue } from '../../http/zod-validation.pipe';
import { areaOf, ercInstantProblem } from '@dtask/domain';
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
 * the same stream and the second intake writes nothing. The same id with a different body is not
 * the same task: 409 `erc-task-id-reused`, naming the fields that differ (never their values), so
 * the ERC learns that this task was not received.
 */
@CommandHandler(IntakeDTaskCommand)
export class IntakeDTaskHandler implements ICommandHandler<IntakeDTaskCommand, IntakeOutcome> {
  constructor(
    private readonly executor: DTaskCommandExecutor,
    private readonly board: TaskBoard,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async execute({ body, actor, at, correlationId }: IntakeDTaskCommand): Promise<IntakeOutcome> {
    refuseImplausible(body);
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
        await this.refuseAnotherTask(taskId, body);
        return { taskId, status: this.board.open.get(taskId)?.status ?? 'closed', created: false };
      }
      throw error;
    }
  }

  /** A repeat of the recorded intake is acknowledged; anything else under the same ERC id is a 409. */
  private async refuseAnotherTask(taskId: string, body: IntakeBody): Promise<void> {
    const [first] = await this.store.readStream(dtaskStreamId(taskId), { maxCount: 1 });
    if (first?.type !== 'DTaskReceived') return;
    const metadata = first.metadata as { schemaVersion?: number } | undefined;
    const recorded = upcastEvent(first.type, first.data, metadata?.schemaVersion ?? 1) as EventData<'DTaskReceived'>;
    const fields = differingFields(body, recorded);
    if (fields.length === 0) return;
    throw new ConflictException({
      error: 'conflict',
      reason: 'erc-task-id-reused',
      message: `this ercTaskId was already received for another task; it differs in ${fields.join(', ')}. The task was not received: send it with its own ercTaskId`,
      taskId,
      fields,
    });
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

/** Set by the service, not sent by the ERC: never compared. */
const DERIVED_FIELDS: ReadonlySet<string> = new Set(['taskId', 'area', 'ercReceivedAt', 'receivedAtCorrected']);

/** The body's fields that differ from the recorded intake, by name (`patient.personId`); never values. */
export function differingFields(body: IntakeBody, recorded: EventData<'DTaskReceived'>): string[] {
  const sent = body as unknown as Record<string, unknown>;
  const kept = recorded as unknown as Record<string, unknown>;
  const fields: string[] = [];
  for (const key of keysOf(sent, kept)) {
    if (DERIVED_FIELDS.has(key)) continue;
    if (key === 'receivedAt') {
      // The ERC's own time as it sent it, compared as an instant (the same moment may be written with another offset).
      if (!sameValue(instant(body.receivedAt), instant(recorded.ercReceivedAt ?? recorded.receivedAt))) fields.push(key);
    } else if (key === 'patient') {
      const sentPatient = (sent.patient ?? {}) as Record<string, unknown>;
      const keptPatient = (kept.patient ?? {}) as Record<string, unknown>;
      for (const field of keysOf(sentPatient, keptPatient)) if (!sameValue(sentPatient[field], keptPatient[field])) fields.push(`patient.${field}`);
    } else if (!sameValue(sent[key], kept[key])) {
      fields.push(key);
    }
  }
  return fields;
}

const keysOf = (a: Record<string, unknown>, b: Record<string, unknown>) => [...new Set([...Object.keys(a), ...Object.keys(b)])];

const instant = (value: string) => {
  const ms = Date.parse(value);
  return Number.isFinite(ms) ? ms : value;
};

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) if (!sameValue((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key])) return false;
  return true;
}
