/**
 * The event store port. Every adapter (embedded SQLite, EventStoreDB) implements exactly this,
 * and one contract suite (`event-store.contract.ts`) holds each of them to it.
 *
 * Positions are opaque decimal strings: EventStoreDB positions are 64-bit, so they never pass
 * through a JS number. Revisions are per-stream, 0-based, and small enough for a number.
 */

/** JSON-serialisable values only: data and metadata are stored as JSON. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export interface EventToAppend {
  /** Unique per event; a replayed append with the same ids is acknowledged without writing. */
  eventId: string;
  type: string;
  data: unknown;
  metadata: unknown;
}

export interface RecordedEvent {
  streamId: string;
  /** 0-based revision within the stream. */
  revision: number;
  /** Global position in `$all`, as a decimal string. */
  position: string;
  eventId: string;
  type: string;
  data: unknown;
  metadata: unknown;
  /** When the store committed it (ISO 8601). */
  recordedAt: string;
}

/**
 * What every event read from the store passes through once, before any reader sees it: its
 * readStream, readAll and subscribeToAll alike. The D-task service upcasts here (`readStoredEvent`
 * of libs/events), so no reader has to remember to. Without one, events come back as stored.
 */
export type ReadBoundary = (event: RecordedEvent) => RecordedEvent;

export const asStored: ReadBoundary = (event) => event;

/**
 * - `no-stream`: the stream must not exist yet;
 * - `any`: no check;
 * - a number: the stream's current last revision must be exactly this.
 */
export type ExpectedRevision = 'no-stream' | 'any' | number;

export interface AppendOptions {
  expectedRevision: ExpectedRevision;
}

export interface AppendResult {
  /** The stream's last revision after the append: pass it as the next expected revision. */
  nextExpectedRevision: number;
  /** Global position of the last event written. */
  position: string;
}

export interface ReadStreamOptions {
  fromRevision?: number;
  maxCount?: number;
}

export interface ReadAllOptions {
  /** Exclusive: events strictly after this position. Omitted: from the start. */
  fromPosition?: string;
  maxCount?: number;
}

export interface ReadAllBatch {
  events: RecordedEvent[];
  /** Position of the last event returned, or the input position when nothing was returned. */
  lastPosition: string | undefined;
  /** True when the read reached the current end of `$all`. */
  isEnd: boolean;
}

export interface SubscribeOptions {
  /** Exclusive: deliver events strictly after this position. Omitted: from the start. */
  fromPosition?: string;
  /** Ends the subscription; the iterator then completes. */
  signal?: AbortSignal;
}

/**
 * Catch-up first, then live, with no gap and no duplicate at the switch.
 * Adapters resubscribe from the last delivered position when the underlying connection drops.
 */
export interface AllSubscription extends AsyncIterable<RecordedEvent> {
  close(): Promise<void>;
}

export interface CheckpointStore {
  load(subscriberName: string): Promise<string | undefined>;
  store(subscriberName: string, position: string): Promise<void>;
}

/** Which node of a cluster the store is connected to, as far as the server tells it. */
export interface StoreNodeStatus {
  /** `leader`, `follower`, `read-only-replica`…, or `unknown`. */
  role: string;
  /** host:port of the connected node. */
  node?: string;
  /** host:port of the leader, when the connected node is not it. */
  leader?: string;
  /** Bytes of the leader's log the connected node has not yet made readable (a follower only). */
  lagBytes?: number;
}

export interface EventStore {
  readonly kind: 'sqlite' | 'eventstoredb';
  append(streamId: string, events: EventToAppend[], options: AppendOptions): Promise<AppendResult>;
  /** All events of the stream in revision order; an empty list when the stream does not exist. */
  readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  readAll(options?: ReadAllOptions): Promise<ReadAllBatch>;
  subscribeToAll(options?: SubscribeOptions): AllSubscription;
  /** Position of the newest event in `$all`, or undefined when the store is empty. */
  headPosition(): Promise<string | undefined>;
  readonly checkpoints: CheckpointStore;
  /** Resolves when the store answers; rejects with EventStoreUnavailableError otherwise. */
  ping(): Promise<void>;
  /** A clustered store's connected node; the embedded store has none. */
  nodeStatus?(): Promise<StoreNodeStatus>;
  close(): Promise<void>;
}

/** The one error for an optimistic-concurrency conflict. */
export class WrongExpectedRevisionError extends Error {
  override readonly name = 'WrongExpectedRevisionError';
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedRevision,
    /** The stream's actual last revision, or -1 when it does not exist. */
    readonly actual: number,
  ) {
    super(`stream ${streamId}: expected revision ${String(expected)}, actual ${actual}`);
  }
}

/** The store cannot be reached or is closed; callers answer 503 and may retry. */
export class EventStoreUnavailableError extends Error {
  override readonly name = 'EventStoreUnavailableError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** An append that reuses stored eventIds but is not the same append (a different stream or set). */
export class DuplicateEventIdError extends Error {
  override readonly name = 'DuplicateEventIdError';
  constructor(readonly streamId: string, readonly eventId: string) {
    super(`event ${eventId} is already stored, not as part of this append to ${streamId}`);
  }
}

/** Compares two positions without losing 64-bit precision. */
export function comparePositions(a: string, b: string): number {
  const x = BigInt(a);
  const y = BigInt(b);
  return x < y ? -1 : x > y ? 1 : 0;
}
