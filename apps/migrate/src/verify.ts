import { EventStore, RecordedEvent } from '@dtask/event-store';
import { createHash, Hash } from 'node:crypto';

const BATCH = 5000;

/** A stream's events as a count and a hash over each one's revision, id, type, data and metadata, in order. */
export interface StreamDigest {
  count: number;
  hash: string;
}

export interface Verification {
  streams: number;
  events: number;
  /** Streams whose count or hash differ, as `streamId: source n (hash) / target m (hash)`; empty when the copy is whole. */
  differences: string[];
}

const line = (event: RecordedEvent) => JSON.stringify([event.revision, event.eventId, event.type, event.data, event.metadata]);

/** Each stream's digest, fed its events in the store's order. */
export class StreamDigests {
  private readonly streams = new Map<string, { count: number; hash: Hash }>();

  add(events: readonly RecordedEvent[]): void {
    for (const event of events) {
      let stream = this.streams.get(event.streamId);
      if (!stream) this.streams.set(event.streamId, (stream = { count: 0, hash: createHash('sha256') }));
      stream.count += 1;
      stream.hash.update(line(event));
    }
  }

  /** `$all` from the start through `through` (inclusive), or to its end. */
  async addAll(store: EventStore, through?: string): Promise<void> {
    const last = through === undefined ? undefined : BigInt(through);
    for (let position: string | undefined; ; ) {
      const batch = await store.readAll({ fromPosition: position, maxCount: BATCH });
      const events = last === undefined ? batch.events : batch.events.filter((event) => BigInt(event.position) <= last);
      this.add(events);
      position = batch.lastPosition;
      if (batch.isEnd || events.length < batch.events.length) return;
    }
  }

  finish(): Map<string, StreamDigest> {
    return new Map([...this.streams].map(([streamId, { count, hash }]) => [streamId, { count, hash: hash.digest('hex') }]));
  }
}

const shown = (digest: StreamDigest | undefined) => (digest ? `${digest.count} (${digest.hash.slice(0, 12)})` : 'none');

/**
 * Compares every stream of the source, as copied, with the target's. A target that is this copy
 * alone is read once through `$all` (a stream there and not in the source differs too); one that
 * holds other streams (`--into-non-empty`) is read stream by stream.
 */
export async function verifyCopy(expected: Map<string, StreamDigest>, target: EventStore, targetIsTheCopy: boolean): Promise<Verification> {
  let copied: (streamId: string) => Promise<StreamDigest | undefined>;
  const differences: string[] = [];
  if (targetIsTheCopy) {
    const all = new StreamDigests();
    await all.addAll(target);
    const digests = all.finish();
    copied = async (streamId) => digests.get(streamId);
    for (const [streamId, digest] of digests) if (!expected.has(streamId)) differences.push(`${streamId}: source none / target ${shown(digest)}`);
  } else {
    copied = async (streamId) => {
      const one = new StreamDigests();
      one.add(await target.readStream(streamId));
      return one.finish().get(streamId);
    };
  }
  let events = 0;
  for (const [streamId, digest] of expected) {
    events += digest.count;
    const found = await copied(streamId);
    if (!found || found.count !== digest.count || found.hash !== digest.hash) differences.push(`${streamId}: source ${shown(digest)} / target ${shown(found)}`);
  }
  return { streams: expected.size, events, differences };
}
