import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { AllSubscription, COPY_MARK_CHECKPOINT, EventStore, RecordedEvent, storeIdentity } from '@dtask/event-store';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { EVENT_STORE } from '../event-store/event-store.module';
import { PositionWaiters } from './position-waiters';
import { RecentEvents } from './recent-events';
import { ReadModelResume } from './read-model-resume';
import { ReadModelSnapshots, Snapshottable } from './read-model-snapshots';
import { SnapshotSchedule } from './snapshot-schedule';
import { FollowerFailure, FollowerStatus, HaltedListener } from './follower-status';

export type { FollowerStatus, HaltedListener } from './follower-status';

export type EventListener = (event: RecordedEvent) => void;

/** Recent events kept in memory so live clients can switch from catch-up to live without a gap. */
const RECENT_EVENTS = 20_000;

/**
 * While catching up, the follower lets the event loop turn after this many events: listeners that
 * gather work for the next turn (the live channel's frames) then hold one batch, not the whole store.
 */
const EVENTS_PER_TURN = 512;

/** Snapshot the read models after this many new events, at a quiet moment (and at shutdown). */
const SNAPSHOT_EVERY = { everyEvents: 20_000, quietMs: 1_000, latestMs: 5 * 60_000 };

/** How long a query waits for the read models to include this process's own last write. */
const READ_YOUR_WRITES_TIMEOUT_MS = 2000;

/** After the `$all` subscription fails, resubscribe after this long, doubling up to the maximum. */
export const RESUBSCRIBE_BACKOFF = { firstMs: 100, maxMs: 30_000 };

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
  private readonly resume: ReadModelResume;
  private readonly snapshotSchedule = new SnapshotSchedule(() => this.saveSnapshot(), SNAPSHOT_EVERY);
  private readonly waiters = new PositionWaiters();
  private readonly recent = new RecentEvents(RECENT_EVENTS);
  private subscription?: AllSubscription;
  private running?: Promise<void>;
  private caughtUp = false;
  private stopping = false;
  private wakeFromBackoff?: () => void;
  private failure?: FollowerFailure;
  /** The store's identity (its first event's id, and a copy's mark: store-identity.ts) and the id of the event at `position`. */
  private storeId: string | undefined;
  private copyMark: string | undefined;
  private positionEventId: string | undefined;
  /** Position of the last event every running listener has seen. */
  position: string | undefined;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.resume = new ReadModelResume(store, new ReadModelSnapshots(config.DATA_DIR, config.PSEUDONYM_KEY));
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
    this.copyMark = await this.store.checkpoints.load(COPY_MARK_CHECKPOINT);
    const firstEventId = head === undefined ? undefined : (await this.store.readAll({ maxCount: 1 })).events[0]?.eventId;
    this.storeId = firstEventId === undefined ? undefined : storeIdentity(firstEventId, this.copyMark);
    const resumeFrom = await this.resume.restore(this.snapshottable(), head, this.storeId);
    this.position = resumeFrom?.position;
    this.positionEventId = resumeFrom?.eventId;
    // After a resume the memory holds nothing up to the snapshot: a client behind it reads the store.
    this.recent.forgetThrough(resumeFrom?.position);
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
    return this.waiters.wait(this.position, position, timeoutMs);
  }

  /**
   * The events this follower has already delivered after `position` (exclusive), or undefined when
   * some of them are no longer in memory and the caller must read the store instead.
   */
  recentAfter(position: string | undefined): RecordedEvent[] | undefined {
    return this.recent.after(position);
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
    this.resume.release();
  }

  private snapshottable(): Snapshottable[] {
    return this.consumers.flatMap((consumer) => (consumer.state ? [consumer.state] : []));
  }

  private saveSnapshot(): void {
    const halted = this.consumers.filter((consumer) => consumer.halted && consumer.state).map((consumer) => consumer.name);
    this.resume.save({ storeId: this.storeId, position: this.position, eventId: this.positionEventId }, this.snapshottable(), halted);
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
        let sinceTurn = 0;
        for await (const event of subscription) {
          this.handle(event);
          backoffMs = RESUBSCRIBE_BACKOFF.firstMs;
          // A catch-up is delivered from a loop of promises that never lets the event loop turn.
          if (++sinceTurn >= EVENTS_PER_TURN) {
            sinceTurn = 0;
            await new Promise((resolve) => setImmediate(resolve));
          }
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
    this.storeId ??= storeIdentity(event.eventId, this.copyMark);
    if (this.caughtUp) {
      this.snapshotSchedule.onEvent();
      this.recent.add(event);
    } else {
      // No client follows live before the start has caught up; one that comes later reads the store.
      this.recent.forgetThrough(event.position);
    }
    this.waiters.release(event.position);
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
}
