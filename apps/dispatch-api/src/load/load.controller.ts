import { Controller, Get, Query } from '@nestjs/common';
import { z } from 'zod';
import { ApiZodQuery } from '../http/openapi';
import { zodPipe } from '../http/zod-validation.pipe';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Roles } from '../auth/roles.decorator';
import { ReadConsistency } from '../consistency/read-consistency';
import { AllStreamFollower } from '../projections/projection-host';
import { LoadService } from './load.service';

const HistoryQuery = z.object({ hours: z.coerce.number().int().min(1).max(48).default(12) }).strict();

@ApiTags('load')
@ApiBearerAuth()
@Controller('api/load')
export class LoadController {
  constructor(
    private readonly load: LoadService,
    private readonly follower: AllStreamFollower,
    private readonly consistency: ReadConsistency,
  ) {}

  /**
   * No personal data: nurses see the load beside their queue. Analysts get the figures only: the
   * named tasks (age, municipality and time together can point at a person in a small place) and
   * the staff's own workload are for the people running the centre.
   */
  @Get()
  @Roles('nurse', 'supervisor', 'analyst')
  async get(@CurrentActor() actor: Actor) {
    await this.consistency.reach('own-writes');
    const snapshot = this.load.snapshot();
    if (actor.role !== 'analyst') return snapshot;
    const { alertTasks: _tasks, claimedTasks: _claimed, nurses: _nurses, ...figures } = snapshot;
    return figures;
  }

  /** Queue length and decisions per 15 minutes over the last hours, for the supervisor wall. */
  @Get('history')
  @Roles('supervisor', 'analyst')
  @ApiZodQuery(HistoryQuery)
  async history(@Query(zodPipe(HistoryQuery)) query: z.infer<typeof HistoryQuery>) {
    await this.consistency.reach('own-writes');
    return this.load.history(query.hours);
  }
}
