import { comparePositions } from '@dtask/event-store';

/** Queries waiting for the read models to reach a position (read-your-writes). */
export class PositionWaiters {
  private readonly waiters = new Set<{ position: string; resolve: () => void }>();

  /** Resolves once `release` passes `position`; gives up quietly after the timeout. */
  wait(reached: string | undefined, position: string | undefined, timeoutMs: number): Promise<void> {
    if (position === undefined || (reached !== undefined && comparePositions(reached, position) >= 0)) return Promise.resolve();
    return new Promise((resolve) => {
      const waiter = { position, resolve };
      this.waiters.add(waiter);
      if (Number.isFinite(timeoutMs)) {
        setTimeout(() => {
          if (this.waiters.delete(waiter)) resolve();
        }, timeoutMs).unref();
      }
    });
  }

  /** Every listener has now seen `position`. */
  release(position: string): void {
    for (const waiter of this.waiters) {
      if (comparePositions(position, waiter.position) >= 0) {
        this.waiters.delete(waiter);
        waiter.resolve();
      }
    }
  }
}
