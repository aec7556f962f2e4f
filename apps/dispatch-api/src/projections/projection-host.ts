import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { AllSubscription, comparePositions, EventStore, RecordedEvent } from '@dtask/event-store';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { EVENT_STORE } from '../event-store/event-store.module';
import { ReadModelSnapshots, Snapshottable } from './read-model-snapshots';
import { SnapshotSchedule } from './snapshot-schedule';

export type EventListener = (event: RecordedEvent) => void;

/** Recent events kept in memory so live clients can switch from catch-up to live without a gap. */
const RECENT_EVENTS = 20_000;

/** Snapshot the read models after this many new events, at a quiet moment (and at shutdown). */
const SNAPSHOT_EVERY = { everyEvents: 20_000, quietMs: 1_000, latestMs: 5 * 60_000 };

/** How long a query waits for the read models to include this process's own last write. */
const READ_YOUR_WRITES_TIMEOUT_MS = 2000;

/**
 * Follows `$all` from the start, in order, and hands every event to the listeners that fold it
 * into read models, deadlines and the live channel. Each dispatch-api instance follows `$all`
 * itself, so several instances need no broker between them.
 */
@Injectable()
export class AllStreamFollower implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(AllStreamFollower.name);
  private readonly listeners: EventListener[] = [];
  private readonly snapshottable: Snapshottable[] = [];
  private readonly snapshots: ReadModelSnapshots;
  private readonly snapshotSchedule = new SnapshotSchedule(() => this.saveSnapshot(), SNAPSHOT_EVERY);
  private readonly waiters = new Set<{ position: string; resolve: () => void }>();
  private subscription?: AllSubscription;
  private running?: Promise<void>;
  private caughtUp = false;
  private readonly recentEvents: RecordedEvent[] = [];
  /** Position of the newest event dropped from `recentEvents`; undefined while none was. */
  private droppedThrough: string | undefined;
  /** Position of the last event every listener has seen. */
  position: string | undefined;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.snapshots = new ReadModelSnapshots(config.DATA_DIR);
  }

  /**
   * Listeners must be registered before the application boots; they see every event once, in order.
   * A read model that can snapshot itself resumes from the last snapshot instead of the start.
   */
  register(listener: EventListener, state: Snapshottable | 'stateless'): void {
    this.listeners.push(listener);
    if (state !== 'stateless') this.snapshottable.push(state);
  }

  async onApplicationBootstrap(): Promise<void> {
    const head = await this.store.headPosition();
    const resumeFrom = this.restoreSnapshot(head);
    this.position = resumeFrom;
    // After a resume the memory holds nothing up to the snapshot: a client behind it reads the store.
    this.droppedThrough = resumeFrom;
    this.subscription = this.store.subscribeToAll({ fromPosition: resumeFrom });
    this.running = this.follow(this.subscription);
    // Serve no query before the read models hold everything stored at start.
    if (head !== undefined) await this.waitFor(head, Number.POSITIVE_INFINITY);
    this.caughtUp = true;
  }

  get isCaughtUp(): boolean {
    return this.caughtUp;
  }

  /** Resolves once every listener has seen `position`; gives up quietly after the timeout. */
  waitFor(position: string | undefined, timeoutMs = READ_YOUR_WRITES_TIMEOUT_MS): Promise<void> {
    if (position === undefined || (this.position !== undefined && comparePositions(this.position, position) >= 0)) {
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const waiter = { position, resolve };
      this.waiters.add(waiter);
      if (Number.isFinite(timeoutMs)) {
        setTimeout(() => {
          if (this.waiters.delete(waiter)) resolve();
        }, timeoutMs).unref();
      }
    });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.subscription?.close();
    await this.running;
    this.snapshotSchedule.reset();
    this.saveSnapshot();
  }

  /** Restores only when every read model has a matching snapshot no newer than the store itself. */
  private restoreSnapshot(head: string | undefined): string | undefined {
    if (this.snapshottable.length === 0) return undefined;
    const position = this.snapshots.restore(this.snapshottable);
    if (position === undefined || head === undefined || comparePositions(position, head) > 0) {
      if (position !== undefined) this.logger.warn('read-model snapshot is ahead of the store; rebuilding from the start');
      return undefined;
    }
    this.logger.log(`read models resumed from snapshot at position ${position}`);
    return position;
  }

  private saveSnapshot(): void {
    if (this.position === undefined || this.snapshottable.length === 0) return;
    try {
      this.snapshots.save(this.position, this.snapshottable);
    } catch (error) {
      this.logger.warn(`could not save the read-model snapshot: ${(error as Error).message}`);
    }
  }

  private async follow(subscription: AllSubscription): Promise<void> {
    try {
      for await (const event of subscription) {
        for (const listener of this.listeners) this.deliver(listener, event);
        this.position = event.position;
        if (this.caughtUp) this.snapshotSchedule.onEvent();
        this.recentEvents.push(event);
        if (this.recentEvents.length > RECENT_EVENTS * 1.5) {
          const dropped = this.recentEvents.splice(0, this.recentEvents.length - RECENT_EVENTS);
          this.droppedThrough = dropped[dropped.length - 1]!.position;
        }
        this.releaseWaiters(event.position);
      }
    } catch (error) {
      this.logger.error(`$all subscription ended: ${(error as Error).message}`);
    }
  }

  /**
   * The events this follower has already delivered after `position` (exclusive), or undefined when
   * some of them are no longer in memory and the caller must read the store instead.
   */
  recentAfter(position: string | undefined): RecordedEvent[] | undefined {
    if (this.droppedThrough !== undefined && (position === undefined || comparePositions(position, this.droppedThrough) < 0)) {
      return undefined;
    }
    let index = this.recentEvents.length;
    while (index > 0 && (position === undefined || comparePositions(this.recentEvents[index - 1]!.position, position) > 0)) index -= 1;
    return this.recentEvents.slice(index);
  }

  /** A failing read model must not stop the others, nor the live channel. */
  private deliver(listener: EventListener, event: RecordedEvent): void {
    try {
      listener(event);
    } catch (error) {
      this.logger.error(`listener failed on ${event.type} at ${event.position}: ${(error as Error).stack}`);
    }
  }

  private releaseWaiters(position: string): void {
    for (const waiter of this.waiters) {
      if (comparePositions(position, waiter.position) >= 0) {
        this.waiters.delete(waiter);
        waiter.resolve();
      }
    }
  }
}
