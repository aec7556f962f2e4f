/** Flattens nested measures into columns such as `redirect.home-care`, `timeToContact.medianSeconds`. */
export function flatten(record: Record<string, unknown>, prefix = '', into: Record<string, unknown> = {}): Record<string, unknown> {
  for (const [key, value] of Object.entries(record)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) flatten(value as Record<string, unknown>, name, into);
    else into[name] = value;
  }
  return into;
}

/** Columns of counts by a kind some rows lack (a redirect target, a care level and timeframe): 0 there, not blank. */
const COUNTED_BY_KIND = /^(redirect|careLevel|careLevelWithin)\./;

export function toCsv(rows: Record<string, unknown>[]): string {
  const flat = rows.map((row) => flatten(row));
  const columns = [...new Set(flat.flatMap((row) => Object.keys(row)))];
  const cell = (value: unknown) => {
    if (value === undefined || value === null) return '';
    const text = String(value);
    return /[",\n\r]/.test(text) || /^[=+\-@]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return [columns.join(','), ...flat.map((row) => columns.map((column) => cell(row[column] ?? (COUNTED_BY_KIND.test(column) ? 0 : undefined))).join(','))].join('\r\n') + '\r\n';
}
