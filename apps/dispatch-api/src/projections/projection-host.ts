import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { AllSubscription, comparePositions, EventStore, RecordedEvent } from '@dtask/event-store';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { EVENT_STORE } from '../event-store/event-store.module';
import { ReadModelSnapshots, SnapshotCandidate, Snapshottable } from './read-model-snapshots';
import { SnapshotSchedule } from './snapshot-schedule';

export type EventListener = (event: RecordedEvent) => void;

/** Recent events kept in memory so live clients can switch from catch-up to live without a gap. */
const RECENT_EVENTS = 20_000;

/** Snapshot the read models after this many new events, at a quiet moment (and at shutdown). */
const SNAPSHOT_EVERY = { everyEvents: 20_000, quietMs: 1_000, latestMs: 5 * 60_000 };

/** How long a query waits for the read models to include this process's own last write. */
const READ_YOUR_WRITES_TIMEOUT_MS = 2000;

/** After the `$all` subscription fails, resubscribe after this long, doubling up to the maximum. */
export const RESUBSCRIBE_BACKOFF = { firstMs: 100, maxMs: 30_000 };

/** A listener that threw: it takes no more events, so its read model is never ahead of what it holds. */
export interface HaltedListener {
  name: string;
  position: string;
  eventType: string;
  error: string;
  at: string;
}

export interface FollowerStatus {
  /** Up while subscribed to `$all`; down between a failure and the next subscription. */
  state: 'up' | 'down';
  /** Last position every running listener has seen. */
  position: string | undefined;
  caughtUp: boolean;
  /** Why the follower is down, and since when. */
  failure?: { error: string; since: string; attempts: number };
  halted: HaltedListener[];
}

interface Consumer {
  name: string;
  listener: EventListener;
  state?: Snapshottable;
  halted?: HaltedListener;
}

/**
 * Follows `$all` from the start, in order, and hands every event to the listeners that fold it
 * into read models, deadlines and the live channel. Each dispatch-api instance follows `$all`
 * itself, so several instances need no broker between them.
 *
 * A failing subscription is resubscribed from the last delivered position, with backoff; a
 * listener that throws is halted (never skipped past, never snapshotted) and readiness says so.
 */
@Injectable()
export class AllStreamFollower implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly logger = new Logger(AllStreamFollower.name);
  private readonly consumers: Consumer[] = [];
  private readonly snapshots: ReadModelSnapshots;
  private readonly snapshotSchedule = new SnapshotSchedule(() => this.saveSnapshot(), SNAPSHOT_EVERY);
  private readonly waiters = new Set<{ position: string; resolve: () => void }>();
  private subscription?: AllSubscription;
  private running?: Promise<void>;
  private caughtUp = false;
  private stopping = false;
  private wakeFromBackoff?: () => void;
  private failure?: { error: string; since: string; attempts: number };
  private readonly recentEvents: RecordedEvent[] = [];
  /** Position of the newest event dropped from `recentEvents`; undefined while none was. */
  private droppedThrough: string | undefined;
  /** The store's identity (its first event's id) and the id of the event at `position`. */
  private storeId: string | undefined;
  private positionEventId: string | undefined;
  /** Position of the last event every running listener has seen. */
  position: string | undefined;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.snapshots = new ReadModelSnapshots(config.DATA_DIR, config.PSEUDONYM_KEY);
  }

  /**
   * Listeners must be registered before the application boots; they see every event once, in order.
   * A read model that can snapshot itself resumes from the last snapshot instead of the start.
   */
  register(listener: EventListener, state: Snapshottable | 'stateless', name?: string): void {
    const snapshottable = state === 'stateless' ? undefined : state;
    this.consumers.push({ name: name ?? snapshottable?.snapshotName ?? `listener ${this.consumers.length + 1}`, listener, state: snapshottable });
  }

  async onApplicationBootstrap(): Promise<void> {
    const head = await this.store.headPosition();
    this.storeId = head === undefined ? undefined : (await this.store.readAll({ maxCount: 1 })).events[0]?.eventId;
    const resumeFrom = await this.restoreSnapshot(head);
    this.position = resumeFrom?.position;
    this.positionEventId = resumeFrom?.eventId;
    // After a resume the memory holds nothing up to the snapshot: a client behind it reads the store.
    this.droppedThrough = resumeFrom?.position;
    this.running = this.followForever();
    // Serve no query before the read models hold everything stored at start.
    if (head !== undefined) await this.waitFor(head, Number.POSITIVE_INFINITY);
    this.caughtUp = true;
  }

  get isCaughtUp(): boolean {
    return this.caughtUp;
  }

  /** For readiness: is the follower subscribed, where is it, and which listeners were halted. */
  status(): FollowerStatus {
    return {
      state: this.failure ? 'down' : 'up',
      position: this.position,
      caughtUp: this.caughtUp,
      ...(this.failure ? { failure: { ...this.failure } } : {}),
      halted: this.consumers.flatMap((consumer) => (consumer.halted ? [{ ...consumer.halted }] : [])),
    };
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

  /** Before the store closes (its own shutdown hook), so the end of the subscription is no failure. */
  beforeApplicationShutdown(): void {
    this.stopping = true;
    this.wakeFromBackoff?.();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    this.wakeFromBackoff?.();
    await this.subscription?.close();
    await this.running;
    this.snapshotSchedule.reset();
    this.saveSnapshot();
  }

  /**
   * Resumes from the snapshot only when it checks out against this store, these read models and
   * this key, and every model takes its state; otherwise every model is emptied and rebuilt.
   */
  private async restoreSnapshot(head: string | undefined): Promise<{ position: string; eventId: string } | undefined> {
    const models = this.snapshottable();
    if (models.length === 0) return undefined;
    const read = this.snapshots.read(models);
    if (read.kind === 'none') return undefined;
    const refusal = read.kind === 'refused' ? read.reason : await this.mismatch(read.snapshot, head).catch((error: Error) => `it could not be checked (${error.message})`);
    if (refusal === undefined && read.kind === 'usable') {
      try {
        for (const model of models) model.loadState(read.snapshot.states.get(model.snapshotName));
        this.logger.log(`read models resumed from snapshot at position ${read.snapshot.binding.position}`);
        return { position: read.snapshot.binding.position, eventId: read.snapshot.binding.eventId };
      } catch (error) {
        return this.rebuildInstead(models, `a read model could not take its state (${(error as Error).message})`);
      }
    }
    return this.rebuildInstead(models, refusal!);
  }

  /** Why the snapshot does not belong to this store's history, or undefined when it does. */
  private async mismatch({ binding }: SnapshotCandidate, head: string | undefined): Promise<string | undefined> {
    if (head === undefined || this.storeId === undefined) return 'the event store is empty';
    if (binding.storeId !== this.storeId) return 'it was made from another event store';
    if (!/^[1-9]\d{0,19}$/.test(binding.position)) return 'its position is not a position';
    if (comparePositions(binding.position, head) > 0) return `its position ${binding.position} is ahead of the store's last event ${head} (an older events.db?)`;
    const atPosition = (await this.store.readAll({ fromPosition: String(BigInt(binding.position) - 1n), maxCount: 1 })).events[0];
    if (atPosition?.position !== binding.position || atPosition.eventId !== binding.eventId) {
      return `the store holds another event at its position ${binding.position}`;
    }
    return undefined;
  }

  private rebuildInstead(models: Snapshottable[], reason: string): undefined {
    for (const model of models) model.resetState();
    let removed = '';
    try {
      this.snapshots.discard();
      removed = '; the file was removed';
    } catch (error) {
      removed = `; the file could not be removed (${(error as Error).message})`;
    }
    this.logger.warn(
      `read-model snapshot ${this.snapshots.file} ignored: ${reason}. Rebuilding every read model from the start of the event store` +
        `${removed}. Nothing to do: the snapshot is only a cache and is written again.`,
    );
    return undefined;
  }

  private snapshottable(): Snapshottable[] {
    return this.consumers.flatMap((consumer) => (consumer.state ? [consumer.state] : []));
  }

  private saveSnapshot(): void {
    const models = this.snapshottable();
    if (this.position === undefined || this.positionEventId === undefined || this.storeId === undefined || models.length === 0) return;
    const halted = this.consumers.filter((consumer) => consumer.halted && consumer.state).map((consumer) => consumer.name);
    if (halted.length > 0) {
      this.logger.warn(`no read-model snapshot written: ${halted.join(', ')} halted; the last good snapshot is kept`);
      return;
    }
    try {
      this.snapshots.save({ storeId: this.storeId, position: this.position, eventId: this.positionEventId }, models);
    } catch (error) {
      this.logger.warn(`could not save the read-model snapshot ${this.snapshots.file}: ${(error as Error).message}`);
    }
  }

  /** Follows `$all` until shutdown, resubscribing from the last delivered position after a failure. */
  private async followForever(): Promise<void> {
    let backoffMs = RESUBSCRIBE_BACKOFF.firstMs;
    while (!this.stopping) {
      try {
        const subscription = this.store.subscribeToAll({ fromPosition: this.position });
        this.subscription = subscription;
        if (this.failure) this.logger.log(`$all follower resubscribed from position ${this.position ?? 'start'}`);
        this.failure = undefined;
        for await (const event of subscription) {
          this.handle(event);
          backoffMs = RESUBSCRIBE_BACKOFF.firstMs;
        }
        if (this.stopping) return;
        throw new Error('the $all subscription ended');
      } catch (error) {
        if (this.stopping) return;
        const message = (error as Error).message;
        this.failure = { error: message, since: this.failure?.since ?? new Date().toISOString(), attempts: (this.failure?.attempts ?? 0) + 1 };
        this.logger.error(`$all follower failed after position ${this.position ?? 'start'}: ${message}; resubscribing in ${backoffMs} ms`);
        await this.subscription?.close().catch(() => undefined);
        await this.sleep(backoffMs);
        backoffMs = Math.min(backoffMs * 2, RESUBSCRIBE_BACKOFF.maxMs);
      }
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wakeFromBackoff = done;
    });
  }

  private handle(event: RecordedEvent): void {
    for (const consumer of this.consumers) if (!consumer.halted) this.deliver(consumer, event);
    this.position = event.position;
    this.positionEventId = event.eventId;
    this.storeId ??= event.eventId;
    if (this.caughtUp) this.snapshotSchedule.onEvent();
    this.recentEvents.push(event);
    if (this.recentEvents.length > RECENT_EVENTS * 1.5) {
      const dropped = this.recentEvents.splice(0, this.recentEvents.length - RECENT_EVENTS);
      this.droppedThrough = dropped[dropped.length - 1]!.position;
    }
    this.releaseWaiters(event.position);
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

  /**
   * A failing listener must not stop the others, nor the live channel; but it must not go on past
   * an event it did not take either (its read model would be silently wrong): it is halted.
   */
  private deliver(consumer: Consumer, event: RecordedEvent): void {
    try {
      consumer.listener(event);
    } catch (error) {
      const message = (error as Error)?.message ?? String(error);
      consumer.halted = { name: consumer.name, position: event.position, eventType: event.type, error: message, at: new Date().toISOString() };
      this.logger.error(
        `read model ${consumer.name} halted: its listener failed on ${event.type} at position ${event.position}: ${(error as Error)?.stack ?? message}. ` +
          'It takes no more events and is not snapshotted, and /health/ready answers 503; fix the fault and restart the service.',
      );
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
