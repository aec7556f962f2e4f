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
  return new Date(epochMs + helsinkiOffsetHours(epochMs) * 3_600_000).getUTCHours();
}

/** Midnight of the centre's local day containing the instant, as epoch ms. */
export function helsinkiStartOfDay(epochMs: number): number {
  const offset = helsinkiOffsetHours(epochMs) * 3_600_000;
  const local = epochMs + offset;
  return local - (local % 86_400_000) - offset;
}
