import { Controller, Get, Query } from '@nestjs/common';
import { z } from 'zod';
import { ApiZodQuery } from '../http/openapi';
import { zodPipe } from '../http/zod-validation.pipe';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/roles.decorator';
import { DTaskCommandExecutor } from '../d-tasks/command-executor';
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
    private readonly executor: DTaskCommandExecutor,
  ) {}

  /** Aggregates only, no personal data: nurses see the load beside their queue. */
  @Get()
  @Roles('nurse', 'supervisor', 'analyst')
  async get() {
    await this.follower.waitFor(this.executor.lastWrittenPosition);
    return this.load.snapshot();
  }

  /** Queue length and decisions per 15 minutes over the last hours, for the supervisor wall. */
  @Get('history')
  @Roles('supervisor', 'analyst')
  @ApiZodQuery(HistoryQuery)
  async history(@Query(zodPipe(HistoryQuery)) query: z.infer<typeof HistoryQuery>) {
    await this.follower.waitFor(this.executor.lastWrittenPosition);
    return this.load.history(query.hours);
  }
}
