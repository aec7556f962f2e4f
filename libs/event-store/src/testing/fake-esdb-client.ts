/**
 * An in-process stand-in for the 6.x EventStoreDB client that follows EventStoreDB's documented
 * behaviour: forward reads of `$all` include their start position and backward reads exclude it,
 * server events interleave with ours, an append that repeats stored ids is acknowledged without a
 * position, subscriptions start after their position and can drop. For the adapter's own specs.
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

export class FakeEsdbClient {
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
