import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { EventStore, StoreNodeStatus } from '@dtask/event-store';
import { EVENT_STORE } from '../event-store/event-store.module';

/**
 * Up while the store answers. On a cluster it also names the node this instance is connected to,
 * its role and, on a follower, how far it is behind the leader (log bytes): for the operator only,
 * since writes and the reads a command decides on go to the leader wherever the instance is connected.
 */
@Injectable()
export class EventStoreHealthIndicator {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly health: HealthIndicatorService,
  ) {}

  async check() {
    const indicator = this.health.check('eventStore');
    try {
      await this.store.ping();
      const node = await this.nodeStatus();
      return indicator.up({ kind: this.store.kind, ...(node ? { node } : {}) });
    } catch (error) {
      return indicator.down({ kind: this.store.kind, message: (error as Error).message });
    }
  }

  /** A node that cannot tell its role does not make the instance unready: the store itself answered. */
  private async nodeStatus(): Promise<(StoreNodeStatus & { message?: string }) | undefined> {
    if (!this.store.nodeStatus) return undefined;
    return this.store.nodeStatus().catch((error: unknown) => ({ role: 'unknown', message: (error as Error).message }));
  }
}
