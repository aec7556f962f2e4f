import { comparePositions, EventStore, RecordedEvent } from '../port';
import { ContractHarness, contractEvents as events, readAllOf, uniqueStream } from './contract-helpers';

/** Takes events of `streams` from a subscription until `count` have come, or the subscription ends. */
async function take(subscription: AsyncIterable<RecordedEvent>, streams: Set<string>, count: number, into: RecordedEvent[] = []): Promise<RecordedEvent[]> {
  if (into.length >= count) return into;
  for await (const event of subscription) {
    if (streams.has(event.streamId)) into.push(event);
    if (into.length >= count) break;
  }
  return into;
}

/**
 * What the service relies on when several instances share a store and follow `$all`, and what a
 * real server could break: positions, a second instance's view, resuming, long runs of hidden
 * events, and retries of an append whose answer never came. Part of describeEventStoreContract.
 */
export function describeDeliveryContract(harness: ContractHarness): void {
  describe('delivery across instances', () => {
    const opened: EventStore[] = [];
    const open = async () => {
      const store = await harness.open();
      opened.push(store);
      return store;
    };
    afterAll(async () => {
      await Promise.all(opened.map((store) => store.close()));
    });

    it("answers an append with the position its last event is delivered and read at (the service's read-your-writes token)", async () => {
      const store = await open();
      const [a, b] = [uniqueStream('positions-a'), uniqueStream('positions-b')];
      const subscription = store.subscribeToAll({ fromPosition: await store.headPosition() });
      const sizes = [1, 3, 1, 5, 2];
      const results = [];
      for (const [i, size] of sizes.entries()) results.push(await store.append(i % 2 ? b : a, events(size), { expectedRevision: 'any' }));
      const delivered = await take(subscription, new Set([a, b]), 12);
      await subscription.close();
      let end = 0;
      for (const [i, size] of sizes.entries()) {
        end += size;
        expect(results[i]!.position).toBe(delivered[end - 1]!.position);
      }
      const stored = [...(await store.readStream(a)), ...(await store.readStream(b))];
      expect(new Set(stored.map((event) => event.position))).toEqual(new Set(delivered.map((event) => event.position)));
    }, 30_000);

    it('delivers to one instance, in order and whole, what another appends meanwhile', async () => {
      const [writer, follower] = [await open(), await open()];
      const streams = new Set([uniqueStream('instances-a'), uniqueStream('instances-b')]);
      const [a, b] = [...streams];
      const start = await follower.headPosition();
      const subscription = follower.subscribeToAll({ fromPosition: start });
      const receiving = take(subscription, streams, 60);
      const written = [];
      for (let i = 0; i < 30; i += 1) written.push(await writer.append(i % 2 ? a! : b!, events(2), { expectedRevision: 'any' }));
      const received = await receiving;
      await subscription.close();
      expect(received.map((event) => event.eventId)).toEqual((await readAllOf(writer, streams, start)).map((event) => event.eventId));
      expect(received.filter((_, i) => i % 2 === 1).map((event) => event.position)).toEqual(written.map((result) => result.position));
    }, 30_000);

    it('resumes a subscription dropped mid-catch-up from its last delivered position, with no gap and no duplicate', async () => {
      const store = await open();
      const stream = uniqueStream('resume');
      const start = await store.headPosition();
      for (let i = 0; i < 24; i += 1) await store.append(stream, events(5, 'ContractTested', i * 5), { expectedRevision: 'any' });
      const first = store.subscribeToAll({ fromPosition: start });
      const before = await take(first, new Set([stream]), 37);
      await first.close();
      // A new instance resumes where the dropped one stopped, as the follower does from its checkpoint.
      const resumed = (await open()).subscribeToAll({ fromPosition: before[before.length - 1]!.position });
      const rest = take(resumed, new Set([stream]), 145 - 37);
      for (let i = 24; i < 29; i += 1) await store.append(stream, events(5, 'ContractTested', i * 5), { expectedRevision: 'any' });
      const after = await rest;
      await resumed.close();
      expect([...before, ...after].map((event) => (event.data as { n: number }).n)).toEqual(Array.from({ length: 145 }, (_, n) => n));
    }, 30_000);

    it('reads, follows and finds the head across more than 1,000 hidden events in a row (checkpoints, on KurrentDB)', async () => {
      const store = await open();
      const stream = uniqueStream('hidden-run');
      const before = await store.headPosition();
      const first = await store.append(stream, events(1), { expectedRevision: 'no-stream' });
      for (let i = 0; i < 1_200; i += 1) await store.checkpoints.store(`${stream}-checkpoint`, first.position);
      const last = await store.append(stream, events(1), { expectedRevision: 0 });
      expect((await readAllOf(store, new Set([stream]), before)).map((event) => event.position)).toEqual([first.position, last.position]);
      let position: string | undefined = first.position;
      let next: RecordedEvent | undefined;
      while (!next) {
        const batch = await store.readAll({ fromPosition: position, maxCount: 1 });
        next = batch.events.find((event) => event.streamId === stream);
        position = batch.lastPosition;
        if (batch.isEnd && !next) break;
      }
      expect(next?.position).toBe(last.position);
      const subscription = store.subscribeToAll({ fromPosition: first.position });
      expect((await take(subscription, new Set([stream]), 1))[0]?.position).toBe(last.position);
      await subscription.close();
      expect(comparePositions((await store.headPosition())!, last.position)).toBeGreaterThanOrEqual(0);
    }, 60_000);

    it('stores once an append whose answer never came, when it is retried with the same event ids', async () => {
      const stream = uniqueStream('unknown-outcome');
      const first = await open();
      await first.append(stream, events(1), { expectedRevision: 'no-stream' });
      const batch = events(3);
      // The store closes under the append: it may or may not have been written, and the caller cannot tell.
      const pending = first.append(stream, batch, { expectedRevision: 0 }).then(
        (result) => ({ result }),
        (error: unknown) => ({ error }),
      );
      await first.close();
      const outcome = await pending;
      const second = await open();
      const retried = await second.append(stream, batch, { expectedRevision: 0 });
      expect(await second.append(stream, batch, { expectedRevision: 0 })).toEqual(retried);
      if ('result' in outcome) expect(retried).toEqual(outcome.result);
      const stored = await second.readStream(stream);
      expect(stored.map((event) => event.eventId.toLowerCase())).toEqual([stored[0]!.eventId, ...batch.map((event) => event.eventId)].map((id) => id.toLowerCase()));
      expect(retried).toEqual({ nextExpectedRevision: 3, position: stored[3]!.position });
    }, 30_000);
  });
}
