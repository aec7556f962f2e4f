import { Statements } from './statements';

export interface StreamState {
  key: number;
  /** Last revision; -1 for a stream row without events. */
  last: number;
  /** Position of the last event, which the next one links back to. */
  lastPosition: number | null;
}

/** Enough for every task being worked at once; a miss costs one lookup of the stream's row. */
const DEFAULT_CAPACITY = 20_000;

/**
 * Each stream's key and last revision, remembered between group commits so an append needs no
 * lookup. Used only inside the write transaction: another connection (another process on the same
 * file) bumps `PRAGMA data_version`, and then everything remembered is dropped. A batch's own writes
 * are kept aside and remembered only once its COMMIT has returned.
 */
export class StreamRevisions {
  private readonly known = new Map<string, StreamState>();
  private readonly written = new Map<string, StreamState>();
  private dataVersion: number | undefined;

  constructor(
    private readonly statements: Statements,
    private readonly capacity = DEFAULT_CAPACITY,
  ) {}

  /** Call first inside each write transaction. */
  beginBatch(): void {
    const dataVersion = this.statements.dataVersion.get()!;
    if (dataVersion !== this.dataVersion) this.known.clear();
    this.dataVersion = dataVersion;
    this.written.clear();
  }

  /** The stream as this transaction sees it, earlier appends of the same batch included. */
  current(streamId: string): StreamState | undefined {
    const state = this.written.get(streamId) ?? this.known.get(streamId);
    if (state) return state;
    const row = this.statements.stream.get(streamId);
    if (!row) return undefined;
    const stored = { key: row.stream_key, last: row.last_revision, lastPosition: row.last_position };
    this.remember(streamId, stored);
    return stored;
  }

  wrote(streamId: string, state: StreamState): void {
    this.written.set(streamId, state);
  }

  committed(): void {
    for (const [streamId, state] of this.written) this.remember(streamId, state);
    this.written.clear();
  }

  /** The transaction was rolled back: what it wrote never happened. */
  rolledBack(): void {
    this.written.clear();
    this.known.clear();
  }

  private remember(streamId: string, state: StreamState): void {
    // Re-inserting keeps the map in order of use, so the oldest entry goes first.
    this.known.delete(streamId);
    this.known.set(streamId, state);
    if (this.known.size > this.capacity) this.known.delete(this.known.keys().next().value!);
  }
}
