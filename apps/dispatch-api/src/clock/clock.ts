/** Time comes from here, never from `new Date()` in handlers, so tests and what-ifs can move it. */
export abstract class Clock {
  abstract now(): Date;
}

/** Where the system clock reads time: the wall clock, and a monotonic one that only moves forward. */
export interface TimeSources {
  /** Milliseconds since the epoch; may jump either way when the host's time is set. */
  wallMs(): number;
  /** Milliseconds from an arbitrary origin; never goes backwards. */
  monotonicMs(): number;
}

export const HOST_TIME: TimeSources = { wallMs: () => Date.now(), monotonicMs: () => performance.now() };

/**
 * The host's time, never going backwards. Wall time is anchored to a monotonic source: between
 * readings the clock moves by the monotonic time that passed, so a step of the host's clock back
 * (NTP, a hand correction, a VM restored) cannot stop S2's waiting clock or fire a deadline twice.
 * A wall clock ahead of that estimate is followed at once (re-anchoring), so forward corrections
 * are taken; a wall clock behind it is not: the service then runs ahead of the host until the host
 * catches up, which only makes deadlines fire sooner, never later.
 */
export class SystemClock extends Clock {
  private anchorWall: number;
  private anchorMonotonic: number;
  private last: number;

  constructor(private readonly sources: TimeSources = HOST_TIME) {
    super();
    this.anchorWall = sources.wallMs();
    this.anchorMonotonic = sources.monotonicMs();
    this.last = Math.floor(this.anchorWall);
  }

  now(): Date {
    const wall = this.sources.wallMs();
    const monotonic = this.sources.monotonicMs();
    let current = this.anchorWall + (monotonic - this.anchorMonotonic);
    if (wall > current) {
      this.anchorWall = wall;
      this.anchorMonotonic = monotonic;
      current = wall;
    }
    // Whole milliseconds, as Date keeps them, and never earlier than a time already given out.
    if (current > this.last) this.last = Math.floor(current);
    return new Date(this.last);
  }
}

/** A clock a test moves by hand. */
export class ManualClock extends Clock {
  private current: number;

  constructor(start: Date | string = new Date()) {
    super();
    this.current = new Date(start).getTime();
  }

  now(): Date {
    return new Date(this.current);
  }

  advance(milliseconds: number): void {
    this.current += milliseconds;
  }

  set(instant: Date | string): void {
    this.current = new Date(instant).getTime();
  }
}
