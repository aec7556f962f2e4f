import type Database from 'better-sqlite3';
import { AllSubscription, AppendOptions, AppendResult, CheckpointStore, asStored, EventStore, EventStoreUnavailableError, EventToAppend, ReadAllBatch, ReadAllOptions, ReadBoundary, ReadStreamOptions, RecordedEvent, SubscribeOptions } from '../port';
import { SqliteAllSubscription } from './all-subscription';
import { ChangeSignal } from './change-signal';
import { EventStoreDamagedError, toPortError } from './errors';
import { GroupCommit } from './group-commit';
import { openDatabase, Synchronous } from './open-database';
import { parsePosition, RawRow, toRecordedEvent } from './rows';
import { RecentCommits } from './recent-commits';
import { prepareStatements, Statements } from './statements';

export interface SqliteEventStoreOptions {
  fileName: string;
  /** FULL (default) survives power loss; NORMAL in WAL mode survives a process crash only. */
  synchronous?: Synchronous;
  /** Every event read passes through it once (see ReadBoundary). */
  readBoundary?: ReadBoundary;
}

const DEFAULT_READ_BATCH = 1000;

/** The embedded event store: one SQLite file in WAL mode, appends group-committed. */
export class SqliteEventStore implements EventStore {
  readonly kind = 'sqlite' as const;
  readonly checkpoints: CheckpointStore;
  private readonly db: Database.Database;
  private readonly statements: Statements;
  private readonly writer: GroupCommit;
  private readonly changes = new ChangeSignal();
  private readonly recent = new RecentCommits();
  private readonly subscriptions = new Set<SqliteAllSubscription>();
  private open = true;
  /** `PRAGMA data_version` when the head was last read: it moves only with other processes' commits. */
  private othersVersion: number | undefined;
  /** Set when a read or a commit met a damaged page: readiness then fails until a restore. */
  private damage?: EventStoreDamagedError;

  private readonly fileName: string;
  private readonly readBoundary: ReadBoundary;
  private readonly fromRow: (row: RawRow) => RecordedEvent;

  constructor(options: SqliteEventStoreOptions) {
    this.fileName = options.fileName;
    const readBoundary = (this.readBoundary = options.readBoundary ?? asStored);
    this.fromRow = (row) => readBoundary(toRecordedEvent(row));
    this.db = openDatabase(options.fileName, options.synchronous ?? 'FULL');
    this.statements = prepareStatements(this.db);
    this.writer = new GroupCommit(this.db, this.statements, (events) => {
      // Kept only while someone follows: without a subscriber there is no one to hand them to.
      if (this.subscriptions.size > 0) this.recent.add(events().map(this.readBoundary));
      this.changes.notify();
    });
    this.checkpoints = {
      load: async (name) => this.reading('load a checkpoint', () => this.statements.loadCheckpoint.get(name) ?? undefined),
      store: async (name, position) => {
        this.reading('store a checkpoint', () => this.statements.storeCheckpoint.run(name, position));
      },
    };
  }

  async append(streamId: string, events: EventToAppend[], options: AppendOptions): Promise<AppendResult> {
    this.ensureOpen();
    // Serialized before queueing, so the write transaction holds the lock for inserts only.
    const serialized = events.map((event) => ({
      eventId: event.eventId,
      type: event.type,
      data: JSON.stringify(event.data ?? null),
      metadata: JSON.stringify(event.metadata ?? null),
    }));
    return this.writer.enqueue({ streamId, events: serialized, expected: options.expectedRevision }).catch((error: unknown) => {
      throw this.noteDamage(error);
    });
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    return this.reading('read a stream', () =>
      this.statements.readStream.all({ streamId, fromRevision: options.fromRevision ?? 0, maxCount: options.maxCount ?? -1 }).map(this.fromRow),
    );
  }

  async readAll(options: ReadAllOptions = {}): Promise<ReadAllBatch> {
    return this.reading('read $all', () => this.readAllNow(options));
  }

  subscribeToAll(options: SubscribeOptions = {}): AllSubscription {
    this.ensureOpen();
    const subscription: SqliteAllSubscription = new SqliteAllSubscription(
      (batchOptions) => this.reading('read $all', () => this.readFollowing(batchOptions)),
      this.changes,
      () => this.open,
      options.fromPosition,
      options.signal,
      () => this.subscriptions.delete(subscription),
    );
    this.subscriptions.add(subscription);
    return subscription;
  }

  async headPosition(): Promise<string | undefined> {
    const head = this.reading('read its head', () => this.statements.headPosition.get());
    this.wakeForOthersCommits();
    return head === null || head === undefined ? undefined : String(head);
  }

  /** Fails on a closed store, and for good once the file was found damaged (a restore is needed, not a retry). */
  async ping(): Promise<void> {
    if (this.damage) throw this.damage;
    this.reading('answer', () => this.statements.ping.get());
  }

  async close(): Promise<void> {
    if (!this.open) return;
    this.writer.flush();
    this.open = false;
    this.writer.abandon(new EventStoreUnavailableError('the event store is closed'));
    await Promise.all([...this.subscriptions].map((subscription) => subscription.close()));
    this.changes.notify();
    this.db.close();
  }

  /**
   * Whoever asks for the head is about to wait for the subscribers to reach it (a strong read, a
   * read of one's own write made on another instance). When another process has committed since
   * this one last looked (`data_version` moved), they look at once instead of at their next poll.
   */
  private wakeForOthersCommits(): void {
    const version = this.reading('read its data version', () => this.statements.dataVersion.get());
    if (version === this.othersVersion) return;
    this.othersVersion = version;
    this.changes.notify();
  }

  /** A subscriber's read: this process's latest commits from memory when they follow on, else the file. */
  private readFollowing(options: ReadAllOptions): ReadAllBatch {
    const maxCount = options.maxCount ?? DEFAULT_READ_BATCH;
    const events = this.recent.after(parsePosition(options.fromPosition), maxCount);
    if (!events) return this.readAllNow(options);
    return { events, lastPosition: events[events.length - 1]!.position, isEnd: events.length < maxCount };
  }

  private readAllNow(options: ReadAllOptions): ReadAllBatch {
    const maxCount = options.maxCount ?? DEFAULT_READ_BATCH;
    const rows = this.statements.readAll.all(parsePosition(options.fromPosition), maxCount);
    const events = rows.map(this.fromRow);
    const last = events[events.length - 1];
    return { events, lastPosition: last ? last.position : options.fromPosition, isEnd: events.length < maxCount };
  }

  /** A read on a closed store, a locked or damaged file fails as unavailable (503), never as a bug (500). */
  private reading<T>(action: string, read: () => T): T {
    this.ensureOpen();
    try {
      return read();
    } catch (error) {
      throw this.noteDamage(toPortError(error, action));
    }
  }

  private noteDamage(error: unknown): unknown {
    if (error instanceof EventStoreDamagedError && !this.damage) {
      this.damage = new EventStoreDamagedError(
        `the event store file ${this.fileName} is damaged (${error.message}); stop the service and restore the file from the latest backup`,
        { cause: error },
      );
    }
    return error;
  }

  private ensureOpen(): void {
    if (!this.open) throw new EventStoreUnavailableError('the event store is closed');
  }
}
