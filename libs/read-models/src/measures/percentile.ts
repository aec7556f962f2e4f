/** Nearest-rank percentile of an ascending list; undefined for no values. */
export function percentile(sortedAscending: number[], p: number): number | undefined {
  if (sortedAscending.length === 0) return undefined;
  const rank = Math.ceil((p / 100) * sortedAscending.length);
  return sortedAscending[Math.min(sortedAscending.length, Math.max(1, rank)) - 1];
}

/** Median and p90 of the values (sorted here, in place), rounded to `digits`; null for none. */
export function medianAndP90(values: number[], digits = 1): { median: number | null; p90: number | null } {
  values.sort((a, b) => a - b);
  const median = percentile(values, 50);
  const p90 = percentile(values, 90);
  return { median: median === undefined ? null : round(median, digits), p90: p90 === undefined ? null : round(p90, digits) };
}

export function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/** n of `of` as a share with four decimals; 0 of nothing. */
export const share = (n: number, of: number) => (of === 0 ? 0 : round(n / of, 4));
