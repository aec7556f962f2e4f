import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService } from '@nestjs/terminus';
import { Public } from '../auth/roles.decorator';
import { EventStoreHealthIndicator } from './event-store.health';
import { FollowerHealthIndicator } from './follower.health';

/**
 * Liveness says the process runs; readiness also needs the event store to answer and the `$all`
 * follower to be subscribed with no read model halted (its lag behind the store is reported).
 */
/** Public: load balancers probe it without tokens, and it reveals no patient data. */
@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly eventStore: EventStoreHealthIndicator,
    private readonly follower: FollowerHealthIndicator,
  ) {}

  @Get('live')
  @HealthCheck()
  live() {
    return this.health.check([]);
  }

  @Get('ready')
  @HealthCheck()
  ready() {
    return this.health.check([() => this.eventStore.check(), () => this.follower.check()]);
  }
}
