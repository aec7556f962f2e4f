import { CanActivate, ExecutionContext, Injectable, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { Accepted } from '@dtask/dtask-service';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
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
 * The accepted command each answer body was made from (answeredBy): the command hook finds the
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
const isApi = (url: string) => url.startsWith('/api/');

/**
 * A query's half, as a guard (after the authentication guard, before any handler): a malformed
 * header is a 400 on any route; a query waits for the position it brings, and its answer says where
 * the read models stood, set before the answer starts (a streamed export has sent its headers by the
 * time it ends). A guard, not an interceptor: a global interceptor's rxjs chain and async-resource
 * bindings on every request cost the HTTP bench about a tenth of its CPU.
 */
@Injectable()
export class ReadPositionGuard implements CanActivate {
  constructor(private readonly consistency: ReadConsistency) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    if (!isApi(request.url)) return true;
    const asked = positionOf(request.headers[EVENT_POSITION_HEADER]);
    if (!isRead(request.method)) return true;
    if (asked !== undefined) await this.consistency.reachPosition(asked);
    const held = this.consistency.readPosition;
    if (held !== undefined) context.switchToHttp().getResponse<FastifyReply>().header(EVENT_POSITION_HEADER, held);
    return true;
  }
}

/**
 * A command's half, as a Fastify hook on the answer before it is serialised: the answer of an
 * accepted command (answeredBy) carries the position it wrote, or, when it wrote nothing (a repeat,
 * a no-op), the store position it stands on. Refusals are not marked, so they carry none.
 */
@Injectable()
export class CommandPositionHook implements OnModuleInit {
  constructor(
    private readonly http: HttpAdapterHost,
    private readonly consistency: ReadConsistency,
  ) {}

  onModuleInit(): void {
    this.http.httpAdapter?.getInstance<FastifyInstance>()?.addHook('preSerialization', (request, reply, payload, done) => {
      const accepted = typeof payload === 'object' && payload !== null ? answered.get(payload) : undefined;
      if (accepted === undefined || isRead(request.method) || !isApi(request.url)) return done(null, payload);
      if (accepted.position !== undefined) {
        reply.header(EVENT_POSITION_HEADER, accepted.position);
        return done(null, payload);
      }
      this.consistency.headPosition().then(
        (head) => {
          if (head !== undefined) reply.header(EVENT_POSITION_HEADER, head);
          done(null, payload);
        },
        (error: Error) => done(error),
      );
    });
  }
}
