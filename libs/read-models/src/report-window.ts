import { helsinkiStartOfYear } from './helsinki-time';

const DAY_MS = 86_400_000;

export interface ReportWindow {
  fromMs: number;
  toMs: number;
  /** Its length, for the yearly rate. */
  windowDays: number;
}

/**
 * [from, to) as asked; by default the year to date. The report, the measures export and the
 * export CLI share it, so the same question gets the same window everywhere.
 */
export function reportWindow(window: { from?: string; to?: string }, now: Date): ReportWindow {
  const toMs = window.to ? Date.parse(window.to) : now.getTime();
  const fromMs = window.from ? Date.parse(window.from) : helsinkiStartOfYear(now.getTime());
  return { fromMs, toMs, windowDays: (toMs - fromMs) / DAY_MS };
}
