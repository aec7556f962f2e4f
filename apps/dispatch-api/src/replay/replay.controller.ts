import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { GroupBy, Pseudonymiser, reportWindow, toCsv } from '@dtask/read-models';
import { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Roles } from '../auth/roles.decorator';
import { nurseKeysFor } from '../privacy/staff-for-analysts';
import { Clock } from '../clock/clock';
import { prefersCsv } from '../http/content-negotiation';
import { ApiZodQuery } from '../http/openapi';
import { zodPipe } from '../http/zod-validation.pipe';
import { LoadReductionQuery } from '../reports/load-reduction-query';
import { PastDayQuery, PastLoadQuery, ReplayLoadReductionQuery, WhatIfParams, WhatIfQuery } from './replay-queries';
import { ReplayService } from './replay.service';

/**
 * Replays for analysts: the same answers as the live reports, rebuilt from the event log alone;
 * time travel; and what-ifs under other safety limits. Aggregates and queue items only: no
 * personal data leaves these routes.
 */
@ApiTags('replay')
@ApiBearerAuth()
@Controller('api/replay')
export class ReplayController {
  constructor(
    private readonly replay: ReplayService,
    private readonly clock: Clock,
    private readonly pseudonymiser: Pseudonymiser,
  ) {}

  @Get('load-reduction')
  @Roles('analyst', 'supervisor')
  @ApiZodQuery(ReplayLoadReductionQuery)
  async loadReduction(@Query(zodPipe(ReplayLoadReductionQuery)) query: LoadReductionQuery, @Req() request: FastifyRequest, @Res() reply: FastifyReply, @CurrentActor() actor: Actor) {
    const now = this.clock.now();
    const { fromMs, toMs } = reportWindow(query, now);
    const replayed = await this.replay.loadReduction(fromMs, toMs, query.groupBy as GroupBy | undefined, now.getTime(), untilClientGone(reply));
    const result = { ...replayed, groups: nurseKeysFor(actor, replayed.groups, () => query.groupBy === 'nurse', this.pseudonymiser) };
    if (prefersCsv(request)) {
      reply.type('text/csv').send(toCsv([{ key: 'total', ...result.totals }, ...result.groups] as unknown as Record<string, unknown>[]));
      return;
    }
    reply.send(result);
  }

  /** The queue and the live load as they stood at `at`. */
  @Get('load')
  @Roles('analyst', 'supervisor')
  @ApiZodQuery(PastLoadQuery)
  async loadAt(@Query(zodPipe(PastLoadQuery)) query: z.infer<typeof PastLoadQuery>, @Res({ passthrough: true }) reply: FastifyReply, @CurrentActor() actor: Actor) {
    const past = await this.replay.loadAt(Date.parse(query.at), untilClientGone(reply));
    if (actor.role !== 'analyst') return past;
    // As the live load: analysts get the figures, and the queue with each holder as a pseudonym.
    const { alertTasks: _tasks, claimedTasks: _claimed, nurses: _nurses, ...figures } = past.load;
    const tasks = past.queue.tasks.map((task) => (task.owner ? { ...task, owner: this.pseudonymiser.staffPseudonym(task.owner) } : task));
    return { ...past, load: figures, queue: { ...past.queue, tasks } };
  }

  /** One Helsinki day in steps, for the analyst's time slider. */
  @Get('day')
  @Roles('analyst', 'supervisor')
  @ApiZodQuery(PastDayQuery)
  day(@Query(zodPipe(PastDayQuery)) query: z.infer<typeof PastDayQuery>, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.replay.day(query.date, query.stepMinutes, untilClientGone(reply));
  }

  /** The period replayed under other safety limits, beside what happened. Writes nothing. */
  @Get('what-if')
  @Roles('analyst', 'supervisor')
  @ApiZodQuery(WhatIfQuery as unknown as z.ZodObject)
  whatIf(@Query(zodPipe(WhatIfQuery)) query: WhatIfParams, @Res({ passthrough: true }) reply: FastifyReply) {
    const { from, to, ...limits } = query;
    const { fromMs, toMs } = reportWindow({ from, to }, this.clock.now());
    const changed = Object.fromEntries(Object.entries(limits).filter(([, value]) => value !== undefined));
    return this.replay.whatIf(fromMs, toMs, changed, this.clock.now().getTime(), untilClientGone(reply));
  }
}

/** Aborts when the client hangs up before its answer is written, so a replay it abandoned stops. */
function untilClientGone(reply: FastifyReply): AbortSignal {
  const controller = new AbortController();
  reply.raw.once('close', () => {
    if (!reply.raw.writableFinished) controller.abort();
  });
  return controller.signal;
}
