import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import {
  AllSubscription,
  AppendOptions,
  AppendResult,
  CheckpointStore,
  EventStore,
  EventStoreUnavailableError,
  EventToAppend,
  ReadAllBatch,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeOptions,
} from '../port';
import { SqliteAllSubscription } from './all-subscription';
import { ChangeSignal } from './change-signal';
import { GroupCommitWriter } from './group-commit';
import { migrate } from './schema';
import { prepareStatements, RawRow, Statements } from './statements';

export interface SqliteEventStoreOptions {
  fileName: string;
  /** FULL (default) survives power loss; NORMAL in WAL mode survives a process crash only. */
  synchronous?: 'FULL' | 'NORMAL';
}

const DEFAULT_READ_BATCH = 1000;

/** The embedded event store: one SQLite file in WAL mode, appends group-committed. */
export class SqliteEventStore implements EventStore {
  readonly kind = 'sqlite' as const;
  readonly checkpoints: CheckpointStore;
  private readonly db: Database.Database;
  private readonly statements: Statements;
  private readonly writer: GroupCommitWriter;
  private readonly changes = new ChangeSignal();
  private readonly subscriptions = new Set<SqliteAllSubscription>();
  private open = true;

  constructor(options: SqliteEventStoreOptions) {
    try {
      if (options.fileName !== ':memory:') mkdirSync(dirname(options.fileName), { recursive: true });
      this.db = new Database(options.fileName);
      this.db.pragma('journal_mode = WAL');
      this.db.pragma(`synchronous = ${options.synchronous ?? 'FULL'}`);
      this.db.pragma('busy_timeout = 5000');
      this.db.pragma('cache_size = -65536');
      migrate(this.db);
    } catch (error) {
      throw new EventStoreUnavailableError(`cannot open the event store at ${options.fileName}`, { cause: error });
    }
    this.statements = prepareStatements(this.db);
    this.writer = new GroupCommitWriter(this.db, this.statements, () => this.changes.notify());
    this.checkpoints = {
      load: async (name) => {
        this.ensureOpen();
        return this.statements.loadCheckpoint.get(name) ?? undefined;
      },
      store: async (name, position) => {
        this.ensureOpen();
        this.statements.storeCheckpoint.run(name, position);
      },
    };
  }

  async append(streamId: string, events: EventToAppend[], options: AppendOptions): Promise<AppendResult> {
    this.ensureOpen();
    return this.writer.enqueue(streamId, events, options.expectedRevision);
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    this.ensureOpen();
    const rows = this.statements.readStream.all(streamId, options.fromRevision ?? 0, options.maxCount ?? -1);
    return rows.map(toRecordedEvent);
  }

  async readAll(options: ReadAllOptions = {}): Promise<ReadAllBatch> {
    this.ensureOpen();
    return this.readAllNow(options);
  }

  subscribeToAll(options: SubscribeOptions = {}): AllSubscription {
    this.ensureOpen();
    const subscription: SqliteAllSubscription = new SqliteAllSubscription(
      (batchOptions) => this.readAllNow(batchOptions),
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
    this.ensureOpen();
    const head = this.statements.headPosition.get();
    return head === null || head === undefined ? undefined : String(head);
  }

  async ping(): Promise<void> {
    this.ensureOpen();
    this.statements.ping.get();
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

  private readAllNow(options: ReadAllOptions): ReadAllBatch {
    const maxCount = options.maxCount ?? DEFAULT_READ_BATCH;
    const rows = this.statements.readAll.all(options.fromPosition === undefined ? 0 : Number(options.fromPosition), maxCount);
    const events = rows.map(toRecordedEvent);
    const last = events[events.length - 1];
    return { events, lastPosition: last ? last.position : options.fromPosition, isEnd: events.length < maxCount };
  }

  private ensureOpen(): void {
    if (!this.open) throw new EventStoreUnavailableError('the event store is closed');
  }
}

function toRecordedEvent(row: RawRow): RecordedEvent {
  return {
    streamId: row[0],
    revision: row[1],
    position: String(row[2]),
    eventId: row[3],
    type: row[4],
    data: JSON.parse(row[5]),
    metadata: JSON.parse(row[6]),
    recordedAt: row[7],
  };
}
