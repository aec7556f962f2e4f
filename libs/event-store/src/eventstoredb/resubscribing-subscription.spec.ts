import { getEventListeners } from 'node:events';
import { comparePositions, RecordedEvent } from '../port';
import { defaultBackoffMs, ResubscribingSubscription, SubscriptionEndedError, SubscriptionSource } from './resubscribing-subscription';

// Positions near 2^64, so that the loop is also shown never to compare them as numbers.
const BASE = 18446744073709550000n;
const event = (i: number): RecordedEvent => ({
  streamId: `dtask-${i % 3}`,
  revision: i,
  position: (BASE + BigInt(i) * 100n).toString(),
  eventId: `e${i}`,
  type: 'Tested',
  data: { i },
  metadata: {},
  recordedAt: '2026-01-01T00:00:00.000Z',
});
const log = Array.from({ length: 30 }, (_, i) => event(i + 1));

const untilAborted = (signal: AbortSignal) => new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));

/**
 * A source over `log` that drops after `k` events per connection, by throwing or by ending quietly.
 * `inclusive` makes it start at the given position rather than after it, as a server might.
 * Once it has nothing more it waits, like a live subscription, until its signal aborts.
 */
function droppingSource(k: number, how: 'throw' | 'end', inclusive = false) {
  const calls: (string | undefined)[] = [];
  const signals: AbortSignal[] = [];
  const source: SubscriptionSource = async function* (after, signal) {
    calls.push(after);
    signals.push(signal);
    const rest = log.filter((e) => after === undefined || comparePositions(e.position, after) >= (inclusive ? 0 : 1));
    if (rest.length === 0) return void (await untilAborted(signal));
    yield* rest.slice(0, k);
    if (rest.length <= k) return void (await untilAborted(signal));
    if (how === 'throw') throw new Error('14 UNAVAILABLE: connection reset');
  };
  return { source, calls, signals };
}

async function take(subscription: ResubscribingSubscription, count: number): Promise<string[]> {
  const received: string[] = [];
  for await (const e of subscription) {
    received.push(e.position);
    if (received.length === count) break;
  }
  return received;
}

describe('resubscribing subscription', () => {
  it('resubscribes after each drop from the last delivered position, with no gap and no duplicate', async () => {
    const { source, calls, signals } = droppingSource(7, 'throw');
    const drops: [number, string | undefined][] = [];
    const subscription = new ResubscribingSubscription(source, undefined, undefined, {
      backoffMs: () => 0,
      onDrop: (_error, attempt, resumeAfter) => drops.push([attempt, resumeAfter]),
    });
    expect(await take(subscription, 30)).toEqual(log.map((e) => e.position));
    expect(calls).toEqual([undefined, log[6]!.position, log[13]!.position, log[20]!.position, log[27]!.position]);
    expect(drops).toEqual(calls.slice(1).map((position) => [1, position]));
    // Leaving the for-await ended the last connection too.
    expect(signals.every((signal) => signal.aborted)).toBe(true);
  });

  it('treats a subscription that ends without being closed as a drop', async () => {
    const { source, calls } = droppingSource(5, 'end');
    const errors: unknown[] = [];
    const subscription = new ResubscribingSubscription(source, undefined, undefined, { backoffMs: () => 0, onDrop: (error) => errors.push(error) });
    expect(await take(subscription, 30)).toEqual(log.map((e) => e.position));
    expect(calls).toHaveLength(6);
    expect(errors.every((error) => error instanceof SubscriptionEndedError)).toBe(true);
  });

  it('skips what a source repeats at its start position', async () => {
    const { source } = droppingSource(4, 'throw', true);
    const subscription = new ResubscribingSubscription(source, log[2]!.position, undefined, { backoffMs: () => 0 });
    expect(await take(subscription, 27)).toEqual(log.slice(3).map((e) => e.position));
  });

  it('starts strictly after the given position', async () => {
    const { source, calls } = droppingSource(100, 'throw');
    const subscription = new ResubscribingSubscription(source, log[9]!.position, undefined);
    expect(await take(subscription, 1)).toEqual([log[10]!.position]);
    expect(calls).toEqual([log[9]!.position]);
  });

  it('ends on close() even while the source is stuck and ignores its signal', async () => {
    const source: SubscriptionSource = async function* () {
      await new Promise(() => undefined);
    };
    const stops: number[] = [];
    const subscription = new ResubscribingSubscription(source, undefined, undefined, { onStop: () => stops.push(1) });
    const consumed = take(subscription, 1);
    await new Promise((resolve) => setTimeout(resolve, 5));
    await subscription.close();
    await expect(consumed).resolves.toEqual([]);
    expect(stops).toEqual([1]);
  });

  it('ends on abort while waiting to resubscribe, and leaves no listener on the caller’s signal', async () => {
    const controller = new AbortController();
    const source: SubscriptionSource = async function* () {
      throw new Error('14 UNAVAILABLE');
    };
    const subscription = new ResubscribingSubscription(source, log[4]!.position, controller.signal, {
      backoffMs: () => 60_000,
      onDrop: () => setTimeout(() => controller.abort(), 5),
    });
    const started = Date.now();
    await expect(take(subscription, 1)).resolves.toEqual([]);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
    expect(subscription.position).toBe(log[4]!.position);
  });

  it('releases the caller’s signal when the consumer stops early', async () => {
    const controller = new AbortController();
    const { source } = droppingSource(100, 'throw');
    const subscription = new ResubscribingSubscription(source, undefined, controller.signal);
    await take(subscription, 3);
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
  });

  it('counts failures in a row for the backoff, and starts again after a delivery', async () => {
    let connection = 0;
    const source: SubscriptionSource = async function* () {
      connection += 1;
      if (connection <= 3 || connection === 5) throw new Error('14 UNAVAILABLE');
      yield event(connection);
    };
    const waits: number[] = [];
    const subscription = new ResubscribingSubscription(source, undefined, undefined, {
      backoffMs: (attempt) => (waits.push(attempt), 0),
    });
    expect(await take(subscription, 2)).toEqual([event(4).position, event(6).position]);
    expect(waits).toEqual([1, 2, 3, 1, 2]);
  });

  it('gives up on an error that another attempt cannot fix', async () => {
    const fatal = new TypeError('no position on event');
    const source: SubscriptionSource = async function* () {
      throw fatal;
    };
    const stops: number[] = [];
    const subscription = new ResubscribingSubscription(source, undefined, undefined, {
      isRetryable: (error) => !(error instanceof TypeError),
      onStop: () => stops.push(1),
    });
    await expect(take(subscription, 1)).rejects.toBe(fatal);
    expect(stops).toEqual([1]);
  });

  it('does not start when the caller’s signal is already aborted, and iterates only once', async () => {
    const controller = new AbortController();
    controller.abort();
    const { source, calls } = droppingSource(5, 'throw');
    const subscription = new ResubscribingSubscription(source, undefined, controller.signal);
    await expect(take(subscription, 1)).resolves.toEqual([]);
    expect(calls).toEqual([]);
    expect(() => subscription[Symbol.asyncIterator]()).toThrow(/once/);
  });

  it('backs off with jitter, doubling up to 5 s', () => {
    for (let i = 0; i < 50; i += 1) {
      expect(defaultBackoffMs(1)).toBeGreaterThanOrEqual(50);
      expect(defaultBackoffMs(1)).toBeLessThanOrEqual(100);
      expect(defaultBackoffMs(30)).toBeGreaterThanOrEqual(2_500);
      expect(defaultBackoffMs(30)).toBeLessThanOrEqual(5_000);
    }
  });
});
