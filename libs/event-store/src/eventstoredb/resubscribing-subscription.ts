import { AllSubscription, comparePositions, RecordedEvent } from '../port';

/**
 * Opens one underlying subscription delivering events strictly after `after` (undefined: from the
 * start). It may end or throw at any time; it should stop when `signal` aborts.
 */
export type SubscriptionSource = (after: string | undefined, signal: AbortSignal) => AsyncIterable<RecordedEvent>;

export interface ResubscribeOptions {
  /** Milliseconds to wait before the n-th resubscription in a row (n starts at 1). */
  backoffMs?(attempt: number): number;
  /** False ends the subscription with the error instead of resubscribing. */
  isRetryable?(error: unknown): boolean;
  /** Called on each drop, before the wait: for logs and metrics. */
  onDrop?(error: unknown, attempt: number, resumeAfter: string | undefined): void;
  /** Called once when the subscription stops, however it stops. */
  onStop?(): void;
}

/** Full jitter on a doubling delay, capped at 5 s: many instances must not reconnect in step. */
export function defaultBackoffMs(attempt: number): number {
  const ceiling = Math.min(5_000, 100 * 2 ** Math.min(attempt - 1, 6));
  return Math.round(ceiling / 2 + (Math.random() * ceiling) / 2);
}

/** The underlying subscription ended although nobody asked it to. */
export class SubscriptionEndedError extends Error {
  override readonly name = 'SubscriptionEndedError';
  constructor() {
    super('the subscription ended without being closed');
  }
}

const STOPPED = Symbol('stopped');

/**
 * EventStoreDB subscriptions can drop, with an error or silently. This loop resubscribes from the
 * last position it delivered and skips anything at or before it, so a drop causes neither a gap
 * nor a duplicate, whichever way the source treats its start position. It stops on close(), on
 * the caller's signal, when the consumer leaves its `for await`, or on an error not worth retrying.
 */
export class ResubscribingSubscription implements AllSubscription {
  private readonly stop = new AbortController();
  private lastDelivered: string | undefined;
  private started = false;

  constructor(
    private readonly source: SubscriptionSource,
    fromPosition: string | undefined,
    signal: AbortSignal | undefined,
    private readonly options: ResubscribeOptions = {},
  ) {
    this.lastDelivered = fromPosition;
    const stopNow = () => this.stop.abort();
    const onStop = () => {
      signal?.removeEventListener('abort', stopNow);
      this.options.onStop?.();
    };
    this.stop.signal.addEventListener('abort', onStop, { once: true });
    if (signal?.aborted) this.stop.abort();
    else signal?.addEventListener('abort', stopNow, { once: true });
  }

  /** The position of the last event delivered (the start position before any). */
  get position(): string | undefined {
    return this.lastDelivered;
  }

  [Symbol.asyncIterator](): AsyncIterator<RecordedEvent> {
    if (this.started) throw new Error('a subscription can be iterated once; subscribe again instead');
    this.started = true;
    return this.run();
  }

  async close(): Promise<void> {
    this.stop.abort();
  }

  private async *run(): AsyncGenerator<RecordedEvent, void, undefined> {
    const stopped = this.stop.signal;
    const backoffMs = this.options.backoffMs ?? defaultBackoffMs;
    const isRetryable = this.options.isRetryable ?? (() => true);
    let attempt = 0;
    try {
      while (!stopped.aborted) {
        const connection = new AbortController();
        const endConnection = () => connection.abort();
        stopped.addEventListener('abort', endConnection, { once: true });
        let iterator: AsyncIterator<RecordedEvent> | undefined;
        let drop: unknown;
        try {
          iterator = this.source(this.lastDelivered, connection.signal)[Symbol.asyncIterator]();
          for (;;) {
            const next = await untilStopped(iterator.next(), stopped);
            if (next === STOPPED) return;
            if (next.done) {
              drop = new SubscriptionEndedError();
              break;
            }
            const event = next.value;
            if (this.lastDelivered !== undefined && comparePositions(event.position, this.lastDelivered) <= 0) continue;
            this.lastDelivered = event.position;
            attempt = 0;
            yield event;
            if (stopped.aborted) return;
          }
        } catch (error) {
          if (stopped.aborted) return;
          if (!isRetryable(error)) throw error;
          drop = error;
        } finally {
          stopped.removeEventListener('abort', endConnection);
          connection.abort();
          // Not awaited: a source stuck in next() must not hold up close().
          const opened = iterator;
          Promise.resolve()
            .then(() => opened?.return?.())
            .catch(() => undefined);
        }
        attempt += 1;
        this.options.onDrop?.(drop, attempt, this.lastDelivered);
        if (!(await sleep(backoffMs(attempt), stopped))) return;
      }
    } finally {
      this.stop.abort();
    }
  }
}

/** Settles with the step, or with STOPPED as soon as `signal` aborts; never leaves a listener behind. */
function untilStopped<T>(step: Promise<T>, signal: AbortSignal): Promise<T | typeof STOPPED> {
  if (signal.aborted) {
    step.catch(() => undefined);
    return Promise.resolve(STOPPED);
  }
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      // The abandoned step may still reject later; that is expected and must not go unhandled.
      step.catch(() => undefined);
      resolve(STOPPED);
    };
    signal.addEventListener('abort', onAbort, { once: true });
    step.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

/** Resolves true after `ms`, or false at once when `signal` aborts. */
function sleep(ms: number, signal: AbortSignal): Promise<boolean> {
  if (signal.aborted) return Promise.resolve(false);
  return new Promise((resolve) => {
    const onAbort = () => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve(true);
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
