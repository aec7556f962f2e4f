import { toCsv } from '../csv';
import { GROUP_BY, GroupBy, measure, measureGroups, MeasureOptions, Measures } from './load-reduction';
import { TaskFacts } from './task-facts';

export const BREAKDOWNS = ['total', ...GROUP_BY] as const;
export type Breakdown = 'total' | GroupBy;
export type MeasureRow = { breakdown: Breakdown; key: string } & Measures;

/**
 * Every measure over the whole window, then once per group of every breakdown: the rows of the
 * measures CSV, so an analyst gets in one file what the report gives one `groupBy` at a time.
 */
export function measureRows(tasks: TaskFacts[], options: MeasureOptions): MeasureRow[] {
  return [
    { breakdown: 'total', key: 'total', ...measure(tasks, options) },
    ...GROUP_BY.flatMap((by) => measureGroups(tasks, by, options).map((group): MeasureRow => ({ breakdown: by, ...group }))),
  ];
}

/** The rows as CSV: nested measures flattened, one `redirect.<kind>` column per kind any row has. */
export function measuresCsv(rows: MeasureRow[]): string {
  return toCsv(rows as unknown as Record<string, unknown>[]);
}
