import type Database from 'better-sqlite3';
import { AppendResult, RecordedEvent } from '../port';
import { AppendRequest, AppendWriter } from './append-writer';
import { toPortError } from './errors';
import { Statements } from './statements';
import { StreamRevisions } from './stream-revisions';

interface PendingAppend {
  request: AppendRequest;
  resolve(result: AppendResult): void;
  reject(error: unknown): void;
  /** Set inside the transaction; the promise settles only after COMMIT. */
  result?: AppendResult;
  error?: unknown;
}

/**
 * Group commit: appends that arrive in the same turn of the event loop share one transaction and
 * so one sync. Each is checked against its own expected revision, seeing the appends before it in
 * the batch, and a refused one has written nothing, so it fails alone. Promises settle only after
 * COMMIT has returned, so an acknowledged append is durable; if COMMIT fails, every append of the
 * batch is rejected.
 */
export class GroupCommit {
  private queue: PendingAppend[] = [];
  private scheduled = false;
  private readonly revisions: StreamRevisions;
  private readonly commitBatch: Database.Transaction<(batch: PendingAppend[]) => { firstPosition: number; recordedAt: string }>;

  constructor(
    db: Database.Database,
    statements: Statements,
    /** Called once COMMIT has returned, with the commit's events, read as a reader would get them, for whoever asks. */
    private readonly onCommitted: (events: () => RecordedEvent[]) => void,
  ) {
    this.revisions = new StreamRevisions(statements);
    const writer = new AppendWriter(db, statements, this.revisions);
    this.commitBatch = db.transaction((batch: PendingAppend[]) => {
      this.revisions.beginBatch();
      const firstPosition = (statements.headPosition.get() ?? 0) + 1;
      const recordedAt = new Date().toISOString();
      for (const append of batch) {
        try {
          append.result = writer.write(append.request, recordedAt);
        } catch (error) {
          // SQLite rolled the whole transaction back (disk full, I/O error): none of the batch stands.
          if (!db.inTransaction) throw error;
          append.error = error;
        }
      }
      return { firstPosition, recordedAt };
    });
  }

  enqueue(request: AppendRequest): Promise<AppendResult> {
    return new Promise((resolve, reject) => {
      this.queue.push({ request, resolve, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  /** Writes everything queued now: on schedule, and once more on close. */
  flush(): void {
    this.scheduled = false;
    const batch = this.queue;
    this.queue = [];
    if (batch.length === 0) return;
    let firstPosition: number;
    let recordedAt: string;
    try {
      // IMMEDIATE takes the write lock up front, so the batch never fails half-way on a busy lock.
      ({ firstPosition, recordedAt } = this.commitBatch.immediate(batch));
    } catch (error) {
      this.revisions.rolledBack();
      return rejectAll(batch, toPortError(error, 'commit'));
    }
    this.revisions.committed();
    for (const append of batch) {
      if (append.result) append.resolve(append.result);
      else append.reject(toPortError(append.error, 'append'));
    }
    this.onCommitted(() => {
      const committed: RecordedEvent[] = [];
      for (const { request, result } of batch) if (result) recordedEventsOf(request, result, firstPosition, recordedAt, committed);
      return committed;
    });
  }

  /** Rejects whatever is still queued. */
  abandon(error: Error): void {
    const batch = this.queue;
    this.queue = [];
    for (const append of batch) append.reject(error);
  }
}

function rejectAll(batch: PendingAppend[], error: unknown): void {
  for (const append of batch) append.reject(error);
}

/** The rows an append wrote, as a reader would get them back: its events hold consecutive positions and revisions. */
function recordedEventsOf({ streamId, events }: AppendRequest, result: AppendResult, firstPosition: number, recordedAt: string, into: RecordedEvent[]): void {
  const lastPosition = Number(result.position);
  // A retry of an append stored before answers with its old rows: nothing was written now.
  if (events.length === 0 || lastPosition < firstPosition) return;
  events.forEach((event, i) => {
    const back = events.length - 1 - i;
    into.push({
      streamId,
      revision: result.nextExpectedRevision - back,
      position: String(lastPosition - back),
      eventId: event.eventId,
      type: event.type,
      data: JSON.parse(event.data),
      metadata: JSON.parse(event.metadata),
      recordedAt,
    });
  });
}
