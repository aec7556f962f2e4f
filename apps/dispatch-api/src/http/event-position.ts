import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { Accepted } from '@dtask/dtask-service';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { mergeMap, Observable } from 'rxjs';
import { ReadConsistency } from '../consistency/read-consistency';
import { validationError } from './zod-validation.pipe';

/**
 * Reading one's own writes across instances. Every command answers the store position it stands
 * on in this header; a query sent with it (any instance, behind any balancer) is answered only
 * once the read models hold that position (503 with Retry-After when they cannot in time). Query
 * answers carry the position their read models held, so a client that keeps the greatest it has
 * seen never reads backwards when its next request lands on an instance further behind.
 */
export const EVENT_POSITION_HEADER = 'x-event-position';

/** A `$all` position: unsigned 64-bit, as a decimal string. */
const POSITION = /^(0|[1-9]\d{0,19})$/;
const MAX_POSITION = 2n ** 64n - 1n;

/**
 * The accepted command each answer body was made from (answeredBy): the interceptor finds the
 * position there. A WeakMap keyed by the body, not an AsyncLocalStorage: that one switched async
 * hooks on for every promise of the process and cost the HTTP bench a third of its commands/s.
 */
const answered = new WeakMap<object, Accepted>();

/** Marks `body` as the answer of `accepted`, whose position its `X-Event-Position` carries. */
export function answeredBy<T extends object>(body: T, accepted: Accepted): T {
  answered.set(body, accepted);
  return body;
}

export function positionOf(header: unknown): string | undefined {
  if (header === undefined) return undefined;
  if (typeof header !== 'string' || !POSITION.test(header) || BigInt(header) > MAX_POSITION) {
    throw validationError([{ path: 'X-Event-Position', message: 'must be one store position, a decimal string as a command answered it' }]);
  }
  return header;
}

const isRead = (method: string) => method === 'GET' || method === 'HEAD';

@Injectable()
export class EventPositionInterceptor implements NestInterceptor {
  constructor(private readonly consistency: ReadConsistency) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    if (!request.url.startsWith('/api/')) return next.handle();
    const asked = positionOf(request.headers[EVENT_POSITION_HEADER]);
    if (isRead(request.method)) {
      if (asked !== undefined) await this.consistency.reachPosition(asked);
      // Set before the answer starts: a streamed export has sent its headers by the time it ends.
      const held = this.consistency.readPosition;
      if (held !== undefined) reply.header(EVENT_POSITION_HEADER, held);
      return next.handle();
    }
    return next.handle().pipe(
      mergeMap(async (body: unknown) => {
        const accepted = typeof body === 'object' && body !== null ? answered.get(body) : undefined;
        // Nothing written (a repeat, a no-op): the answer stands on what is stored now.
        const position = accepted ? (accepted.position ?? (await this.consistency.headPosition())) : undefined;
        if (position !== undefined) reply.header(EVENT_POSITION_HEADER, position);
        return body;
      }),
    );
  }
}
