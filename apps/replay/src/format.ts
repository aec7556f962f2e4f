import { flatten, LoadReductionReplay, toCsv } from '@dtask/read-models';

export type Format = 'table' | 'csv' | 'json';

/** Renders a replay as an aligned table for a terminal, CSV for a spreadsheet, or JSON for a script. */
export function render(result: LoadReductionReplay, format: Format): string {
  const rows = [{ key: 'total', ...result.totals }, ...result.groups];
  if (format === 'json') return `${JSON.stringify(result, null, 2)}\n`;
  if (format === 'csv') return toCsv(rows as unknown as Record<string, unknown>[]);
  const flat = rows.map((row) => flatten(row as unknown as Record<string, unknown>));
  const columns = ['key', 'tasks', 'cancelled', 'resolvedWithoutUnit', 'resolvedWithoutUnitShare', 'unitRequested', 'phoneAdvice', 'escalated', 'autoDispatch.unreachable', 'autoDispatch.waitingLimit', 'unitHoursAvoided', 'yearlyRate', 'timeToContact.medianSeconds', 'secondContacts.within24h'];
  const cell = (value: unknown) => (value === undefined || value === null ? '' : String(value));
  const widths = columns.map((column) => Math.max(column.length, ...flat.map((row) => cell(row[column]).length)));
  const line = (values: string[]) => values.map((value, i) => value.padEnd(widths[i]!)).join('  ');
  const header = `load reduction, tasks received ${result.from} – ${result.to} (${result.events} events replayed; reference ${result.totals.referencePerYear}/year, assumed mission ${result.totals.assumedMissionMinutes} min)`;
  return [header, line(columns), ...flat.map((row) => line(columns.map((column) => cell(row[column]))))].join('\n') + '\n';
}
