import { EventStore, RecordedEvent } from '@dtask/event-store';
import { createHash } from 'node:crypto';

const BATCH = 5000;

/** A stream's events as a count and a hash chained over each one's revision, id, type, data and metadata, in order. */
export interface StreamDigest {
  count: number;
  hash: Buffer;
}

export interface Verification {
  streams: number;
  events: number;
  /** Streams whose count or hash differ, as `streamId: source n (hash) / target m (hash)`; empty when the copy is whole. */
  differences: string[];
}

function chain(digest: StreamDigest | undefined, event: RecordedEvent): StreamDigest {
  const hash = createHash('sha256');
  if (digest) hash.update(digest.hash);
  hash.update(`${event.revision}\n${event.eventId}\n${event.type}\n${JSON.stringify(event.data)}\n${JSON.stringify(event.metadata)}\n`);
  return { count: (digest?.count ?? 0) + 1, hash: hash.digest() };
}

/** Every stream of the source's `$all` up to `through` (the copy's last position). */
async function sourceDigests(source: EventStore, through: string): Promise<Map<string, StreamDigest>> {
  const digests = new Map<string, StreamDigest>();
  const last = BigInt(through);
  let position: string | undefined;
  for (;;) {
    const batch = await source.readAll({ fromPosition: position, maxCount: BATCH });
    for (const event of batch.events) {
      if (BigInt(event.position) > last) return digests;
      digests.set(event.streamId, chain(digests.get(event.streamId), event));
    }
    position = batch.lastPosition;
    if (batch.isEnd) return digests;
  }
}

/** The same streams read back from the target, each on its own. */
async function targetDigest(target: EventStore, streamId: string): Promise<StreamDigest | undefined> {
  let digest: StreamDigest | undefined;
  for (const event of await target.readStream(streamId)) digest = chain(digest, event);
  return digest;
}

const shown = (digest: StreamDigest | undefined) => (digest ? `${digest.count} (${digest.hash.toString('hex').slice(0, 12)})` : 'none');

/** Compares every stream the source held up to `through` with the target's: counts and hashes. */
export async function verifyCopy(source: EventStore, target: EventStore, through: string | undefined): Promise<Verification> {
  if (through === undefined) return { streams: 0, events: 0, differences: [] };
  const expected = await sourceDigests(source, through);
  const differences: string[] = [];
  let events = 0;
  for (const [streamId, digest] of expected) {
    events += digest.count;
    const copied = await targetDigest(target, streamId);
    if (!copied || copied.count !== digest.count || !copied.hash.equals(digest.hash)) differences.push(`${streamId}: source ${shown(digest)} / target ${shown(copied)}`);
  }
  return { streams: expected.size, events, differences };
}
