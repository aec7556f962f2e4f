import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { Accepted } from '@dtask/dtask-service';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AsyncLocalStorage } from 'node:async_hooks';
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

/** The position a command's answer carries, noted where its result becomes the answer (acceptedOrThrow). */
interface CommandAnswer {
  accepted: boolean;
  position?: string;
}
const commandAnswer = new AsyncLocalStorage<CommandAnswer>();

export function noteAccepted(accepted: Accepted): void {
  const answer = commandAnswer.getStore();
  if (!answer) return;
  answer.accepted = true;
  if (accepted.position !== undefined && (answer.position === undefined || BigInt(accepted.position) > BigInt(answer.position))) answer.position = accepted.position;
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
    const answer: CommandAnswer = { accepted: false };
    // Nest binds the handler to the async context `handle()` is called in, so acceptedOrThrow finds `answer`.
    return commandAnswer.run(answer, () => next.handle()).pipe(
      mergeMap(async (body) => {
        // Nothing written (a repeat, a no-op): the answer stands on what is stored now.
        const position = answer.accepted ? (answer.position ?? (await this.consistency.headPosition())) : undefined;
        if (position !== undefined) reply.header(EVENT_POSITION_HEADER, position);
        return body;
      }),
    );
  }
}
