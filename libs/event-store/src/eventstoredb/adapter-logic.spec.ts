/**
 * The adapter's own logic, run against an in-process stand-in for the KurrentDB client (FakeEsdbClient).
 * It shows the adapter's mapping is consistent; the contract suite against a real server
 * (EVENTSTORE_URL) remains the proof that EventStoreDB behaves so.
 */
import { KurrentDBClient } from '@kurrent/kurrentdb-client';
import { comparePositions, DuplicateEventIdError, EventStoreUnavailableError, EventToAppend, ReadBoundary, RecordedEvent, WrongExpectedRevisionError } from '../port';
import { FakeEsdbClient } from '../testing/fake-esdb-client';
import { EventStoreDbEventStore } from './eventstoredb-event-store';

const events = (count: number, start = 0): EventToAppend[] =>
  Array.from({ length: count }, (_, i) => {
    const eventId = crypto.randomUUID();
    return { eventId, type: 'Tested', data: { n: start + i }, metadata: { eventId } };
  });

async function open(onSubscriptionDrop?: () => void, readBoundary?: ReadBoundary) {
  const fake = new FakeEsdbClient();
  const store = new EventStoreDbEventStore('esdb://fake:2113?tls=false', {
    client: fake as unknown as KurrentDBClient,
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
