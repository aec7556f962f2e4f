import type Database from 'better-sqlite3';
import { AppendResult } from '../port';
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
  private readonly commitBatch: Database.Transaction<(batch: PendingAppend[]) => void>;

  constructor(
    db: Database.Database,
    statements: Statements,
    private readonly onCommitted: () => void,
  ) {
    this.revisions = new StreamRevisions(statements);
    const writer = new AppendWriter(db, statements, this.revisions);
    this.commitBatch = db.transaction((batch: PendingAppend[]) => {
      this.revisions.beginBatch();
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
    try {
      // IMMEDIATE takes the write lock up front, so the batch never fails half-way on a busy lock.
      this.commitBatch.immediate(batch);
    } catch (error) {
      this.revisions.rolledBack();
      const failure = toPortError(error, 'commit');
      for (const append of batch) append.reject(failure);
      return;
    }
    this.revisions.committed();
    for (const append of batch) {
      if (append.result) append.resolve(append.result);
      else append.reject(toPortError(append.error, 'append'));
    }
    this.onCommitted();
  }

  /** Rejects whatever is still queued. */
  abandon(error: Error): void {
    const batch = this.queue;
    this.queue = [];
    for (const append of batch) append.reject(error);
  }
}
