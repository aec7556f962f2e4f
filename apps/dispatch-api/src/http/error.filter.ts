import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { FastifyReply } from 'fastify';
import { EventStoreUnavailableError } from '@dtask/event-store';
import { ReadModelsBehindError } from '../consistency/read-consistency';

/** Seconds a client should wait before retrying while the event store is unavailable. */
const STORE_RETRY_AFTER_SECONDS = 5;

/** Errors a handler may raise that map to a 4xx without being HttpExceptions. */
export class ConflictError extends Error {
  override readonly name = 'ConflictError';
  constructor(
    readonly reason: string,
    message?: string,
    /** More of the answer's body, e.g. the fields that differ (never their values). */
    readonly details: Record<string, unknown> = {},
  ) {
    super(message ?? reason);
  }
}

export class TaskNotFoundError extends Error {
  override readonly name = 'TaskNotFoundError';
  constructor(readonly taskId: string) {
    super(`task ${taskId} not found`);
  }
}

/**
 * One place maps failures to the contract's answers: 400 validation, 404, 409 with a reason,
 * 503 with Retry-After. Bad input never becomes a 500.
 */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('ErrorFilter');

  catch(error: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw error;
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const [status, body] = this.toAnswer(error);
    if (status === HttpStatus.SERVICE_UNAVAILABLE) reply.header('Retry-After', String(STORE_RETRY_AFTER_SECONDS));
    if (status >= 500) this.logger.error(error instanceof Error ? error.stack ?? error.message : String(error));
    reply.status(status).send(body);
  }

  private toAnswer(error: unknown): [number, unknown] {
    const refusal = bodyRefusal(error);
    if (refusal) return [400, { error: 'validation', issues: [{ path: '(body)', message: refusal }] }];
    if (error instanceof HttpException) return [error.getStatus(), normaliseHttpBody(error)];
    if (error instanceof ConflictError) return [409, { error: 'conflict', reason: error.reason, message: error.message, ...error.details }];
    if (error instanceof TaskNotFoundError) return [404, { error: 'not-found', reason: error.message }];
    if (error instanceof ReadModelsBehindError) return [503, { error: 'unavailable', reason: 'the read models are catching up; retry shortly' }];
    if (error instanceof EventStoreUnavailableError) {
      return [503, { error: 'unavailable', reason: 'the event store is unavailable; retry later' }];
    }
    return [500, { error: 'internal', reason: 'unexpected error' }];
  }
}

function normaliseHttpBody(error: HttpException): unknown {
  const body = error.getResponse();
  // Bodies we shaped ourselves (and Terminus' health report) pass through; Nest's defaults are reshaped.
  if (typeof body === 'object' && body !== null && !('statusCode' in body)) return body;
  const status = error.getStatus();
  const name = status === 404 ? 'not-found' : status === 401 ? 'unauthorized' : status === 403 ? 'forbidden' : 'error';
  return { error: name, reason: error.message };
}

/**
 * Fastify refuses a body before any handler runs (malformed JSON, empty, too large, a poisoned
 * `__proto__`, not `application/json`). Nest hands those on as HttpExceptions whose response is the
 * bare message; every exception of our own carries a shaped body instead.
 */
const BODY_REFUSALS: ReadonlyMap<number, string | undefined> = new Map([
  [HttpStatus.BAD_REQUEST, undefined],
  [HttpStatus.PAYLOAD_TOO_LARGE, 'the body is larger than allowed'],
  [HttpStatus.UNSUPPORTED_MEDIA_TYPE, 'the body must be application/json'],
]);

function bodyRefusal(error: unknown): string | undefined {
  if (!(error instanceof HttpException) || typeof error.getResponse() !== 'string' || !BODY_REFUSALS.has(error.getStatus())) return undefined;
  return BODY_REFUSALS.get(error.getStatus()) ?? error.message;
}
