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
  // The centre's year starts at midnight in Helsinki (UTC+2 in winter).
  const fromMs = window.from ? Date.parse(window.from) : Date.UTC(now.getUTCFullYear(), 0, 1) - 2 * 3_600_000;
  return { fromMs, toMs, windowDays: (toMs - fromMs) / DAY_MS };
}
