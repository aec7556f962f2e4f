import type { Translate } from './i18n';
import { isoDurationSeconds } from './partner/iso-duration';

/**
 * A disposition's timeframe (contract v1.1 `within`): sent as an ISO 8601 duration, shown as staff
 * say it: "2 h", "1 vrk" / "1 dygn" / "1 day". The choices follow the NTS practice that every
 * urgency has a time: within the hour, a few hours, the same day, the next days, the week.
 */
export const TIMEFRAMES = ['PT1H', 'PT2H', 'PT4H', 'PT8H', 'P1D', 'P3D', 'P7D'] as const;

const DAY = 86_400;

/** A timeframe longer than the receiving service's visit limit (the service refuses it for a redirect). */
export function beyondVisitLimit(within: string, visitHours: number | undefined): boolean {
  const seconds = within ? isoDurationSeconds(within) : undefined;
  return visitHours !== undefined && seconds !== undefined && seconds > visitHours * 3600;
}

/** "2 h", "1 h 30 min", "45 min", "1 vrk", "3 vrk"; the duration as it came when it is no duration. */
export function timeframeText(within: string, t: Translate): string {
  const seconds = isoDurationSeconds(within);
  if (seconds === undefined || seconds <= 0) return within;
  if (seconds % DAY === 0) {
    const days = seconds / DAY;
    return t(days === 1 ? 'timeframeDay' : 'timeframeDays', { days });
  }
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.round((seconds % 3600) / 60);
  if (hours === 0) return `${minutes} min`;
  return minutes === 0 ? `${hours} h` : `${hours} h ${minutes} min`;
}
