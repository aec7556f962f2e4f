import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { comparePositions, EventStore } from '@dtask/event-store';
import type { FastifyInstance } from 'fastify';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { DeadlineScheduler } from '../d-tasks/deadline-scheduler';
import { EVENT_STORE } from '../event-store/event-store.module';
import { LiveGateway } from '../live/live.gateway';
import { AllStreamFollower } from '../projections/projection-host';

/** A command route: a POST on a task or the intake. Its status is the command's outcome. */
const COMMAND_ROUTE = /^\/api\/d-tasks(\/:id(\/.+)?)?$/;

function outcomeOf(status: number): string {
  if (status < 300) return 'accepted';
  if (status === 409) return 'refused';
  if (status === 400 || status === 422) return 'invalid';
  if (status === 401 || status === 403) return 'denied';
  if (status === 404) return 'not-found';
  if (status === 503) return 'unavailable';
  return status >= 500 ? 'error' : 'other';
}

/**
 * What an operator watches, in Prometheus' text format: request latency by route, commands by
 * outcome, the follower's lag behind the store, live clients and what waits to be written to them,
 * the safety deadlines found due and fired, and Node's own figures (event-loop delay, memory, GC).
 * It holds no personal data: routes are their patterns, never their ids.
 */
@Injectable()
export class MetricsService implements OnModuleInit {
  readonly registry = new Registry();
  private readonly requestSeconds = new Histogram({
    name: 'dtask_http_request_duration_seconds',
    help: 'HTTP request latency by route pattern, method and status',
    labelNames: ['route', 'method', 'status'] as const,
    buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [this.registry],
  });
  private readonly commands = new Counter({
    name: 'dtask_commands_total',
    help: 'Commands (intake and task commands) by route pattern and outcome',
    labelNames: ['route', 'outcome'] as const,
    registers: [this.registry],
  });

  constructor(
    private readonly http: HttpAdapterHost,
    follower: AllStreamFollower,
    gateway: LiveGateway,
    scheduler: DeadlineScheduler,
    @Inject(EVENT_STORE) store: EventStore,
  ) {
    collectDefaultMetrics({ register: this.registry, prefix: 'dtask_' });
    new Gauge({
      name: 'dtask_follower_lag_events',
      help: "Positions between the store's head and the last event every read model has seen",
      registers: [this.registry],
      async collect() {
        const head = await store.headPosition();
        const seen = follower.position;
        this.set(head === undefined ? 0 : seen === undefined ? Number(head) : comparePositions(head, seen) <= 0 ? 0 : Number(BigInt(head) - BigInt(seen)));
      },
    });
    new Gauge({
      name: 'dtask_follower_caught_up',
      help: '1 once the read models hold everything stored at start',
      registers: [this.registry],
      collect() {
        this.set(follower.isCaughtUp ? 1 : 0);
      },
    });
    new Gauge({ name: 'dtask_live_clients', help: 'Sockets on the live channel', registers: [this.registry], collect() { this.set(gateway.clientCount); } });
    new Gauge({
      name: 'dtask_live_unread_packets',
      help: 'Packets waiting to be written to live clients: total, and the largest of one client',
      labelNames: ['of'] as const,
      registers: [this.registry],
      collect() {
        const { total, largest } = gateway.unreadPackets();
        this.set({ of: 'all' }, total);
        this.set({ of: 'largest-client' }, largest);
      },
    });
    new Gauge({ name: 'dtask_deadlines_due', help: 'Safety deadlines (S1, S2, S6) found due at the last scheduler tick', registers: [this.registry], collect() { this.set(scheduler.stats.dueAtLastTick); } });
    new Gauge({
      name: 'dtask_deadlines_fired',
      help: 'Safety-rule commands that wrote events since start, by command',
      labelNames: ['command'] as const,
      registers: [this.registry],
      collect() {
        for (const [command, count] of scheduler.stats.fired) this.set({ command }, count);
      },
    });
    new Gauge({ name: 'dtask_deadlines_failed', help: 'Safety-rule commands that failed (not refused) since start', registers: [this.registry], collect() { this.set(scheduler.stats.failed); } });
  }

  onModuleInit(): void {
    const fastify = this.http.httpAdapter.getInstance<FastifyInstance>();
    fastify.addHook('onResponse', (request, reply, done) => {
      const route = request.routeOptions.url ?? 'unmatched';
      const status = reply.statusCode;
      this.requestSeconds.observe({ route, method: request.method, status: String(status) }, reply.elapsedTime / 1000);
      if (request.method === 'POST' && COMMAND_ROUTE.test(route)) this.commands.inc({ route, outcome: outcomeOf(status) });
      done();
    });
  }
}
