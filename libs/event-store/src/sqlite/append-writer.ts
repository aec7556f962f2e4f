import type Database from 'better-sqlite3';
import { AppendResult, DuplicateEventIdError, ExpectedRevision, WrongExpectedRevisionError } from '../port';
import { isDuplicateEventId } from './errors';
import { Statements } from './statements';
import { StreamRevisions, StreamState } from './stream-revisions';

/** An event ready for its row: data and metadata already JSON text. */
export interface SerializedEvent {
  eventId: string;
  type: string;
  data: string;
  metadata: string;
}

export interface AppendRequest {
  streamId: string;
  events: SerializedEvent[];
  expected: ExpectedRevision;
}

/**
 * Writes one append inside the group-commit transaction, or refuses it having written nothing.
 * One event to an existing stream can only be refused at its insert, before anything is written
 * (the stream's head moves after it); an append of several events, or one that creates its
 * stream, runs in a savepoint, so a refusal half-way takes back its earlier rows.
 */
export class AppendWriter {
  private readonly inSavepoint: (request: AppendRequest, stream: StreamState | undefined, recordedAt: string) => AppendResult;

  constructor(
    db: Database.Database,
    private readonly statements: Statements,
    private readonly revisions: StreamRevisions,
  ) {
    // A transaction function called inside a transaction runs as a savepoint.
    this.inSavepoint = db.transaction((request: AppendRequest, stream: StreamState | undefined, recordedAt: string) =>
      this.insert(request, stream, recordedAt),
    );
  }

  write(request: AppendRequest, recordedAt: string): AppendResult {
    const { streamId, events, expected } = request;
    const stream = this.revisions.current(streamId);
    const current = stream?.last ?? -1;
    if (events.length === 0) {
      if (!matches(expected, current)) throw new WrongExpectedRevisionError(streamId, expected, current);
      return { nextExpectedRevision: current, position: String(this.statements.headPosition.get() ?? 0) };
    }
    if (!matches(expected, current)) {
      // A retried append meets its own earlier success as a revision conflict.
      const replay = this.storedAlready(request);
      if (replay) return replay;
      throw new WrongExpectedRevisionError(streamId, expected, current);
    }
    try {
      return events.length === 1 && stream ? this.insert(request, stream, recordedAt) : this.inSavepoint(request, stream, recordedAt);
    } catch (error) {
      if (!isDuplicateEventId(error)) throw error;
      const replay = this.storedAlready(request);
      if (replay) return replay;
      throw error;
    }
  }

  private insert({ streamId, events }: AppendRequest, stream: StreamState | undefined, recordedAt: string): AppendResult {
    const { statements } = this;
    const key = stream?.key ?? Number(statements.createStream.run(streamId).lastInsertRowid);
    let revision = stream?.last ?? -1;
    let position = stream?.lastPosition ?? null;
    for (const event of events) {
      revision += 1;
      position = Number(statements.insertEvent.run(key, revision, streamId, event.eventId, event.type, event.data, event.metadata, recordedAt, position).lastInsertRowid);
    }
    statements.moveStreamHead.run(revision, position!, key);
    this.revisions.wrote(streamId, { key, last: revision, lastPosition: position });
    return { nextExpectedRevision: revision, position: String(position) };
  }

  /**
   * The original result when every event id is stored already, in this stream, contiguously and in
   * order (the same append, retried); undefined when none is; a refusal for any other overlap.
   */
  private storedAlready({ streamId, events }: AppendRequest): AppendResult | undefined {
    const found = events.map((event) => this.statements.findEvent.get(event.eventId));
    const clash = events.find((_, i) => found[i] !== undefined);
    if (!clash) return undefined;
    const first = found[0];
    const sameAppend = first !== undefined && found.every((row, i) => row !== undefined && row.stream_id === streamId && row.revision === first.revision + i);
    if (!sameAppend) throw new DuplicateEventIdError(streamId, clash.eventId);
    const last = found[found.length - 1]!;
    return { nextExpectedRevision: last.revision, position: String(last.position) };
  }
}

function matches(expected: ExpectedRevision, current: number): boolean {
  return expected === 'any' || (expected === 'no-stream' ? current === -1 : expected === current);
}
