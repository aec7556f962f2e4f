import { Controller, Get, Inject, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { charts, measure, measureGroups, outcomeColumns, Pseudonymiser, reportWindow } from '@dtask/read-models';
import { FastifyReply, FastifyRequest } from 'fastify';
import { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Roles } from '../auth/roles.decorator';
import { nurseKeysFor } from '../privacy/staff-for-analysts';
import { Clock } from '../clock/clock';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { prefersCsv } from '../http/content-negotiation';
import { ApiZodQuery } from '../http/openapi';
import { zodPipe } from '../http/zod-validation.pipe';
import { ReadConsistency } from '../consistency/read-consistency';
import { toCsv } from '@dtask/read-models';
import { LoadReductionQuery, LoadReductionQuerySchema, TimeWindowQuery, TimeWindowQuerySchema } from './load-reduction-query';
import { measureOptionsOf } from './measure-options';
import { TaskFactsReadModel } from './task-facts.read-model';
import { OutcomesReadModel } from '../outcomes/outcomes.read-model';

@ApiTags('reports')
@ApiBearerAuth()
@Controller('api/reports')
export class ReportsController {
  constructor(
    private readonly facts: TaskFactsReadModel,
    private readonly consistency: ReadConsistency,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly pseudonymiser: Pseudonymiser,
    private readonly outcomes: OutcomesReadModel,
  ) {}

  /** The measures of domain.md for tasks received in [from, to); defaults to the year to date. */
  @Get('load-reduction')
  @Roles('supervisor', 'analyst')
  @ApiZodQuery(LoadReductionQuerySchema)
  async loadReduction(
    @Query(zodPipe(LoadReductionQuerySchema)) query: LoadReductionQuery,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @CurrentActor() actor: Actor,
  ) {
    // What is counted includes every write acknowledged before, by any instance.
    await this.consistency.reach('strong');
    const { fromMs, toMs, windowDays } = reportWindow(query, this.clock.now());
    const tasks = this.facts.receivedBetween(fromMs, toMs);
    // A recall still pending counts as due once its due time has come.
    const options = measureOptionsOf(this.config, windowDays, this.clock.now().getTime());
    const report = {
      from: new Date(fromMs).toISOString(),
      to: new Date(toMs).toISOString(),
      totals: measure(tasks, options),
      groups: query.groupBy ? nurseKeysFor(actor, measureGroups(tasks, query.groupBy, options), () => query.groupBy === 'nurse', this.pseudonymiser) : [],
      // What followed the no-unit decisions of these tasks (issue 14 item 8), as GET /api/reports/outcomes.
      outcomes: this.outcomes.linkage(tasks),
    };
    if (prefersCsv(request)) {
      // The outcomes of the window on its total row; each group's are in the measures export (outcome-columns.ts).
      reply.type('text/csv').send(toCsv([{ key: 'total', ...report.totals, ...outcomeColumns(report.outcomes) }, ...report.groups]));
      return;
    }
    reply.send(report);
  }

  /**
   * When the data held begins and ends (ERC receive times): the console's default period. A year
   * written by the simulator may end long before today, and an empty default would hide it.
   */
  @Get('span')
  @Roles('supervisor', 'analyst')
  async span() {
    // What is counted includes every write acknowledged before, by any instance.
    await this.consistency.reach('strong');
    const span = this.facts.span();
    return span
      ? { first: new Date(span.firstMs).toISOString(), last: new Date(span.lastMs).toISOString(), tasks: span.tasks }
      : { first: null, last: null, tasks: 0 };
  }

  /** Monthly measures and the time-to-contact distribution for the analysts' charts; same window as the report. */
  @Get('charts')
  @Roles('supervisor', 'analyst')
  @ApiZodQuery(TimeWindowQuerySchema)
  async chartData(@Query(zodPipe(TimeWindowQuerySchema)) query: TimeWindowQuery) {
    // What is counted includes every write acknowledged before, by any instance.
    await this.consistency.reach('strong');
    const window = reportWindow(query, this.clock.now());
    return {
      from: new Date(window.fromMs).toISOString(),
      to: new Date(window.toMs).toISOString(),
      ...charts(this.facts.receivedBetween(window.fromMs, window.toMs), window, measureOptionsOf(this.config, window.windowDays, this.clock.now().getTime())),
    };
  }
}
