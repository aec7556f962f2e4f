import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { Actor } from '../auth/actor';
import { AuthenticatedRequest } from '../auth/auth.guard';
import { validationError } from './zod-validation.pipe';

/** Who sends a command, in which request, under which client key. */
export interface CommandContext {
  actor: Actor;
  correlationId: string;
  /** The client's `Idempotency-Key`: a retry with the same key and body writes nothing. */
  idempotencyKey?: string;
}

const CorrelationId = z.uuid();
/** Visible ASCII, as a client's UUID or counter would be; long enough for any of them. */
const KEY_SHAPE = /^[\x21-\x7e]{1,128}$/;

/** A caller's correlation id is kept when it is a UUID; otherwise the request gets its own. */
export function correlationIdOf(header: unknown): string {
  return typeof header === 'string' && CorrelationId.safeParse(header).success ? header : randomUUID();
}

function idempotencyKeyOf(header: unknown): string | undefined {
  if (header === undefined) return undefined;
  if (typeof header !== 'string' || !KEY_SHAPE.test(header)) {
    throw validationError([{ path: 'Idempotency-Key', message: 'must be 1 to 128 visible ASCII characters, one header' }]);
  }
  return header;
}

export const Command = createParamDecorator((_: unknown, context: ExecutionContext): CommandContext => {
  const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
  const idempotencyKey = idempotencyKeyOf(request.headers['idempotency-key']);
  return { actor: request.actor, correlationId: correlationIdOf(request.headers['x-correlation-id']), ...(idempotencyKey ? { idempotencyKey } : {}) };
});
