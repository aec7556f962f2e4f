/**
 * An in-process stand-in for the KurrentDB client (@kurrent/kurrentdb-client 1.x) that follows the
 * server's behaviour as its source shows it: forward reads of `$all` include their start position
 * and backward reads exclude it, server events interleave with ours, a write (and an idempotent
 * replay of one) is answered with its last event's position, subscriptions start after their
 * position and can drop. Reads are async iterators (the client's Rust reader), subscriptions are
 * streams (its gRPC reader). For the adapter's own specs, and the contract suite on it.
 */
import {
  ANY,
  BACKWARDS,
  END,
  EventData,
  FORWARDS,
  NO_STREAM,
  ReadAllOptions,
  ReadStreamOptions,
  START,
  StreamNotFoundError,
  SubscribeToAllOptions,
  UnavailableError,
  WrongExpectedVersionError,
} from '@kurrent/kurrentdb-client';
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

type Readish = Readable & { unsubscribe(): Promise<void> };
type Operation = 'append' | 'readStream' | 'readAll';

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
  /** Idempotent replays are answered without a position, as a server whose index has not caught up does. */
  replaysWithoutPosition = false;
  /** Calls of these kinds fail with this error before touching anything (a follower's answer, a dead node). */
  readonly failing = new Map<Operation, Error>();
  /** Which calls asked for the leader, in order. */
  readonly leaderRequired: Operation[] = [];
  /** What `/gossip` answers. */
  gossip: unknown = { members: [] };
  subscriptionsOpened = 0;
  readCalls = 0;

  async appendToStream(streamName: string, events: EventData | EventData[], options: { streamState?: unknown; requiresLeader?: boolean } = {}) {
    this.asked('append', options.requiresLeader);
    const list = Array.isArray(events) ? events : [events];
    const expected = options.streamState ?? ANY;
    const stream = this.streams.get(streamName) ?? [];
    const current = stream.length - 1;
    const repeats = (start: number) => list.every((event, i) => stream[start + i]?.id === event.id.toLowerCase());
    const conflict = () =>
      new WrongExpectedVersionError(undefined, { streamName, expected: expected as bigint, current: current < 0 ? NO_STREAM : BigInt(current) });
    const replayed = (first: number) => {
      const last = stream[first + list.length - 1]!;
      const position = this.replaysWithoutPosition ? undefined : { commit: last.position, prepare: last.position };
      return { success: true, nextExpectedRevision: last.revision, position };
    };
    if (expected === ANY) {
      const first = stream.findIndex((record) => record.id === list[0]!.id.toLowerCase());
      if (first >= 0) {
        if (!repeats(first)) throw conflict();
        return replayed(first);
      }
    } else {
      const wanted = expected === NO_STREAM ? -1 : Number(expected);
      if (wanted !== current) {
        if (wanted < current && repeats(wanted + 1)) return replayed(wanted + 1);
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
    return { success: true, nextExpectedRevision: last.revision, position: { commit: last.position, prepare: last.position } };
  }

  readStream(streamName: string, options: ReadStreamOptions = {}): AsyncIterableIterator<unknown> {
    return this.reading('readStream', options.requiresLeader, () => {
      const stream = this.streams.get(streamName);
      if (!stream) throw new StreamNotFoundError(undefined, streamName);
      const kept = stream.slice(Math.max(0, stream.length - (this.maxCounts.get(streamName) ?? stream.length)));
      const from = options.fromRevision ?? (options.direction === BACKWARDS ? END : START);
      const records =
        options.direction === BACKWARDS
          ? kept.filter((record) => from === END || record.revision <= (from as bigint)).reverse()
          : kept.filter((record) => from === START || record.revision >= (from as bigint));
      return records.slice(0, Number(options.maxCount ?? Number.MAX_SAFE_INTEGER));
    });
  }

  readAll(options: ReadAllOptions = {}): AsyncIterableIterator<unknown> {
    return this.reading('readAll', options.requiresLeader, () => {
      const from = options.fromPosition ?? (options.direction === BACKWARDS ? END : START);
      const at = (from === START || from === END ? undefined : from.commit) as bigint | undefined;
      const records =
        options.direction === BACKWARDS
          ? this.log.filter((record) => at === undefined || record.position < at).reverse()
          : this.log.filter((record) => at === undefined || record.position >= at);
      return records.slice(0, Number(options.maxCount ?? Number.MAX_SAFE_INTEGER));
    });
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
    const [written] = this.write(`$$${streamName}`, [{ id: crypto.randomUUID(), type: '$metadata', data: metadata, metadata: undefined }]);
    return { success: true, nextExpectedRevision: written!.revision, position: { commit: written!.position, prepare: written!.position } };
  }

  /** The client's (protected) HTTP helper, which the adapter asks for `/gossip`. */
  get HTTPRequest() {
    return async (method: string, path: string) => {
      if (method !== 'GET' || path !== '/gossip') throw new Error(`the fake answers GET /gossip only, not ${method} ${path}`);
      return this.gossip;
    };
  }

  async dispose() {
    for (const wake of this.wakers) wake();
  }

  private asked(operation: Operation, requiresLeader: boolean | undefined): void {
    if (requiresLeader) this.leaderRequired.push(operation);
    const failure = this.failing.get(operation);
    if (failure) throw failure;
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

  /** Like the client's reads: nothing happens until the first next(), and errors arrive from it. */
  private reading(operation: Operation, requiresLeader: boolean | undefined, select: () => StoredRecord[]): AsyncIterableIterator<unknown> {
    const client = this;
    return (async function* () {
      client.readCalls += 1;
      client.asked(operation, requiresLeader);
      for (const record of select()) yield toResolved(record);
    })();
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
