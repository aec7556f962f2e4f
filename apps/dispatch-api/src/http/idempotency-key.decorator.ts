import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { FastifyRequest } from 'fastify';
import { validationError } from './zod-validation.pipe';

/** Visible ASCII, as a client's UUID or counter would be; long enough for any of them. */
const KEY_SHAPE = /^[\x21-\x7e]{1,128}$/;

/**
 * The request's `Idempotency-Key`, or undefined without one. A client that lost an answer re-sends
 * the command with the same key and body, and gets the first outcome without a second write.
 */
export const IdempotencyKey = createParamDecorator((_: unknown, context: ExecutionContext): string | undefined => {
  const header = context.switchToHttp().getRequest<FastifyRequest>().headers['idempotency-key'];
  if (header === undefined) return undefined;
  if (typeof header !== 'string' || !KEY_SHAPE.test(header)) {
    throw validationError([{ path: 'Idempotency-Key', message: 'must be 1 to 128 visible ASCII characters, one header' }]);
  }
  return header;
});
