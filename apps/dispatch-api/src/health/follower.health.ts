import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { EventStore } from '@dtask/event-store';
import { EVENT_STORE } from '../event-store/event-store.module';
import { AllStreamFollower } from '../projections/projection-host';

/**
 * The `$all` follower that feeds every read model: down while it is not subscribed, or when a read
 * model's listener failed and was halted (its answers stop at that event). `lag` is the store's
 * head position minus the last position every read model has taken (events, on the embedded store).
 */
@Injectable()
export class FollowerHealthIndicator {
  constructor(
    private readonly follower: AllStreamFollower,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly health: HealthIndicatorService,
  ) {}

  async check() {
    const indicator = this.health.check('follower');
    const status = this.follower.status();
    const head = await this.store.headPosition().catch(() => undefined);
    const lag = head === undefined ? 0 : Number(BigInt(head) - BigInt(status.position ?? '0'));
    const details = {
      state: status.state,
      position: status.position ?? null,
      head: head ?? null,
      lag: Math.max(0, lag),
      caughtUp: status.caughtUp,
      ...(status.failure ? { failure: status.failure } : {}),
      // Which model stopped where; the error itself is in the log (readiness is public).
      halted: status.halted.map((halted) => ({ readModel: halted.name, position: halted.position, eventType: halted.eventType, at: halted.at })),
    };
    if (status.state === 'down') return indicator.down({ ...details, message: `the $all follower is down: ${status.failure?.error ?? 'not subscribed'}` });
    if (status.halted.length > 0) {
      return indicator.down({ ...details, message: `read model halted: ${status.halted.map((halted) => halted.name).join(', ')}` });
    }
    return indicator.up(details);
  }
}
