import { RecordedEvent } from '../port';

/** About a second of the heaviest load measured; a subscriber further behind reads the file. */
const CAPACITY = 4096;

/**
 * The events of this process's latest commits, kept once committed, so a subscriber
 * that is following live takes them from memory instead of reading its own writes back from the
 * file. Served only when they continue the subscriber's position with no gap through to the last
 * one kept: any other process's rows in between, or a subscriber further behind, are read from
 * the file as before.
 */
export class RecentCommits {
  private events: RecordedEvent[] = [];
  private positions: number[] = [];

  add(events: readonly RecordedEvent[]): void {
    for (const event of events) {
      this.events.push(event);
      this.positions.push(Number(event.position));
    }
    if (this.events.length > CAPACITY * 2) {
      this.events = this.events.slice(-CAPACITY);
      this.positions = this.positions.slice(-CAPACITY);
    }
  }

  /** Every kept event after `position`, if they follow it without a gap; otherwise undefined. */
  after(position: number, maxCount: number): RecordedEvent[] | undefined {
    const { positions } = this;
    const last = positions.length - 1;
    if (last < 0 || positions[last]! <= position) return undefined;
    const start = firstAbove(positions, position);
    const count = last - start + 1;
    if (count > maxCount || positions[start] !== position + 1 || positions[last]! - positions[start]! !== count - 1) return undefined;
    return this.events.slice(start);
  }
}

function firstAbove(sorted: readonly number[], value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (sorted[middle]! <= value) low = middle + 1;
    else high = middle;
  }
  return low;
}
