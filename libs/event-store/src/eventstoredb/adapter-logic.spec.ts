/**
 * The adapter's own logic, run against an in-process stand-in for the 6.x client that follows
 * EventStoreDB's documented behaviour: forward reads of `$all` include their start position and
 * backward reads exclude it, server events interleave with ours, an append that repeats stored ids
 * is acknowledged without a position, subscriptions start after their position and can drop.
 * It shows the adapter's mapping is consistent; the contract suite against a real server
 * (EVENTSTORE_URL) remains the proof that EventStoreDB behaves so.
 */
import {
  ANY,
  BACKWARDS,
  END,
  EventData,
  EventStoreDBClient,
  FORWARDS,
  NO_STREAM,
  ReadAllOptions,
  ReadStreamOptions,
  START,
  StreamNotFoundError,
  SubscribeToAllOptions,
  UnavailableError,
  WrongExpectedVersionError,
} from '@eventstore/db-client';
import { Readable } from 'node:stream';
import { comparePositions, DuplicateEventIdError, EventStoreUnavailableError, EventToAppend, ReadBoundary, RecordedEvent, WrongExpectedRevisionError } from '../port';
import { EventStoreDbEventStore } from './eventstoredb-event-store';

interface StoredRecord {
  streamId: string;
  revision: bigint;
  id: string;
  type: string;
  data: unknown;
  metadata: Uint8Array | undefined;
  position: bigint;
}

type Readish = Readable & { cancel(): Promise<void>; unsubscribe(): Promise<void> };

class FakeEsdbClient {
  readonly log: StoredRecord[] = [];
  private readonly streams = new Map<string, StoredRecord[]>();
  private readonly maxCounts = new Map<string, number>();
  private readonly wakers = new Set<() => void>();
  private nextPosition = 2n ** 60n + 7n;
  private appends = 0;
  /** Each live subscription fails with UnavailableError after this many events. */
  dropSubscriptionsAfter: number | undefined;
  /** The next append is written, but its reply is lost. */
  loseNextReply = false;
  subscriptionsOpened = 0;

  async appendToStream(streamName: string, events: EventData | EventData[], options: { expectedRevision?: unknown } = {}) {
    const list = Array.isArray(events) ? events : [events];
    const expected = options.expectedRevision ?? ANY;
    const stream = this.streams.get(streamName) ?? [];
    const current = stream.length - 1;
    const repeats = (start: number) => list.every((event, i) => stream[start + i]?.id === event.id);
    const conflict = () =>
      new WrongExpectedVersionError(undefined, { streamName, expected: expected as bigint, current: current < 0 ? NO_STREAM : BigInt(current) });
    if (expected === ANY) {
      const first = stream.findIndex((record) => record.id === list[0]!.id);
      if (first >= 0) {
        if (!repeats(first)) throw conflict();
        return { success: true, nextExpectedRevision: BigInt(first + list.length - 1), position: undefined };
      }
    } else {
      const wanted = expected === NO_STREAM ? -1 : Number(expected);
      if (wanted !== current) {
        if (wanted < current && repeats(wanted + 1)) return { success: true, nextExpectedRevision: BigInt(wanted + list.length), position: undefined };
        throw conflict();
      }
    }
    // The server writes its own events between ours (stats, here).
    if (++this.appends % 3 === 0) this.write('$stats-127.0.0.1:2113', [{ id: crypto.randomUUID(), type: '$statsCollected', data: {}, metadata: undefined }]);
    const written = this.write(streamName, list);
    const last = written[written.length - 1]!;
    if (this.loseNextReply) {
      this.loseNextReply = false;
      throw new UnavailableError(undefined, 'reply lost');
    }
    // A multi-event write reports the first event's position, which the adapter must not take as the last's.
    const reported = written[0]!.position;
    return { success: true, nextExpectedRevision: last.revision, position: { commit: reported, prepare: reported } };
  }

  readStream(streamName: string, options: ReadStreamOptions = {}) {
    const stream = this.streams.get(streamName);
    if (!stream) return this.reading(new StreamNotFoundError(undefined, streamName));
    const kept = stream.slice(Math.max(0, stream.length - (this.maxCounts.get(streamName) ?? stream.length)));
    const from = options.fromRevision ?? (options.direction === BACKWARDS ? END : START);
    let records: StoredRecord[];
    if (options.direction === BACKWARDS) {
      records = kept.filter((record) => from === END || record.revision <= (from as bigint)).reverse();
    } else {
      records = kept.filter((record) => from === START || record.revision >= (from as bigint));
    }
    return this.reading(records.slice(0, Number(options.maxCount ?? Number.MAX_SAFE_INTEGER)));
  }

  readAll(options: ReadAllOptions = {}) {
    const from = options.fromPosition ?? (options.direction === BACKWARDS ? END : START);
    const at = (from === START || from === END ? undefined : from.commit) as bigint | undefined;
    const records =
      options.direction === BACKWARDS
        ? this.log.filter((record) => at === undefined || record.position < at).reverse()
        : this.log.filter((record) => at === undefined || record.position >= at);
    return this.reading(records.slice(0, Number(options.maxCount ?? Number.MAX_SAFE_INTEGER)));
  }

  subscribeToAll(options: SubscribeToAllOptions = {}) {
    this.subscriptionsOpened += 1;
    const from = options.fromPosition;
    const after = from === undefined || from === START ? -1n : from === END ? this.nextPosition : from.commit;
    const typePattern = options.filter && 'regex' in options.filter ? new RegExp(options.filter.regex) : undefined;
    let index = this.log.findIndex((record) => record.position > after);
    if (index < 0) index = this.log.length;
    let delivered = 0;
    let wanting = false;
    const pump = () => {
      while (wanting && index < this.log.length) {
        const record = this.log[index++]!;
        if (typePattern && !typePattern.test(record.type)) continue;
        if (this.dropSubscriptionsAfter !== undefined && delivered === this.dropSubscriptionsAfter) {
          this.wakers.delete(pump);
          subscription.destroy(new UnavailableError(undefined, 'connection reset'));
          return;
        }
        delivered += 1;
        wanting = subscription.push(toResolved(record));
      }
    };
    const subscription = new Readable({
      objectMode: true,
      highWaterMark: 4,
      read() {
        wanting = true;
        pump();
      },
    }) as Readish;
    this.wakers.add(pump);
    subscription.unsubscribe = async () => {
      this.wakers.delete(pump);
      subscription.push(null);
    };
    return subscription;
  }

  async getStreamMetadata(streamName: string) {
    const maxCount = this.maxCounts.get(streamName);
    return { streamName, metadata: maxCount === undefined ? undefined : { maxCount } };
  }

  async setStreamMetadata(streamName: string, metadata: { maxCount?: number }) {
    if (metadata.maxCount !== undefined) this.maxCounts.set(streamName, metadata.maxCount);
    this.write(`$$${streamName}`, [{ id: crypto.randomUUID(), type: '$metadata', data: metadata, metadata: undefined }]);
    return { success: true, nextExpectedRevision: 0n, position: undefined };
  }

  async dispose() {
    for (const wake of this.wakers) wake();
  }

  private write(streamName: string, events: { id: string; type: string; data: unknown; metadata: unknown }[]): StoredRecord[] {
    const stream = this.streams.get(streamName) ?? [];
    this.streams.set(streamName, stream);
    const written = events.map((event) => {
      this.nextPosition += 137n;
      const record: StoredRecord = {
        streamId: streamName,
        revision: BigInt(stream.length),
        id: event.id.toLowerCase(),
        type: event.type,
        data: JSON.parse(JSON.stringify(event.data)),
        metadata: event.metadata instanceof Uint8Array ? event.metadata : undefined,
        position: this.nextPosition,
      };
      stream.push(record);
      this.log.push(record);
      return record;
    });
    for (const wake of [...this.wakers]) wake();
    return written;
  }

  private reading(source: StoredRecord[] | Error): Readish {
    const items = source instanceof Error ? [] : source.map(toResolved);
    const read = new Readable({
      objectMode: true,
      read() {
        if (source instanceof Error) this.destroy(source);
        else this.push(items.length ? items.shift() : null);
      },
    }) as Readish;
    read.cancel = async () => void read.destroy();
    return read;
  }
}

function toResolved(record: StoredRecord) {
  return {
    event: {
      streamId: record.streamId,
      id: record.id,
      isJson: true,
      revision: record.revision,
      type: record.type,
      created: new Date('2026-02-03T04:05:06.789Z'),
      data: record.data,
      metadata: record.metadata && record.metadata.length ? JSON.parse(Buffer.from(record.metadata).toString('utf8')) : undefined,
      position: { commit: record.position, prepare: record.position },
    },
  };
}

const events = (count: number, start = 0): EventToAppend[] =>
  Array.from({ length: count }, (_, i) => {
    const eventId = crypto.randomUUID();
    return { eventId, type: 'Tested', data: { n: start + i }, metadata: { eventId } };
  });

async function open(onSubscriptionDrop?: () => void, readBoundary?: ReadBoundary) {
  const fake = new FakeEsdbClient();
  const store = new EventStoreDbEventStore('esdb://fake:2113?tls=false', {
    client: fake as unknown as EventStoreDBClient,
    onSubscriptionDrop,
    subscriptionBackoffMs: () => 0,
    readBoundary,
  });
  return { fake, store };
}

async function readEverything(store: EventStoreDbEventStore, maxCount: number, from?: string): Promise<RecordedEvent[]> {
  const found: RecordedEvent[] = [];
  let position = from;
  for (;;) {
    const batch = await store.readAll({ fromPosition: position, maxCount });
    found.push(...batch.events);
    position = batch.lastPosition;
    if (batch.isEnd) return found;
  }
}

describe('EventStoreDB adapter logic (stand-in client)', () => {
  it('appends with each expectation, and names the actual revision on a conflict', async () => {
    const { store } = await open();
    expect(await store.readStream('dtask-1')).toEqual([]);
    const first = await store.append('dtask-1', events(2), { expectedRevision: 'no-stream' });
    expect(first.nextExpectedRevision).toBe(1);
    await expect(store.append('dtask-1', events(1), { expectedRevision: 'no-stream' })).rejects.toMatchObject({ actual: 1, expected: 'no-stream' });
    await expect(store.append('dtask-1', events(1), { expectedRevision: 0 })).rejects.toBeInstanceOf(WrongExpectedRevisionError);
    await expect(store.append('dtask-2', events(1), { expectedRevision: 3 })).rejects.toMatchObject({ actual: -1 });
    const exact = await store.append('dtask-1', events(1), { expectedRevision: 1 });
    expect(comparePositions(exact.position, first.position)).toBe(1);
    expect((await store.append('dtask-1', events(1), { expectedRevision: 'any' })).nextExpectedRevision).toBe(3);
    const stored = await store.readStream('dtask-1');
    expect(stored.map((event) => event.revision)).toEqual([0, 1, 2, 3]);
    expect(stored[0]).toMatchObject({ data: { n: 0 }, recordedAt: '2026-02-03T04:05:06.789Z' });
    expect(await store.readStream('dtask-1', { fromRevision: 2, maxCount: 1 })).toEqual([stored[2]]);
  });

  it('passes every event it reads through its read boundary: stream reads, $all reads and the subscription', async () => {
    const { store } = await open(undefined, (event) => ({ ...event, data: { read: true } }));
    await store.append('dtask-1', events(2), { expectedRevision: 'no-stream' });
    expect((await store.readStream('dtask-1')).map((event) => event.data)).toEqual([{ read: true }, { read: true }]);
    expect((await store.readAll()).events.map((event) => event.data)).toEqual([{ read: true }, { read: true }]);
    const subscription = store.subscribeToAll();
    for await (const event of subscription) {
      expect(event.data).toEqual({ read: true });
      break;
    }
    await store.close();
  });

  it('reports the position of the last event of a multi-event append', async () => {
    const { store } = await open();
    const result = await store.append('dtask-1', events(3), { expectedRevision: 'no-stream' });
    const stored = await store.readStream('dtask-1');
    expect(result).toEqual({ nextExpectedRevision: 2, position: stored[2]!.position });
  });

  it('acknowledges a replayed append with the original result, even after others appended', async () => {
    const { store } = await open();
    const batch = events(3);
    const first = await store.append('dtask-1', batch, { expectedRevision: 'no-stream' });
    expect(await store.append('dtask-1', batch, { expectedRevision: 'no-stream' })).toEqual(first);
    await store.append('dtask-1', events(2), { expectedRevision: 2 });
    const upperCase = batch.map((event) => ({ ...event, eventId: event.eventId.toUpperCase() }));
    expect(await store.append('dtask-1', upperCase, { expectedRevision: 'no-stream' })).toEqual(first);
    expect(await store.append('dtask-1', batch, { expectedRevision: 'any' })).toEqual(first);
    expect(await store.readStream('dtask-1')).toHaveLength(5);
  });

  it('acknowledges the retry of an append whose reply was lost, once', async () => {
    const { fake, store } = await open();
    const batch = events(2);
    fake.loseNextReply = true;
    await expect(store.append('dtask-1', batch, { expectedRevision: 'no-stream' })).rejects.toBeInstanceOf(EventStoreUnavailableError);
    const retried = await store.append('dtask-1', batch, { expectedRevision: 'no-stream' });
    expect(retried.nextExpectedRevision).toBe(1);
    expect((await store.readStream('dtask-1')).map((event) => event.eventId)).toEqual(batch.map((event) => event.eventId));
  });

  it('refuses an append that reuses only some stored ids, without writing', async () => {
    const { store } = await open();
    const batch = events(3);
    await store.append('dtask-1', batch, { expectedRevision: 'no-stream' });
    await expect(store.append('dtask-1', [batch[2]!, ...events(1)], { expectedRevision: 'any' })).rejects.toBeInstanceOf(DuplicateEventIdError);
    await expect(store.append('dtask-1', [batch[1]!, ...events(1)], { expectedRevision: 0 })).rejects.toBeInstanceOf(DuplicateEventIdError);
    expect(await store.readStream('dtask-1')).toHaveLength(3);
  });

  it('checks the expectation of an empty append and reports where the stream stands', async () => {
    const { store } = await open();
    await store.append('dtask-1', events(2), { expectedRevision: 'no-stream' });
    expect(await store.append('dtask-1', [], { expectedRevision: 1 })).toEqual({ nextExpectedRevision: 1, position: await store.headPosition() });
    await expect(store.append('dtask-1', [], { expectedRevision: 'no-stream' })).rejects.toMatchObject({ actual: 1 });
    expect((await store.append('dtask-9', [], { expectedRevision: 'no-stream' })).nextExpectedRevision).toBe(-1);
  });

  it('reads $all after a position, in batches, without server events or checkpoints', async () => {
    const { fake, store } = await open();
    for (let i = 0; i < 10; i += 1) {
      await store.append(`dtask-${i % 3}`, events(3, i * 3), { expectedRevision: 'any' });
      await store.checkpoints.store('queue', String(fake.log[fake.log.length - 1]!.position));
    }
    const all = await readEverything(store, 4);
    expect(all.map((event) => (event.data as { n: number }).n)).toEqual(Array.from({ length: 30 }, (_, i) => i));
    expect(all.every((event) => BigInt(event.position) > 2n ** 60n)).toBe(true);
    const middle = all[11]!;
    expect((await readEverything(store, 7, middle.position)).map((event) => event.eventId)).toEqual(all.slice(12).map((event) => event.eventId));
    const small = await store.readAll({ fromPosition: middle.position, maxCount: 3 });
    expect(small).toEqual({ events: all.slice(12, 15), lastPosition: all[14]!.position, isEnd: false });
    const tail = await store.readAll({ fromPosition: all[29]!.position });
    expect(tail.events).toEqual([]);
    expect(tail.isEnd).toBe(true);
  });

  it('finds the head behind more than a page of checkpoints, and none in a store of server events only', async () => {
    const { fake, store } = await open();
    expect(await store.headPosition()).toBeUndefined();
    await fake.setStreamMetadata('$settings', {});
    expect(await store.headPosition()).toBeUndefined();
    const written = await store.append('dtask-1', events(1), { expectedRevision: 'no-stream' });
    for (let i = 0; i < 600; i += 1) await store.checkpoints.store('queue', written.position);
    expect(await store.headPosition()).toBe(written.position);
  });

  it('keeps checkpoints in a stream capped at one event, positions as exact strings', async () => {
    const { fake, store } = await open();
    expect(await store.checkpoints.load('queue')).toBeUndefined();
    await store.checkpoints.store('queue', '18446744073709551610');
    await store.checkpoints.store('queue', '18446744073709551615');
    expect(await store.checkpoints.load('queue')).toBe('18446744073709551615');
    expect(await fake.getStreamMetadata('checkpoint-queue')).toMatchObject({ metadata: { maxCount: 1 } });
    expect(fake.log.filter((record) => record.streamId === '$$checkpoint-queue')).toHaveLength(1);
  });

  it('delivers catch-up then live across drops, with no gap and no duplicate, and ends on close', async () => {
    let drops = 0;
    const { fake, store } = await open(() => (drops += 1));
    const start = await store.headPosition();
    for (let i = 0; i < 20; i += 1) await store.append(`dtask-${i % 2}`, events(2), { expectedRevision: 'any' });
    fake.dropSubscriptionsAfter = 7;
    const received: RecordedEvent[] = [];
    const subscription = store.subscribeToAll({ fromPosition: start });
    const consuming = (async () => {
      for await (const event of subscription) received.push(event);
    })();
    for (let i = 0; i < 30; i += 1) {
      await store.append(`dtask-${i % 2}`, events(3), { expectedRevision: 'any' });
      await store.checkpoints.store('live', fake.log[fake.log.length - 1]!.position.toString());
      if (i % 5 === 0) await new Promise((resolve) => setTimeout(resolve, 1));
    }
    while (received.length < 130) await new Promise((resolve) => setTimeout(resolve, 5));
    await store.close();
    await consuming;
    const expected = fake.log.filter((record) => !record.streamId.startsWith('$') && !record.streamId.startsWith('checkpoint-'));
    expect(received.map((event) => event.eventId)).toEqual(expected.map((record) => record.id));
    expect(drops).toBeGreaterThan(10);
    expect(fake.subscriptionsOpened).toBe(drops + 1);
  });
});
