import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { comparePositions, DuplicateEventIdError, EventStore, RecordedEvent, WrongExpectedRevisionError } from '../port';
import { ContractHarness, contractEvents as events, readAllOf, uniqueStream } from './contract-helpers';
import { describeDeliveryContract } from './delivery.contract';

export { ContractHarness } from './contract-helpers';

/** The behaviour every adapter of the port must show; run it once per adapter. */
export function describeEventStoreContract(adapterName: string, harness: ContractHarness): void {
  describe(`event store contract: ${adapterName}`, () => {
    let store: EventStore;
    beforeAll(async () => {
      store = await harness.open();
    });
    afterAll(async () => {
      await store.close();
      await harness.cleanup();
    });

    it('appends with no-stream, exact and any, and names the actual revision on a conflict', async () => {
      const stream = uniqueStream('revisions');
      expect(await store.readStream(stream)).toEqual([]);
      const first = await store.append(stream, events(2), { expectedRevision: 'no-stream' });
      expect(first.nextExpectedRevision).toBe(1);
      expect(typeof first.position).toBe('string');
      await expect(store.append(stream, events(1), { expectedRevision: 'no-stream' })).rejects.toMatchObject({
        name: 'WrongExpectedRevisionError',
        actual: 1,
      });
      await expect(store.append(stream, events(1), { expectedRevision: 0 })).rejects.toBeInstanceOf(WrongExpectedRevisionError);
      const exact = await store.append(stream, events(1), { expectedRevision: 1 });
      expect(exact.nextExpectedRevision).toBe(2);
      expect(comparePositions(exact.position, first.position)).toBe(1);
      const any = await store.append(stream, events(1), { expectedRevision: 'any' });
      expect(any.nextExpectedRevision).toBe(3);
      await expect(store.append(uniqueStream('missing'), events(1), { expectedRevision: 4 })).rejects.toMatchObject({ actual: -1 });
      const stored = await store.readStream(stream);
      expect(stored.map((event) => event.revision)).toEqual([0, 1, 2, 3]);
      expect(stored[0]!.data).toEqual({ n: 0, text: 'ä€😀' });
      expect(await store.readStream(stream, { fromRevision: 2, maxCount: 1 })).toHaveLength(1);
    });

    it('lets exactly one of 50 parallel appends at the same expected revision win', async () => {
      const stream = uniqueStream('race');
      await store.append(stream, events(1), { expectedRevision: 'no-stream' });
      const results = await Promise.allSettled(
        Array.from({ length: 50 }, () => store.append(stream, events(1), { expectedRevision: 0 })),
      );
      const won = results.filter((result) => result.status === 'fulfilled');
      const lost = results.filter((result) => result.status === 'rejected') as PromiseRejectedResult[];
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(49);
      for (const failure of lost) expect(failure.reason).toBeInstanceOf(WrongExpectedRevisionError);
      expect(await store.readStream(stream)).toHaveLength(2);
    });

    it('acknowledges a replayed append once, and refuses a partial overlap without writing', async () => {
      const stream = uniqueStream('idempotent');
      const batch = events(3);
      const first = await store.append(stream, batch, { expectedRevision: 'no-stream' });
      const again = await store.append(stream, batch, { expectedRevision: 'no-stream' });
      expect(again).toEqual(first);
      expect(await store.readStream(stream)).toHaveLength(3);
      const overlap = [batch[2]!, ...events(1)];
      await expect(store.append(stream, overlap, { expectedRevision: 'any' })).rejects.toBeInstanceOf(DuplicateEventIdError);
      if (harness.detectsIdsAcrossStreams) {
        await expect(store.append(uniqueStream('elsewhere'), [batch[0]!], { expectedRevision: 'any' })).rejects.toBeInstanceOf(
          DuplicateEventIdError,
        );
      }
      expect(await store.readStream(stream)).toHaveLength(3);
    });

    it('reads $all from an arbitrary position, in batches', async () => {
      const stream = uniqueStream('read-all');
      const before = await store.headPosition();
      for (let i = 0; i < 5; i += 1) await store.append(stream, events(10, 'ContractTested', i * 10), { expectedRevision: 'any' });
      const mine = await readAllOf(store, new Set([stream]), before);
      expect(mine.map((event) => (event.data as { n: number }).n)).toEqual(Array.from({ length: 50 }, (_, i) => i));
      const middle = mine[22]!;
      const rest = await readAllOf(store, new Set([stream]), middle.position);
      expect(rest.map((event) => event.eventId)).toEqual(mine.slice(23).map((event) => event.eventId));
      const small = await store.readAll({ fromPosition: middle.position, maxCount: 3 });
      expect(small.events).toHaveLength(3);
      expect(small.lastPosition).toBe(small.events[2]!.position);
      expect(small.isEnd).toBe(false);
      expect(await store.headPosition()).toBe(mine[49]!.position);
    });

    it('delivers catch-up then live, in order, with no gap and no duplicate while appends continue', async () => {
      const streams = new Set([uniqueStream('live-a'), uniqueStream('live-b')]);
      const [a, b] = [...streams];
      const start = await store.headPosition();
      for (let i = 0; i < 40; i += 1) await store.append(i % 2 ? a! : b!, events(2), { expectedRevision: 'any' });

      const received: RecordedEvent[] = [];
      const subscription = store.subscribeToAll({ fromPosition: start });
      const consuming = (async () => {
        for await (const event of subscription) {
          if (streams.has(event.streamId)) received.push(event);
          if (received.length === 40 * 2 + 60 * 3) break;
        }
      })();
      for (let i = 0; i < 60; i += 1) {
        await store.append(i % 2 ? a! : b!, events(3), { expectedRevision: 'any' });
        if (i % 7 === 0) await new Promise((resolve) => setTimeout(resolve, 1));
      }
      await consuming;
      await subscription.close();

      const expected = await readAllOf(store, streams, start);
      expect(received.map((event) => event.eventId)).toEqual(expected.map((event) => event.eventId));
      for (let i = 1; i < received.length; i += 1) {
        expect(comparePositions(received[i]!.position, received[i - 1]!.position)).toBe(1);
      }
    }, 20_000);

    it('ends a subscription on abort', async () => {
      const controller = new AbortController();
      const subscription = store.subscribeToAll({ fromPosition: await store.headPosition(), signal: controller.signal });
      const ended = (async () => {
        for await (const _ of subscription) void _;
      })();
      controller.abort();
      await expect(ended).resolves.toBeUndefined();
    });

    it('keeps checkpoints, with positions as strings', async () => {
      const name = uniqueStream('projection');
      expect(await store.checkpoints.load(name)).toBeUndefined();
      await store.checkpoints.store(name, '9007199254740993');
      await store.checkpoints.store(name, '9007199254740995');
      expect(await store.checkpoints.load(name)).toBe('9007199254740995');
    });

    const inChild = harness.opensInChildProcess !== false;
    const crashTitle = 'keeps every acknowledged append, whole, when the writer is killed with SIGKILL';
    (inChild ? it : it.skip)(inChild ? crashTitle : `${crashTitle} (skipped: no child process can open this store)`, async () => {
      const prefix = uniqueStream('crash');
      const child = spawn(process.execPath, ['-r', join(__dirname, 'ts-child-loader.js'), join(__dirname, 'append-until-killed.ts')], {
        env: { ...process.env, ...harness.childEnv(), DTASK_TEST_STREAM_PREFIX: prefix },
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      const acked: { streamId: string; eventIds: string[] }[] = [];
      let buffered = '';
      await new Promise<void>((resolve, reject) => {
        child.on('error', reject);
        child.on('exit', (code, signal) => (signal === 'SIGKILL' ? resolve() : reject(new Error(`child exited ${code}`))));
        child.stdout!.on('data', (chunk: Buffer) => {
          buffered += chunk.toString();
          const lines = buffered.split('\n');
          buffered = lines.pop()!;
          for (const line of lines) {
            const [, streamId, ids] = line.split(' ');
            acked.push({ streamId: streamId!, eventIds: ids!.split(',') });
          }
          if (acked.length >= 300 && !child.killed) child.kill('SIGKILL');
        });
      });

      const reopened = await harness.open();
      try {
        const streams = new Map<string, RecordedEvent[]>();
        for (const { streamId } of acked) if (!streams.has(streamId)) streams.set(streamId, await reopened.readStream(streamId));
        const storedIds = new Set([...streams.values()].flat().map((event) => event.eventId));
        for (const append of acked) for (const eventId of append.eventIds) expect(storedIds.has(eventId)).toBe(true);
        for (const stored of streams.values()) {
          expect(stored.map((event) => event.revision)).toEqual(stored.map((_, i) => i));
          // All or nothing: every append's events are there together.
          const perAppend = new Map<string, number>();
          for (const event of stored) {
            const data = event.data as { round: number; size: number };
            perAppend.set(`${data.round}`, (perAppend.get(`${data.round}`) ?? 0) + 1);
          }
          for (const event of stored) {
            const data = event.data as { round: number; size: number };
            expect(perAppend.get(`${data.round}`)).toBe(data.size);
          }
        }
      } finally {
        await reopened.close();
      }
    }, 60_000);

    describeDeliveryContract(harness);
  });
}
