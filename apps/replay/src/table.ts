import { flatten } from '@dtask/read-models';

export type Row = Record<string, unknown>;

/** Aligned columns for a terminal; nested measures flattened to `a.b` names. */
export function table(title: string, rows: Row[], columns?: string[]): string {
  const flat = rows.map((row) => flatten(row));
  const names = columns ?? [...new Set(flat.flatMap((row) => Object.keys(row)))];
  const cell = (value: unknown) => (value === undefined || value === null ? '' : String(value));
  const widths = names.map((name) => Math.max(name.length, ...flat.map((row) => cell(row[name]).length)));
  const line = (values: string[]) => values.map((value, i) => value.padEnd(widths[i]!)).join('  ').trimEnd();
  return [title, line(names), ...flat.map((row) => line(names.map((name) => cell(row[name]))))].join('\n') + '\n';
}
