import { comparePositions, RecordedEvent } from '@dtask/event-store';

/**
 * The events the follower delivered last, kept in memory so live clients can switch from
 * catch-up to live without a gap. It knows where its memory starts: a position at or after that
 * is answered from memory, an earlier one is left to the store.
 */
export class RecentEvents {
  private events: RecordedEvent[] = [];
  /** Position of the newest event not kept; undefined while every event since the start is kept. */
  private droppedThrough: string | undefined;

  constructor(private readonly capacity: number) {}

  /** Keeps an event; beyond half as much again as the capacity, the oldest go, in one splice. */
  add(event: RecordedEvent): void {
    this.events.push(event);
    if (this.events.length > this.capacity * 1.5) {
      const dropped = this.events.splice(0, this.events.length - this.capacity);
      this.droppedThrough = dropped[dropped.length - 1]!.position;
    }
  }

  /**
   * Everything up to `position` is to be read from the store: after a resume from a snapshot, and
   * for the events of a rebuild (keeping them would carry every event of the store through memory
   * long enough to age, so the rebuild's garbage would fill the old generation).
   */
  forgetThrough(position: string | undefined): void {
    if (this.events.length > 0) this.events = [];
    this.droppedThrough = position;
  }

  /** The events kept after `position` (exclusive), or undefined when some of them are not kept. */
  after(position: string | undefined): RecordedEvent[] | undefined {
    if (this.droppedThrough !== undefined && (position === undefined || comparePositions(position, this.droppedThrough) < 0)) {
      return undefined;
    }
    let index = this.events.length;
    while (index > 0 && (position === undefined || comparePositions(this.events[index - 1]!.position, position) > 0)) index -= 1;
    return this.events.slice(index);
  }
}
