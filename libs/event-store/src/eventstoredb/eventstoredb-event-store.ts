import {
  BACKWARDS,
  END,
  EventStoreDBClient,
  excludeSystemEvents,
  FORWARDS,
  jsonEvent,
  ResolvedEvent,
  START,
  StreamNotFoundError,
} from '@eventstore/db-client';
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
  WrongExpectedRevisionError,
} from '../port';
import {
  fromPosition,
  isSystemEvent,
  mapAvailabilityError,
  mapClientError,
  toClientConnectionString,
  toExpectedRevision,
  toPosition,
  toRecordedEvent,
} from './mapping';
import { ResubscribingSubscription } from './resubscribing-subscription';

const PING_DEADLINE_MS = 2_000;
const DEFAULT_READ_BATCH = 1000;
const CHECKPOINT_STREAM_PREFIX = 'checkpoint-';

/** The port on an EventStoreDB (KurrentDB) cluster, selected by EVENTSTORE_URL. */
export class EventStoreDbEventStore implements EventStore {
  readonly kind = 'eventstoredb' as const;
  readonly checkpoints: CheckpointStore;
  private readonly client: EventStoreDBClient;
  private open = true;

  constructor(connectionString: string) {
    this.client = EventStoreDBClient.connectionString(toClientConnectionString(connectionString));
    this.checkpoints = {
      load: (name) => this.loadCheckpoint(name),
      store: (name, position) => this.storeCheckpoint(name, position),
    };
  }

  async append(streamId: string, events: EventToAppend[], options: AppendOptions): Promise<AppendResult> {
    this.ensureOpen();
    const expectedRevision = toExpectedRevision(options.expectedRevision);
    try {
      if (events.length === 0) return await this.currentState(streamId, options);
      const result = await this.client.appendToStream(
        streamId,
        events.map((event) => jsonEvent({ id: event.eventId, type: event.type, data: event.data as never, metadata: event.metadata as never })),
        { expectedRevision },
      );
      return { nextExpectedRevision: Number(result.nextExpectedRevision), position: result.position ? fromPosition(result.position) : '0' };
    } catch (error) {
      const mapped = mapClientError(error, streamId, options.expectedRevision);
      if (mapped instanceof WrongExpectedRevisionError) {
        const replay = await this.alreadyStored(streamId, events);
        if (replay) return replay;
      }
      throw mapped;
    }
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    this.ensureOpen();
    const events: RecordedEvent[] = [];
    try {
      const read = this.client.readStream(streamId, {
        direction: FORWARDS,
        fromRevision: options.fromRevision === undefined ? START : BigInt(options.fromRevision),
        ...(options.maxCount === undefined ? {} : { maxCount: options.maxCount }),
      });
      for await (const resolved of read) {
        const event = toRecordedEvent(resolved);
        if (event) events.push(event);
      }
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw mapAvailabilityError(error);
    }
    return events;
  }

  async readAll(options: ReadAllOptions = {}): Promise<ReadAllBatch> {
    this.ensureOpen();
    const maxCount = options.maxCount ?? DEFAULT_READ_BATCH;
    const events: RecordedEvent[] = [];
    let scanned = 0;
    let lastSeen = options.fromPosition;
    try {
      // The server reads from a position inclusively; the port's position is exclusive.
      const read = this.client.readAll({ direction: FORWARDS, fromPosition: toPosition(options.fromPosition), maxCount: maxCount + 1 });
      for await (const resolved of read) {
        scanned += 1;
        if (!resolved.event?.position) continue;
        const position = fromPosition(resolved.event.position);
        if (position === options.fromPosition) continue;
        lastSeen = position;
        if (isSystemEvent(resolved)) continue;
        const event = toRecordedEvent(resolved);
        if (event) events.push(event);
        if (events.length === maxCount) break;
      }
    } catch (error) {
      throw mapAvailabilityError(error);
    }
    const isEnd = events.length < maxCount && scanned <= maxCount;
    return { events, lastPosition: events.length ? events[events.length - 1]!.position : lastSeen, isEnd };
  }

  subscribeToAll(options: SubscribeOptions = {}): AllSubscription {
    this.ensureOpen();
    return new ResubscribingSubscription(
      (after, signal) => this.rawSubscription(after, signal),
      options.fromPosition,
      options.signal,
    );
  }

  async headPosition(): Promise<string | undefined> {
    this.ensureOpen();
    try {
      for await (const resolved of this.client.readAll({ direction: BACKWARDS, fromPosition: END, maxCount: 50 })) {
        if (!isSystemEvent(resolved) && resolved.event?.position) return fromPosition(resolved.event.position);
      }
      return undefined;
    } catch (error) {
      throw mapAvailabilityError(error);
    }
  }

  async ping(): Promise<void> {
    this.ensureOpen();
    try {
      for await (const _ of this.client.readAll({ direction: BACKWARDS, fromPosition: END, maxCount: 1, deadline: PING_DEADLINE_MS })) void _;
    } catch (error) {
      throw new EventStoreUnavailableError('EventStoreDB does not answer', { cause: error });
    }
  }

  async close(): Promise<void> {
    if (!this.open) return;
    this.open = false;
    await this.client.dispose();
  }

  private async *rawSubscription(after: string | undefined, signal: AbortSignal): AsyncIterable<RecordedEvent> {
    const subscription = this.client.subscribeToAll({ fromPosition: toPosition(after), filter: excludeSystemEvents() });
    const stop = () => void subscription.unsubscribe();
    signal.addEventListener('abort', stop, { once: true });
    try {
      for await (const resolved of subscription as AsyncIterable<ResolvedEvent>) {
        const event = toRecordedEvent(resolved);
        if (event) yield event;
      }
    } finally {
      signal.removeEventListener('abort', stop);
      await subscription.unsubscribe();
    }
  }

  private async currentState(streamId: string, options: AppendOptions): Promise<AppendResult> {
    const tail = await this.readStreamTail(streamId, 1);
    const current = tail.length ? tail[0]!.revision : -1;
    const expected = options.expectedRevision;
    if (expected !== 'any' && (expected === 'no-stream' ? current !== -1 : expected !== current)) {
      throw new WrongExpectedRevisionError(streamId, expected, current);
    }
    return { nextExpectedRevision: current, position: tail[0]?.position ?? (await this.headPosition()) ?? '0' };
  }

  /** A retried append whose events are all stored already is acknowledged with the original result. */
  private async alreadyStored(streamId: string, events: EventToAppend[]): Promise<AppendResult | undefined> {
    if (events.length === 0) return undefined;
    const tail = await this.readStreamTail(streamId, 500);
    const byId = new Map(tail.map((event) => [event.eventId, event]));
    const found = events.map((event) => byId.get(event.eventId));
    if (found.some((event) => event === undefined)) return undefined;
    const first = found[0]!;
    if (!found.every((event, i) => event!.revision === first.revision + i)) return undefined;
    const last = found[found.length - 1]!;
    return { nextExpectedRevision: last.revision, position: last.position };
  }

  private async readStreamTail(streamId: string, count: number): Promise<RecordedEvent[]> {
    const events: RecordedEvent[] = [];
    try {
      for await (const resolved of this.client.readStream(streamId, { direction: BACKWARDS, fromRevision: END, maxCount: count })) {
        const event = toRecordedEvent(resolved);
        if (event) events.push(event);
      }
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw mapAvailabilityError(error);
    }
    return events.reverse();
  }

  private async loadCheckpoint(name: string): Promise<string | undefined> {
    this.ensureOpen();
    const tail = await this.readStreamTail(`${CHECKPOINT_STREAM_PREFIX}${name}`, 1);
    return (tail[0]?.data as { position?: string } | undefined)?.position;
  }

  private async storeCheckpoint(name: string, position: string): Promise<void> {
    this.ensureOpen();
    const streamId = `${CHECKPOINT_STREAM_PREFIX}${name}`;
    try {
      const result = await this.client.appendToStream(streamId, jsonEvent({ type: 'Checkpoint', data: { position } }));
      // Only the newest checkpoint matters; set the stream to keep one event when it is created.
      if (result.nextExpectedRevision === 0n) await this.client.setStreamMetadata(streamId, { maxCount: 1 });
    } catch (error) {
      throw mapAvailabilityError(error);
    }
  }

  private ensureOpen(): void {
    if (!this.open) throw new EventStoreUnavailableError('the event store is closed');
  }
}
