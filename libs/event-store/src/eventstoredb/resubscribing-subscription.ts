import { AllSubscription, comparePositions, RecordedEvent } from '../port';

/** Opens a raw subscription after a position (exclusive); it may end or throw at any time. */
export type SubscriptionSource = (after: string | undefined, signal: AbortSignal) => AsyncIterable<RecordedEvent>;

export interface ResubscribeOptions {
  onDrop?(error: unknown, attempt: number): void;
  /** Backoff before the n-th retry in a row. */
  delayMs?(attempt: number): number;
}

const defaultDelay = (attempt: number) => Math.min(5_000, 100 * 2 ** Math.min(attempt, 6));

/**
 * EventStoreDB subscriptions can drop silently. This loop resubscribes from the last position it
 * delivered, and skips anything at or before it, so a drop causes neither a gap nor a duplicate.
 * It stops only on close() or abort.
 */
export class ResubscribingSubscription implements AllSubscription {
  private readonly controller = new AbortController();

  constructor(
    private readonly source: SubscriptionSource,
    private last: string | undefined,
    signal?: AbortSignal,
    private readonly options: ResubscribeOptions = {},
  ) {
    if (signal?.aborted) this.controller.abort();
    signal?.addEventListener('abort', () => this.controller.abort(), { once: true });
  }

  async *[Symbol.asyncIterator](): AsyncIterator<RecordedEvent> {
    const signal = this.controller.signal;
    let failures = 0;
    while (!signal.aborted) {
      try {
        for await (const event of this.source(this.last, signal)) {
          if (signal.aborted) return;
          if (this.last !== undefined && comparePositions(event.position, this.last) <= 0) continue;
          this.last = event.position;
          failures = 0;
          yield event;
        }
        if (signal.aborted) return;
        this.options.onDrop?.(new Error('subscription ended'), failures);
      } catch (error) {
        if (signal.aborted) return;
        this.options.onDrop?.(error, failures);
      }
      failures += 1;
      await sleep((this.options.delayMs ?? defaultDelay)(failures), signal);
    }
  }

  async close(): Promise<void> {
    this.controller.abort();
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const onAbort = () => {
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
