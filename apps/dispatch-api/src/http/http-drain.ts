import { BeforeApplicationShutdown, Injectable, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';

/** How long requests under way may take to be answered once a stop begins. */
const DRAIN_MS = 3_000;

/**
 * A stop first stops taking requests: the server accepts no new connection, every answer from then
 * on closes its connection, and the requests under way are answered; only then do the store and the
 * read models close (their own hooks come after this one). Without it, clients on kept-alive
 * connections keep the service from ever stopping while the store answers them "closed".
 */
@Injectable()
export class HttpDrain implements OnModuleInit, BeforeApplicationShutdown {
  private draining = false;

  constructor(private readonly http: HttpAdapterHost) {}

  onModuleInit(): void {
    this.fastify()?.addHook('onRequest', (_request, reply, done) => {
      if (this.draining) reply.header('connection', 'close');
      done();
    });
  }

  async beforeApplicationShutdown(): Promise<void> {
    const server = this.fastify()?.server;
    if (!server?.listening) return;
    this.draining = true;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    const late = setTimeout(() => server.closeAllConnections(), DRAIN_MS);
    await closed;
    clearTimeout(late);
  }

  private fastify(): FastifyInstance | undefined {
    return this.http.httpAdapter?.getInstance<FastifyInstance>();
  }
}
