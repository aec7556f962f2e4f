import { AllSubscription, ReadAllBatch, ReadAllOptions, RecordedEvent } from '../port';
import { ChangeSignal } from './change-signal';

/** Another process may write the same file (e.g. the year generator); poll for its commits this often. */
const POLL_INTERVAL_MS = 250;
const BATCH_SIZE = 512;

/**
 * Catch-up and live are one loop: read after the last delivered position until the end, then wait
 * for a commit (or the poll) and read again. The store's own order decides, so the switch from
 * catch-up to live can neither skip nor repeat an event. A batch is read only when the consumer
 * pulls, so a slow consumer holds at most one batch in memory.
 */
export class SqliteAllSubscription implements AllSubscription {
  private closed = false;
  private pendingWait?: { cancel(): void };

  constructor(
    private readonly readAll: (options: ReadAllOptions) => ReadAllBatch,
    private readonly changes: ChangeSignal,
    private readonly isStoreOpen: () => boolean,
    private last: string | undefined,
    signal?: AbortSignal,
    private readonly onClose: () => void = () => undefined,
  ) {
    signal?.addEventListener('abort', () => void this.close(), { once: true });
    if (signal?.aborted) this.closed = true;
  }

  async *[Symbol.asyncIterator](): AsyncIterator<RecordedEvent> {
    while (!this.closed && this.isStoreOpen()) {
      const batch = this.readAll({ fromPosition: this.last, maxCount: BATCH_SIZE });
      for (const event of batch.events) {
        if (this.closed) return;
        this.last = event.position;
        yield event;
      }
      if (batch.events.length < BATCH_SIZE && !this.closed) {
        const wait = this.changes.wait(POLL_INTERVAL_MS);
        this.pendingWait = wait;
        await wait.promise;
        this.pendingWait = undefined;
      }
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    this.pendingWait?.cancel();
    this.onClose();
  }
}
