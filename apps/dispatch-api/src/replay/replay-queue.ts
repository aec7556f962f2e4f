import { HttpException, ServiceUnavailableException } from '@nestjs/common';

/** A replay whose client has hung up stops (499, nginx's "client closed request"). */
export class ReplayAbandoned extends HttpException {
  constructor() {
    super({ error: 'abandoned', reason: 'the client closed the request' }, 499);
  }
}

/**
 * Replays one at a time, so the nurses' requests go on between a replay's batches. A few may wait
 * behind it; more are refused (503) instead of queued for ever, and one whose client has gone
 * leaves the queue at once.
 */
export class ReplayQueue {
  private running = false;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly maxWaiting: number) {}

  run<T>(signal: AbortSignal | undefined, replay: () => Promise<T>): Promise<T> {
    if (signal?.aborted) return Promise.reject(new ReplayAbandoned());
    if (this.running && this.waiting.length >= this.maxWaiting) {
      return Promise.reject(new ServiceUnavailableException({ error: 'busy', reason: 'replays are running and queued to their limit; retry shortly' }));
    }
    return new Promise<T>((resolve, reject) => {
      const start = () => {
        signal?.removeEventListener('abort', leave);
        if (signal?.aborted) {
          reject(new ReplayAbandoned());
          return this.next();
        }
        this.running = true;
        replay()
          .then(resolve, reject)
          .finally(() => {
            this.running = false;
            this.next();
          });
      };
      const leave = () => {
        const index = this.waiting.indexOf(start);
        if (index < 0) return;
        this.waiting.splice(index, 1);
        reject(new ReplayAbandoned());
      };
      if (!this.running && this.waiting.length === 0) return start();
      this.waiting.push(start);
      signal?.addEventListener('abort', leave, { once: true });
    });
  }

  get waitingCount(): number {
    return this.waiting.length;
  }

  private next(): void {
    this.waiting.shift()?.();
  }
}
