import { AppendResult as ClientAppendResult, BACKWARDS, END, FORWARDS, KurrentDBClient, StreamNotFoundError } from '@kurrent/kurrentdb-client';
import { AllSubscription, AppendOptions, AppendResult, asStored, CheckpointStore, EventStore, EventStoreUnavailableError, EventToAppend, ReadAllBatch, ReadAllOptions, ReadBoundary, ReadStreamOptions, RecordedEvent, StoreNodeStatus, SubscribeOptions, WrongExpectedRevisionError } from '../port';
import { readAllPage } from './all-stream-page';
import { allStreamSource } from './all-stream-source';
import { AppendContext, appendNothing, currentRevision, settleConflict, writtenPosition } from './append-settlement';
import { EventStoreDbCheckpointStore } from './checkpoint-store';
import { createClient } from './connection-string';
import { consumeRead, withDeadline } from './deadlines';
import { isRetryableSubscriptionError, toPortError, toRevisionConflict } from './errors';
import { toClientExpectedRevision } from './expected-revision';
import { findHeadPosition } from './head-position';
import { readNodeStatus } from './node-status';
import { parsePosition } from './positions';
import { AnyResolvedEvent, toEventData, toRecordedEvent } from './recorded-event';
import { ResubscribingSubscription, SubscriptionSource } from './resubscribing-subscription';

export interface EventStoreDbOptions {
  /** Longest wait for one call before it fails with EventStoreUnavailableError. Default 10 s, the client's own. */
  deadlineMs?: number;
  /** Longest wait for ping(). Default 2 s: health checks must answer quickly. */
  pingTimeoutMs?: number;
  /** Told about every subscription drop before it resubscribes: for logs and metrics. */
  onSubscriptionDrop?(error: unknown, attempt: number, resumeAfter: string | undefined): void;
  /** Wait before the n-th resubscription in a row; default: jittered doubling from 100 ms to 5 s. */
  subscriptionBackoffMs?(attempt: number): number;
  /** A client built in code (client certificates, say) instead of from the connection string. */
  client?: KurrentDBClient;
  /** Every event read passes through it once (see ReadBoundary). */
  readBoundary?: ReadBoundary;
}

const DEFAULT_READ_BATCH = 1000;
/** Batch appends carry the deadline to the server; ours only catches a call that never got that far. */
const APPEND_GRACE_MS = 1_000;

const closedSource: SubscriptionSource = async function* () {
  throw new EventStoreUnavailableError('the event store is closed');
};

/**
 * The port on KurrentDB / EventStoreDB (a single node or a cluster), selected by EVENTSTORE_URL.
 * Writes, and the stream reads a command decides on, require the leader: a follower refuses them
 * (not leader, not ready, busy) and the caller gets EventStoreUnavailableError, never stale state.
 */
export class EventStoreDbEventStore implements EventStore {
  readonly kind = 'eventstoredb' as const;
  readonly checkpoints: CheckpointStore;
  private readonly client: KurrentDBClient;
  private readonly subscriptions = new Set<ResubscribingSubscription>();
  private readonly deadlineMs: number;
  private readonly pingTimeoutMs: number;
  private readonly toEvent: (resolved: AnyResolvedEvent) => RecordedEvent;
  private readonly appends: AppendContext;
  private closed = false;

  constructor(connectionString: string, private readonly options: EventStoreDbOptions = {}) {
    this.client = options.client ?? createClient(connectionString);
    this.deadlineMs = options.deadlineMs ?? 10_000;
    this.pingTimeoutMs = options.pingTimeoutMs ?? 2_000;
    this.checkpoints = new EventStoreDbCheckpointStore(this.client, this.deadlineMs, () => this.ensureOpen());
    const readBoundary = options.readBoundary ?? asStored;
    this.toEvent = (resolved) => readBoundary(toRecordedEvent(resolved));
    this.appends = {
      client: this.client,
      deadlineMs: this.deadlineMs,
      readStream: (streamId, read) => this.readStream(streamId, read),
      headPosition: () => this.headPosition(),
      ensureStillOpen: () => this.ensureStillOpen(),
    };
  }

  async append(streamId: string, events: EventToAppend[], options: AppendOptions): Promise<AppendResult> {
    this.ensureOpen();
    const expected = options.expectedRevision;
    const expectedRevision = toClientExpectedRevision(expected);
    if (events.length === 0) return appendNothing(this.appends, streamId, expected);
    const proposed = events.map(toEventData);
    let result: ClientAppendResult;
    try {
      result = await withDeadline(
        this.client.appendToStream(streamId, proposed, { streamState: expectedRevision, requiresLeader: true }),
        this.deadlineMs + APPEND_GRACE_MS,
        'append',
      );
    } catch (error) {
      const conflict = toRevisionConflict(error, streamId, expected);
      if (!conflict) throw toPortError(error, 'append');
      return settleConflict(this.appends, streamId, events, conflict);
    }
    if (!result.success) {
      // Only reachable if the client was built to report failures as results; its revision is then unreliable.
      return settleConflict(this.appends, streamId, events, new WrongExpectedRevisionError(streamId, expected, await currentRevision(this.appends, streamId)));
    }
    return { nextExpectedRevision: Number(result.nextExpectedRevision), position: await writtenPosition(this.appends, streamId, result) };
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    this.ensureOpen();
    const fromRevision = options.fromRevision ?? 0;
    if (!Number.isSafeInteger(fromRevision) || fromRevision < 0) throw new RangeError(`fromRevision must be a revision >= 0, not ${fromRevision}`);
    const maxCount = options.maxCount;
    if (maxCount !== undefined && (!Number.isSafeInteger(maxCount) || maxCount < 0)) throw new RangeError(`maxCount must be >= 0, not ${maxCount}`);
    if (maxCount === 0) return [];
    const events: RecordedEvent[] = [];
    try {
      const read = this.client.readStream(streamId, { direction: FORWARDS, fromRevision: BigInt(fromRevision), requiresLeader: true, ...(maxCount === undefined ? {} : { maxCount }) });
      await consumeRead(read, (resolved) => void events.push(this.toEvent(resolved)), this.deadlineMs, 'readStream');
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw toPortError(error, 'readStream');
    }
    this.ensureStillOpen();
    return events;
  }

  async readAll(options: ReadAllOptions = {}): Promise<ReadAllBatch> {
    this.ensureOpen();
    const from = options.fromPosition;
    if (from !== undefined) parsePosition(from);
    const maxCount = options.maxCount ?? DEFAULT_READ_BATCH;
    if (!Number.isSafeInteger(maxCount) || maxCount < 0) throw new RangeError(`maxCount must be >= 0, not ${maxCount}`);
    if (maxCount === 0) return { events: [], lastPosition: from, isEnd: false };
    const page = await readAllPage(this.client, from, maxCount, this.deadlineMs, this.toEvent);
    this.ensureStillOpen();
    return page;
  }

  subscribeToAll(options: SubscribeOptions = {}): AllSubscription {
    if (options.fromPosition !== undefined) parsePosition(options.fromPosition);
    const closed = this.closed;
    // Not a const: onStop runs inside the constructor when the signal is already aborted.
    let subscription: ResubscribingSubscription | undefined;
    subscription = new ResubscribingSubscription(closed ? closedSource : allStreamSource(this.client, this.toEvent), options.fromPosition, options.signal, {
      isRetryable: (error) => !this.closed && isRetryableSubscriptionError(error),
      onDrop: this.options.onSubscriptionDrop,
      backoffMs: this.options.subscriptionBackoffMs,
      onStop: () => void (subscription && this.subscriptions.delete(subscription)),
    });
    if (!closed && !options.signal?.aborted) this.subscriptions.add(subscription);
    return subscription;
  }

  async headPosition(): Promise<string | undefined> {
    this.ensureOpen();
    return findHeadPosition(this.client, this.deadlineMs, () => this.ensureStillOpen());
  }

  /** One cheap read against the server, bounded by a short timeout of our own. */
  async ping(): Promise<void> {
    this.ensureOpen();
    try {
      const read = this.client.readAll({ direction: BACKWARDS, fromPosition: END, maxCount: 1 });
      await consumeRead(read, () => undefined, this.pingTimeoutMs, 'ping');
    } catch (error) {
      if (error instanceof EventStoreUnavailableError) throw error;
      throw new EventStoreUnavailableError('KurrentDB does not answer', { cause: error });
    }
  }

  async nodeStatus(): Promise<StoreNodeStatus> {
    this.ensureOpen();
    return readNodeStatus(this.client, this.pingTimeoutMs);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all([...this.subscriptions].map((subscription) => subscription.close()));
    await this.client.dispose();
  }

  private ensureOpen(): void {
    if (this.closed) throw new EventStoreUnavailableError('the event store is closed');
  }

  /** close() cancels reads in flight, and the client ends a cancelled read as if it were complete. */
  private ensureStillOpen(): void {
    if (this.closed) throw new EventStoreUnavailableError('the event store was closed during the call');
  }
}
