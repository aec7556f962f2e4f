export interface SnapshotScheduleOptions {
  /** New events after which a snapshot is due. */
  everyEvents: number;
  /** A due snapshot is taken once no event has arrived for this long… */
  quietMs: number;
  /** …or this long after it fell due, under traffic that never pauses. */
  latestMs: number;
  now?: () => number;
}

/**
 * When to snapshot the read models. Saving one stops the event loop while every model is
 * serialised (tens of milliseconds for a busy day, more for a year), and every request waiting
 * meanwhile pays for it. So a due snapshot waits for a quiet moment, which a situation centre has
 * many of, with a bound for a log that never pauses.
 */
export class SnapshotSchedule {
  private eventsSince = 0;
  private dueSince: number | undefined;
  private lastEventAt = 0;
  private timer: NodeJS.Timeout | undefined;
  private readonly now: () => number;

  constructor(
    private readonly save: () => void,
    private readonly options: SnapshotScheduleOptions,
  ) {
    this.now = options.now ?? Date.now;
  }

  onEvent(): void {
    this.eventsSince += 1;
    if (this.dueSince !== undefined) {
      this.lastEventAt = this.now();
    } else if (this.eventsSince >= this.options.everyEvents) {
      this.dueSince = this.lastEventAt = this.now();
      this.timer = setInterval(() => this.saveIfQuiet(), this.options.quietMs);
      this.timer.unref();
    }
  }

  /** Forget what is due (the caller has just saved, e.g. at shutdown). */
  reset(): void {
    clearInterval(this.timer);
    this.timer = undefined;
    this.dueSince = undefined;
    this.eventsSince = 0;
  }

  private saveIfQuiet(): void {
    const now = this.now();
    if (this.dueSince === undefined) return;
    if (now - this.lastEventAt < this.options.quietMs && now - this.dueSince < this.options.latestMs) return;
    this.reset();
    this.save();
  }
}
