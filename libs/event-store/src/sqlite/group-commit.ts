import type Database from 'better-sqlite3';
import {
  AppendResult,
  DuplicateEventIdError,
  EventToAppend,
  ExpectedRevision,
  WrongExpectedRevisionError,
} from '../port';
import { Statements } from './statements';

interface PendingAppend {
  streamId: string;
  events: EventToAppend[];
  expected: ExpectedRevision;
  resolve(result: AppendResult): void;
  reject(error: unknown): void;
}

type Outcome = { ok: AppendResult } | { error: unknown };

/**
 * Group commit: appends that arrive in the same turn of the event loop share one transaction and
 * so one fsync. Each is checked on its own (against the revisions left by the appends before it
 * in the batch) and a failing one is refused before it writes anything, so it fails alone.
 * Promises resolve only after COMMIT has returned: an acknowledged append is durable.
 */
export class GroupCommitWriter {
  private queue: PendingAppend[] = [];
  private scheduled = false;
  private readonly writeBatch: Database.Transaction<(batch: PendingAppend[]) => Outcome[]>;

  constructor(
    db: Database.Database,
    private readonly statements: Statements,
    private readonly onCommitted: () => void,
  ) {
    this.writeBatch = db.transaction((batch: PendingAppend[]) => {
      const recordedAt = new Date().toISOString();
      return batch.map((append): Outcome => {
        try {
          return { ok: this.appendOne(append, recordedAt) };
        } catch (error) {
          return { error };
        }
      });
    });
  }

  enqueue(streamId: string, events: EventToAppend[], expected: ExpectedRevision): Promise<AppendResult> {
    return new Promise((resolve, reject) => {
      this.queue.push({ streamId, events, expected, resolve, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  /** Writes everything queued now; used by the scheduled flush and on close. */
  flush(): void {
    this.scheduled = false;
    const batch = this.queue;
    this.queue = [];
    if (batch.length === 0) return;
    let outcomes: Outcome[];
    try {
      // IMMEDIATE takes the write lock up front, so the batch never fails half-way on a busy lock.
      outcomes = this.writeBatch.immediate(batch);
    } catch (error) {
      for (const append of batch) append.reject(error);
      return;
    }
    for (let i = 0; i < batch.length; i += 1) {
      const outcome = outcomes[i]!;
      if ('ok' in outcome) batch[i]!.resolve(outcome.ok);
      else batch[i]!.reject(outcome.error);
    }
    this.onCommitted();
  }

  /** Rejects what has not been written yet. */
  abandon(error: Error): void {
    const batch = this.queue;
    this.queue = [];
    for (const append of batch) append.reject(error);
  }

  private appendOne({ streamId, events, expected }: PendingAppend, recordedAt: string): AppendResult {
    const { statements } = this;
    const stream = statements.stream.get(streamId);
    const current = stream?.last_revision ?? -1;
    // A retried append shows up as a revision conflict, unless the caller expected any revision.
    if (expected === 'any' || !matches(expected, current)) {
      const replay = events.length > 0 ? this.alreadyStored(streamId, events) : undefined;
      if (replay) return replay;
      if (!matches(expected, current)) throw new WrongExpectedRevisionError(streamId, expected, current);
    }
    if (events.length === 0) return { nextExpectedRevision: current, position: String(statements.headPosition.get() ?? 0) };

    const streamKey = stream?.stream_key ?? Number(statements.createStream.run(streamId).lastInsertRowid);
    const written: number[] = [];
    let revision = current;
    try {
      for (const event of events) {
        revision += 1;
        const info = statements.insertEvent.run(
          streamKey,
          revision,
          streamId,
          event.eventId,
          event.type,
          JSON.stringify(event.data ?? null),
          JSON.stringify(event.metadata ?? null),
          recordedAt,
        );
        written.push(Number(info.lastInsertRowid));
      }
    } catch (error) {
      // An event id stored elsewhere: take back this append's rows so it fails alone and whole.
      for (const position of written) statements.deleteEvent.run(position);
      if (!stream) statements.deleteStream.run(streamKey);
      if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') {
        const clash = events.find((event) => statements.findEvent.get(event.eventId)) ?? events[0]!;
        throw new DuplicateEventIdError(streamId, clash.eventId);
      }
      throw error;
    }
    return { nextExpectedRevision: revision, position: String(written[written.length - 1]) };
  }

  /**
   * The original result when every event id is already stored, contiguously and in order, in this
   * stream (a retried append); undefined when none is; an error for a partial or foreign overlap.
   */
  private alreadyStored(streamId: string, events: EventToAppend[]): AppendResult | undefined {
    const found = events.map((event) => this.statements.findEvent.get(event.eventId));
    const stored = found.filter((row) => row !== undefined);
    if (stored.length === 0) return undefined;
    const first = found[0];
    const sameAppend =
      stored.length === events.length &&
      first !== undefined &&
      found.every((row, i) => row!.stream_id === streamId && row!.revision === first.revision + i);
    if (!sameAppend) {
      const clash = events.find((_, i) => found[i] !== undefined)!;
      throw new DuplicateEventIdError(streamId, clash.eventId);
    }
    const last = found[found.length - 1]!;
    return { nextExpectedRevision: last.revision, position: String(last.position) };
  }
}

function matches(expected: ExpectedRevision, current: number): boolean {
  return expected === 'any' || (expected === 'no-stream' ? current === -1 : expected === current);
}
