import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/roles.decorator';
import { DTaskCommandExecutor } from '../d-tasks/command-executor';
import { AllStreamFollower } from '../projections/projection-host';
import { LoadService } from './load.service';

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
}
