import { BeforeApplicationShutdown, Injectable, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';

/** How long requests under way may take to be answered once a stop begins. */
const DRAIN_MS = 3_000;

/**
 * A stop first stops taking requests: the server accepts no new connection, every answer from then
 * on closes its connection, and the requests under way are answered (for at most DRAIN_MS); only
 * then do the store and the read models close (their own hooks come after this one). It waits for
 * requests, not connections: a live console's socket stays open until Nest closes the channel.
 */
@Injectable()
export class HttpDrain implements OnModuleInit, BeforeApplicationShutdown {
  private draining = false;
  private inFlight = 0;
  private allAnswered?: () => void;

  constructor(private readonly http: HttpAdapterHost) {}

  onModuleInit(): void {
    const fastify = this.fastify();
    fastify?.addHook('onRequest', (_request, reply, done) => {
      this.inFlight += 1;
      if (this.draining) reply.header('connection', 'close');
      done();
    });
    fastify?.addHook('onResponse', (_request, _reply, done) => {
      this.inFlight -= 1;
      if (this.inFlight === 0) this.allAnswered?.();
      done();
    });
  }

  async beforeApplicationShutdown(): Promise<void> {
    const server = this.fastify()?.server;
    if (!server?.listening) return;
    this.draining = true;
    server.close();
    server.closeIdleConnections();
    if (this.inFlight > 0) {
      await new Promise<void>((resolve) => {
        this.allAnswered = resolve;
        setTimeout(resolve, DRAIN_MS).unref();
      });
    }
    server.closeAllConnections();
  }

  private fastify(): FastifyInstance | undefined {
    return this.http.httpAdapter?.getInstance<FastifyInstance>();
  }
}
