/** Finland follows EU summer time: UTC+3 from the last Sunday of March 01:00 UTC to the last Sunday of October 01:00 UTC, else UTC+2. */
function lastSundayUtc(year: number, month: number): number {
  const lastDay = new Date(Date.UTC(year, month + 1, 0, 1));
  return lastDay.getTime() - lastDay.getUTCDay() * 86_400_000;
}

/** Summer time of each year seen, worked out once: a replay asks for every task. */
const summerTimeOfYear = new Map<number, [number, number]>();

export function helsinkiOffsetHours(epochMs: number): number {
  const year = new Date(epochMs).getUTCFullYear();
  let summer = summerTimeOfYear.get(year);
  if (!summer) summerTimeOfYear.set(year, (summer = [lastSundayUtc(year, 2), lastSundayUtc(year, 9)]));
  return epochMs >= summer[0] && epochMs < summer[1] ? 3 : 2;
}

/** Hour of day (0–23) on the centre's wall clock; the breakdown "by hour" uses local time. */
export function helsinkiHour(epochMs: number): number {
  return helsinkiWallClock(epochMs).getUTCHours();
}

/** The centre's wall clock at the instant, as a Date whose UTC fields read the local date and time. */
function helsinkiWallClock(epochMs: number): Date {
  return new Date(epochMs + helsinkiOffsetHours(epochMs) * 3_600_000);
}

/** Midnight of the centre's local day containing the instant, as epoch ms. */
export function helsinkiStartOfDay(epochMs: number): number {
  // The local date comes from the instant's offset; its midnight from midnight's own offset, which
  // differs on the two days a year the clocks change.
  const local = helsinkiWallClock(epochMs);
  return helsinkiMidnight(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate());
}

/** Local midnight in Helsinki of that calendar date (month 0–11, overflow allowed) as epoch ms. */
export function helsinkiMidnight(year: number, month: number, day: number): number {
  const localMidnightAsUtc = Date.UTC(year, month, day);
  // Clocks change at 03:00/04:00 local time, never near midnight, so the offset two hours either side is the same.
  return localMidnightAsUtc - helsinkiOffsetHours(localMidnightAsUtc - 2 * 3_600_000) * 3_600_000;
}

/**
 * Midnight on 1 January of the centre's year containing the instant, as epoch ms. The year is read
 * on the local clock: from 22:00 to 24:00 UTC on 31 December it is already the next one in Helsinki.
 */
export function helsinkiStartOfYear(epochMs: number): number {
  return helsinkiMidnight(helsinkiWallClock(epochMs).getUTCFullYear(), 0, 1);
}

/** The centre's calendar month containing the instant: its key `YYYY-MM` and its bounds [startMs, endMs). */
export function helsinkiMonth(epochMs: number): { key: string; startMs: number; endMs: number } {
  const local = helsinkiWallClock(epochMs);
  const year = local.getUTCFullYear();
  const month = local.getUTCMonth();
  return {
    key: `${year}-${String(month + 1).padStart(2, '0')}`,
    startMs: helsinkiMidnight(year, month, 1),
    endMs: helsinkiMidnight(year, month + 1, 1),
  };
}

/** A Helsinki calendar day `YYYY-MM-DD`, midnight to midnight (23 or 25 hours when the clocks change). */
export function helsinkiDay(date: string): { fromMs: number; toMs: number } {
  // From the date's own midnights: the offset at noon differs from midnight's when the clocks change.
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return { fromMs: helsinkiMidnight(year, month - 1, day), toMs: helsinkiMidnight(year, month - 1, day + 1) };
}
