import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { reportWindow } from '@dtask/read-models';
import { Roles } from '../auth/roles.decorator';
import { Clock } from '../clock/clock';
import { ReadConsistency } from '../consistency/read-consistency';
import { ApiZodQuery } from '../http/openapi';
import { zodPipe } from '../http/zod-validation.pipe';
import { TimeWindowQuery, TimeWindowQuerySchema } from '../reports/load-reduction-query';
import { TaskFactsReadModel } from '../reports/task-facts.read-model';
import { OutcomesReadModel } from './outcomes.read-model';

/** What followed the no-unit decisions of tasks received in [from, to): the load-reduction report's window. */
@ApiTags('reports')
@ApiBearerAuth()
@Controller('api/reports')
export class OutcomesController {
  constructor(
    private readonly facts: TaskFactsReadModel,
    private readonly outcomes: OutcomesReadModel,
    private readonly consistency: ReadConsistency,
    private readonly clock: Clock,
  ) {}

  @Get('outcomes')
  @Roles('supervisor', 'analyst')
  @ApiZodQuery(TimeWindowQuerySchema)
  async outcomeLinkage(@Query(zodPipe(TimeWindowQuerySchema)) query: TimeWindowQuery) {
    // What is counted includes every write acknowledged before, an import's too.
    await this.consistency.reach('strong');
    const { fromMs, toMs } = reportWindow(query, this.clock.now());
    return { from: new Date(fromMs).toISOString(), to: new Date(toMs).toISOString(), outcomes: this.outcomes.linkage(this.facts.receivedBetween(fromMs, toMs)) };
  }
}
