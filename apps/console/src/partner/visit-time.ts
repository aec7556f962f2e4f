import { addDays, helsinkiDate, helsinkiInstant } from '../format';

export type VisitDay = 'today' | 'yesterday';

/** Reported times may run this far ahead of the browser's clock (clocks drift a little). */
const CLOCK_SLACK_MS = 2 * 60_000;

/**
 * When the visit was, from the day chosen and a Helsinki wall time `hh.mm`: the instant, or the
 * words key of what is wrong with it (no time, in the future, before the redirect was made).
 */
export function visitInstant(day: VisitDay, text: string, nowMs: number, redirectedAt?: string): { at: number } | { problem: string } {
  const match = /^(\d{1,2})[.:](\d{2})$/.exec(text.trim());
  if (!match || Number(match[1]) > 23 || Number(match[2]) > 59) return { problem: 'partnerVisitTimeInvalid' };
  const today = helsinkiDate(nowMs);
  const at = helsinkiInstant(day === 'today' ? today : addDays(today, -1), Number(match[1]), Number(match[2]));
  if (at > nowMs + CLOCK_SLACK_MS) return { problem: 'partnerVisitInFuture' };
  const redirectedMs = redirectedAt ? Date.parse(redirectedAt) : Number.NEGATIVE_INFINITY;
  if (at < redirectedMs - 60_000) return { problem: 'partnerVisitBeforeRedirect' };
  // The minute typed holds the visit: in the minute of the redirect it was after it, in this minute not after now.
  return { at: Math.min(Math.max(at, redirectedMs), nowMs) };
}
