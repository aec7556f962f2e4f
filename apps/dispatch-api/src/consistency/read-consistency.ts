import { Inject, Injectable } from '@nestjs/common';
import { DTaskService } from '@dtask/dtask-service';
import { comparePositions, EventStore } from '@dtask/event-store';
import { EVENT_STORE } from '../event-store/event-store.module';
import { AllStreamFollower } from '../projections/projection-host';

/**
 * What a query must see, named where it is dispatched (after Commanded's strong and eventual):
 * - `strong`: every write acknowledged anywhere before the query began, by any instance: the read
 *   models catch up with the store's head. For the clinical look-ups (S4 at intake) and for what is
 *   counted (reports, exports);
 * - `own-writes`: what this instance wrote before, so a nurse sees her own last command at once;
 * - `eventual`: what the read models hold now.
 * A client's own writes made through another instance are reached by `reachPosition`, with the
 * position that instance answered (the `X-Event-Position` header, http/event-position.ts).
 */
export type Consistency = 'strong' | 'own-writes' | 'eventual';

export class ReadModelsBehindError extends Error {
  override readonly name = 'ReadModelsBehindError';
}

@Injectable()
export class ReadConsistency {
  constructor(
    private readonly follower: AllStreamFollower,
    private readonly service: DTaskService,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  /** Waits until the read models hold what `consistency` asks; a `strong` read they cannot reach in time fails. */
  async reach(consistency: Consistency): Promise<void> {
    if (consistency === 'eventual') return;
    const target = consistency === 'strong' ? await this.store.headPosition() : this.service.lastWrittenPosition;
    await this.follower.waitFor(target);
    if (consistency === 'strong' && !this.holds(target)) throw new ReadModelsBehindError(`the read models have not reached position ${target}`);
  }

  /**
   * Waits until the read models hold `position`, a store position some instance answered this
   * client; fails (503, retry) when they cannot in time. A position beyond the store's last event
   * (a store restored from a backup since, or another store's) waits for the last event instead:
   * nothing more will come under that number.
   */
  async reachPosition(position: string): Promise<void> {
    if (this.holds(position)) return;
    const head = await this.store.headPosition();
    if (head === undefined) return;
    const target = comparePositions(head, position) < 0 ? head : position;
    await this.follower.waitFor(target);
    if (!this.holds(target)) throw new ReadModelsBehindError(`the read models have not reached position ${target}`);
  }

  /** The store's newest position: what a command that wrote nothing answers (it stands on what is stored). */
  headPosition(): Promise<string | undefined> {
    return this.store.headPosition();
  }

  /** The position the read models hold now. */
  get readPosition(): string | undefined {
    return this.follower.position;
  }

  private holds(position: string | undefined): boolean {
    const seen = this.follower.position;
    return position === undefined || (seen !== undefined && comparePositions(seen, position) >= 0);
  }
}
