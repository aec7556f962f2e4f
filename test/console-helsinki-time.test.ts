import { helsinkiWallTimeIso } from '../apps/console/src/format';

/** The ERC desk's typed receive time is Helsinki wall-clock time; S2 counts from the instant it names. */
describe("the console's Helsinki wall-clock times", () => {
  it('names the instant with the offset in force at that time of day', () => {
    expect(helsinkiWallTimeIso('2026-01-15T10:00')).toBe('2026-01-15T10:00:00+02:00');
    expect(helsinkiWallTimeIso('2026-07-15T10:00')).toBe('2026-07-15T10:00:00+03:00');
  });

  it('takes summer time from 04:00 on the day it begins, not the offset of that midnight', () => {
    expect(helsinkiWallTimeIso('2026-03-29T02:30')).toBe('2026-03-29T02:30:00+02:00');
    expect(Date.parse(helsinkiWallTimeIso('2026-03-29T10:00')!)).toBe(Date.parse('2026-03-29T07:00:00Z'));
  });

  it('takes winter time from 03:00 on the day summer time ends, so the task does not seem an hour older', () => {
    expect(Date.parse(helsinkiWallTimeIso('2026-10-25T10:00')!)).toBe(Date.parse('2026-10-25T08:00:00Z'));
  });

  it('refuses what is no wall-clock time', () => {
    expect(helsinkiWallTimeIso('2026-10-25 10:00')).toBeUndefined();
    expect(helsinkiWallTimeIso('2026-13-01T10:00')).toBeUndefined();
  });
});
