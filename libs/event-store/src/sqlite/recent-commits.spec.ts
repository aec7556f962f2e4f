import { RecordedEvent } from '../port';
import { RecentCommits } from './recent-commits';

const at = (position: number): RecordedEvent => ({
  streamId: `s-${position}`,
  revision: 0,
  position: String(position),
  eventId: `e-${position}`,
  type: 'T',
  data: {},
  metadata: {},
  recordedAt: '2026-11-23T12:00:00.000Z',
});
const positionsOf = (events: RecordedEvent[] | undefined) => events?.map((event) => Number(event.position));

describe('RecentCommits', () => {
  it('serves the kept events that follow a position with no gap', () => {
    const recent = new RecentCommits();
    recent.add([at(5), at(6), at(7)]);
    expect(positionsOf(recent.after(4, 100))).toEqual([5, 6, 7]);
    expect(positionsOf(recent.after(6, 100))).toEqual([7]);
  });

  it('leaves it to the file when something else may lie between', () => {
    const recent = new RecentCommits();
    recent.add([at(5), at(6)]);
    recent.add([at(9)]); // 7 and 8 are another process's rows
    expect(recent.after(3, 100)).toBeUndefined(); // 4 is not kept
    expect(recent.after(5, 100)).toBeUndefined(); // the run 6, 9 has a gap
    expect(positionsOf(recent.after(8, 100))).toEqual([9]);
    expect(recent.after(9, 100)).toBeUndefined(); // caught up: the file may hold newer rows of others
  });

  it('leaves it to the file beyond the count asked for', () => {
    const recent = new RecentCommits();
    recent.add([at(1), at(2), at(3)]);
    expect(recent.after(0, 2)).toBeUndefined();
  });

  it('forgets the oldest beyond its capacity', () => {
    const recent = new RecentCommits();
    recent.add(Array.from({ length: 10_000 }, (_, i) => at(i + 1)));
    expect(recent.after(0, 20_000)).toBeUndefined();
    expect(positionsOf(recent.after(9_998, 100))).toEqual([9_999, 10_000]);
  });
});
