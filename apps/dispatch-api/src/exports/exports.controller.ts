import { Controller, Get, Inject, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import { EventStore } from '@dtask/event-store';
import { measureRows, measuresCsv, Pseudonymiser, pseudonymisedNdjson, reportWindow } from '@dtask/read-models';
import { FastifyReply } from 'fastify';
import { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Roles } from '../auth/roles.decorator';
import { nurseKeysFor } from '../privacy/staff-for-analysts';
import { Clock } from '../clock/clock';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { EVENT_STORE } from '../event-store/event-store.module';
import { ApiZodQuery } from '../http/openapi';
import { zodPipe } from '../http/zod-validation.pipe';
import { ReadConsistency } from '../consistency/read-consistency';
import { TimeWindowQuery, TimeWindowQuerySchema } from '../reports/load-reduction-query';
import { measureOptionsOf } from '../reports/measure-options';
import { OutcomesReadModel } from '../outcomes/outcomes.read-model';
import { TaskFactsReadModel } from '../reports/task-facts.read-model';
import { streamToResponse } from './stream-response';

/** Analysts' bulk exports: the pseudonymised event log as NDJSON, and every measure as one CSV. */
@ApiTags('exports')
@ApiBearerAuth()
@Controller('api/export')
export class ExportsController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly pseudonymiser: Pseudonymiser,
    private readonly facts: TaskFactsReadModel,
    private readonly outcomes: OutcomesReadModel,
    private readonly consistency: ReadConsistency,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Every D-task event that occurred in [from, to) (the whole log by default), pseudonymised as in
   * `GET /api/events`, one object a line, streamed from `$all` batch by batch up to the head at the start.
   */
  @Get('events.ndjson')
  @Roles('analyst')
  @ApiZodQuery(TimeWindowQuerySchema)
  @ApiProduces('application/x-ndjson')
  async events(@Query(zodPipe(TimeWindowQuerySchema)) query: TimeWindowQuery, @Res() reply: FastifyReply): Promise<void> {
    const window = { fromMs: query.from ? Date.parse(query.from) : undefined, toMs: query.to ? Date.parse(query.to) : undefined };
    const head = await this.store.headPosition();
    await streamToResponse(reply, 'application/x-ndjson', pseudonymisedNdjson(this.store, this.pseudonymiser, window, head));
  }

  /**
   * Every measure of the load-reduction report for tasks received in [from, to): totals, then each
   * group of each breakdown, each row with the outcome section of its tasks (outcomes.*; the review
   * list itself is the report's, by count here).
   */
  @Get('measures.csv')
  @Roles('supervisor', 'analyst')
  @ApiZodQuery(TimeWindowQuerySchema)
  @ApiProduces('text/csv')
  async measures(@Query(zodPipe(TimeWindowQuerySchema)) query: TimeWindowQuery, @Res() reply: FastifyReply, @CurrentActor() actor: Actor): Promise<void> {
    // What is counted includes every write acknowledged before, by any instance.
    await this.consistency.reach('strong');
    const { fromMs, toMs, windowDays } = reportWindow(query, this.clock.now());
    // A recall still pending counts as due only once its time has come, by the service's clock, as in the report.
    const options = measureOptionsOf(this.config, windowDays, this.clock.now().getTime());
    const tasks = this.facts.receivedBetween(fromMs, toMs);
    // Groups are matched to their tasks by the staff id, so the pseudonyms come after.
    const all = this.outcomes.withColumns(measureRows(tasks, options), tasks);
    const rows = nurseKeysFor(actor, all, (row) => row.breakdown === 'nurse', this.pseudonymiser);
    reply.type('text/csv').send(measuresCsv(rows));
  }
}
