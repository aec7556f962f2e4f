import {
  AppendResult as ClientAppendResult,
  BACKWARDS,
  END,
  EventStoreDBClient,
  FORWARDS,
  Position,
  StreamNotFoundError,
} from '@eventstore/db-client';
import {
  AllSubscription,
  AppendOptions,
  AppendResult,
  CheckpointStore,
  DuplicateEventIdError,
  EventStore,
  EventStoreUnavailableError,
  EventToAppend,
  ExpectedRevision,
  ReadAllBatch,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeOptions,
  WrongExpectedRevisionError,
} from '../port';
import { allStreamSource } from './all-stream-source';
import { EventStoreDbCheckpointStore } from './checkpoint-store';
import { createClient } from './connection-string';
import { consumeRead, withDeadline } from './deadlines';
import { isRetryableSubscriptionError, toPortError, toRevisionConflict } from './errors';
import { toClientExpectedRevision } from './expected-revision';
import { fromClientPosition, parsePosition, toReadPosition } from './positions';
import { isHiddenFromAll, toEventData, toRecordedEvent } from './recorded-event';
import { ResubscribingSubscription, SubscriptionSource } from './resubscribing-subscription';
import { judgeRetry, RETRY_WINDOW, retryReadStart } from './retried-append';

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
  client?: EventStoreDBClient;
}

const DEFAULT_READ_BATCH = 1000;
/** Extra events a `$all` page may scan past, since server, stats and checkpoint events are skipped client-side. */
const HIDDEN_EVENT_ALLOWANCE = 1000;
/** Page size when walking back from the end of `$all` to the newest domain event. */
const HEAD_PAGE = 500;
/** Batch appends carry the deadline to the server; ours only catches a call that never got that far. */
const APPEND_GRACE_MS = 1_000;

const closedSource: SubscriptionSource = async function* () {
  throw new EventStoreUnavailableError('the event store is closed');
};

/** The port on EventStoreDB / KurrentDB (a single node or a cluster), selected by EVENTSTORE_URL. */
export class EventStoreDbEventStore implements EventStore {
  readonly kind = 'eventstoredb' as const;
  readonly checkpoints: CheckpointStore;
  private readonly client: EventStoreDBClient;
  private readonly subscriptions = new Set<ResubscribingSubscription>();
  private readonly deadlineMs: number;
  private readonly pingTimeoutMs: number;
  private closed = false;

  constructor(connectionString: string, private readonly options: EventStoreDbOptions = {}) {
    this.client = options.client ?? createClient(connectionString);
    this.deadlineMs = options.deadlineMs ?? 10_000;
    this.pingTimeoutMs = options.pingTimeoutMs ?? 2_000;
    this.checkpoints = new EventStoreDbCheckpointStore(this.client, this.deadlineMs, () => this.ensureOpen());
  }

  async append(streamId: string, events: EventToAppend[], options: AppendOptions): Promise<AppendResult> {
    this.ensureOpen();
    const expected = options.expectedRevision;
    const expectedRevision = toClientExpectedRevision(expected);
    if (events.length === 0) return this.appendNothing(streamId, expected);
    const proposed = events.map(toEventData);
    let result: ClientAppendResult;
    try {
      result = await withDeadline(
        this.client.appendToStream(streamId, proposed, { expectedRevision }),
        this.deadlineMs + APPEND_GRACE_MS,
        'append',
      );
    } catch (error) {
      const conflict = toRevisionConflict(error, streamId, expected);
      if (!conflict) throw toPortError(error, 'append');
      return this.settleConflict(streamId, events, conflict);
    }
    if (!result.success) {
      // Only reachable if the client was built to report failures as results; its revision is then unreliable.
      return this.settleConflict(streamId, events, new WrongExpectedRevisionError(streamId, expected, await this.currentRevision(streamId)));
    }
    return { nextExpectedRevision: Number(result.nextExpectedRevision), position: await this.lastWrittenPosition(streamId, events.length, result) };
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
      const read = this.client.readStream(streamId, { direction: FORWARDS, fromRevision: BigInt(fromRevision), ...(maxCount === undefined ? {} : { maxCount }) });
      await consumeRead(read, (resolved) => void events.push(toRecordedEvent(resolved)), this.deadlineMs, 'readStream');
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
    // The server reads from a position inclusively and the port exclusively: one more, and skip that one.
    const requested = maxCount + 1 + HIDDEN_EVENT_ALLOWANCE;
    const events: RecordedEvent[] = [];
    let scanned = 0;
    let lastSeen = from;
    try {
      const read = this.client.readAll({ direction: FORWARDS, fromPosition: toReadPosition(from), maxCount: requested });
      await consumeRead(
        read,
        (resolved) => {
          scanned += 1;
          if (!resolved.event) return;
          const position = fromClientPosition(resolved.event.position);
          if (position === from) return;
          // Hidden events advance the batch too, or a run of them longer than a page would never be passed.
          lastSeen = position;
          if (isHiddenFromAll(resolved)) return;
          events.push(toRecordedEvent(resolved));
          return events.length < maxCount;
        },
        this.deadlineMs,
        'readAll',
      );
    } catch (error) {
      throw toPortError(error, 'readAll');
    }
    this.ensureStillOpen();
    return { events, lastPosition: lastSeen, isEnd: events.length < maxCount && scanned < requested };
  }

  subscribeToAll(options: SubscribeOptions = {}): AllSubscription {
    if (options.fromPosition !== undefined) parsePosition(options.fromPosition);
    const closed = this.closed;
    // Not a const: onStop runs inside the constructor when the signal is already aborted.
    let subscription: ResubscribingSubscription | undefined;
    subscription = new ResubscribingSubscription(closed ? closedSource : allStreamSource(this.client), options.fromPosition, options.signal, {
      isRetryable: (error) => !this.closed && isRetryableSubscriptionError(error),
      onDrop: this.options.onSubscriptionDrop,
      backoffMs: this.options.subscriptionBackoffMs,
      onStop: () => void (subscription && this.subscriptions.delete(subscription)),
    });
    if (!closed && !options.signal?.aborted) this.subscriptions.add(subscription);
    return subscription;
  }

  /**
   * Walks back from the end of `$all` a page at a time: the newest events are often the server's
   * own (stats every 30 s by default) or checkpoints, which the port does not count.
   */
  async headPosition(): Promise<string | undefined> {
    this.ensureOpen();
    let from: Position | typeof END = END;
    for (;;) {
      let found: string | undefined;
      let scanned = 0;
      let oldestSeen: Position | undefined;
      try {
        const read = this.client.readAll({ direction: BACKWARDS, fromPosition: from, maxCount: HEAD_PAGE });
        await consumeRead(
          read,
          (resolved) => {
            scanned += 1;
            oldestSeen = resolved.event?.position;
            if (isHiddenFromAll(resolved)) return;
            found = fromClientPosition(resolved.event!.position);
            return false;
          },
          this.deadlineMs,
          'headPosition',
        );
      } catch (error) {
        throw toPortError(error, 'headPosition');
      }
      this.ensureStillOpen();
      if (found !== undefined) return found;
      if (scanned < HEAD_PAGE || oldestSeen === undefined) return undefined;
      // Reading backwards excludes the start position, so the next page starts right before this one ended.
      from = oldestSeen;
    }
  }

  /** One cheap read against the server, bounded by a short timeout of our own. */
  async ping(): Promise<void> {
    this.ensureOpen();
    try {
      const read = this.client.readAll({ direction: BACKWARDS, fromPosition: END, maxCount: 1 });
      await consumeRead(read, () => undefined, this.pingTimeoutMs, 'ping');
    } catch (error) {
      if (error instanceof EventStoreUnavailableError) throw error;
      throw new EventStoreUnavailableError('EventStoreDB does not answer', { cause: error });
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all([...this.subscriptions].map((subscription) => subscription.close()));
    await this.client.dispose();
  }

  /** An empty append writes nothing, but still checks the expectation and reports where things stand. */
  private async appendNothing(streamId: string, expected: ExpectedRevision): Promise<AppendResult> {
    const current = await this.currentRevision(streamId);
    const matches = expected === 'any' || (expected === 'no-stream' ? current === -1 : expected === current);
    if (!matches) throw new WrongExpectedRevisionError(streamId, expected, current);
    return { nextExpectedRevision: current, position: (await this.headPosition()) ?? '0' };
  }

  /**
   * A conflict may be a retry of an append that already succeeded (its reply was lost): then it is
   * acknowledged with the original result. An append reusing some stored ids is refused.
   */
  private async settleConflict(streamId: string, events: EventToAppend[], conflict: WrongExpectedRevisionError): Promise<AppendResult> {
    const start = retryReadStart(conflict.expected, conflict.actual);
    if (start === undefined) throw conflict;
    const stored = await this.readStream(streamId, { fromRevision: start, maxCount: RETRY_WINDOW });
    const verdict = judgeRetry(events, stored);
    if (verdict.kind === 'replay') return { nextExpectedRevision: verdict.last.revision, position: verdict.last.position };
    if (verdict.kind === 'overlap') throw new DuplicateEventIdError(streamId, verdict.eventId);
    throw conflict;
  }

  /**
   * EventStoreDB reports one log position per write. For a single event it is that event's. For
   * several, which event it names is not part of the protocol, and an idempotent replay may report
   * none, so the last event's own position is read back.
   */
  private async lastWrittenPosition(streamId: string, count: number, result: ClientAppendResult): Promise<string> {
    if (count === 1 && result.position) return fromClientPosition(result.position);
    const [last] = await this.readStream(streamId, { fromRevision: Number(result.nextExpectedRevision), maxCount: 1 });
    if (last) return last.position;
    if (result.position) return fromClientPosition(result.position);
    throw new Error(`the append to ${streamId} was acknowledged, but its events could not be read back`);
  }

  private async currentRevision(streamId: string): Promise<number> {
    let revision = -1;
    try {
      const read = this.client.readStream(streamId, { direction: BACKWARDS, fromRevision: END, maxCount: 1 });
      await consumeRead(read, (resolved) => void (revision = Number(resolved.event?.revision ?? -1)), this.deadlineMs, 'read stream revision');
    } catch (error) {
      if (error instanceof StreamNotFoundError) return -1;
      throw toPortError(error, 'read stream revision');
    }
    this.ensureStillOpen();
    return revision;
  }

  private ensureOpen(): void {
    if (this.closed) throw new EventStoreUnavailableError('the event store is closed');
  }

  /** close() cancels reads in flight, and the client ends a cancelled read as if it were complete. */
  private ensureStillOpen(): void {
    if (this.closed) throw new EventStoreUnavailableError('the event store was closed during the call');
  }
}
