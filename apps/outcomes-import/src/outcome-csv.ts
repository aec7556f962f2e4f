import { OUTCOME_CSV_COLUMNS, OutcomeRecorded, REQUIRED_OUTCOME_CSV_COLUMNS } from '@dtask/events';

/** One valid row: its line in the file (for errors and provenance) and its outcome. */
export interface OutcomeRow {
  line: number;
  outcome: OutcomeRecorded;
}

export interface ParsedOutcomes {
  rows: OutcomeRow[];
  /** One per problem: `line 7, kind: …`. Values are never echoed: a shifted column may hold anything. */
  errors: string[];
}

const COLUMNS = `${REQUIRED_OUTCOME_CSV_COLUMNS.join(',')}[,note]`;
/** What a Finnish personal identity code looks like, anywhere in a cell. */
const LOOKS_LIKE_IDENTITY_CODE = /\d{6}[-+A-FU-Y]\d{3}[0-9A-Y]/i;
const LOOKS_LIKE_PHONE = /^\+?[\d ()-]{7,}$/;

/**
 * The warehouse's outcome CSV (header `patientRef,kind,at[,note]`, comma or semicolon separated,
 * RFC 4180 quotes), checked row by row. A row naming a patient by anything but the analysts'
 * pseudonym is refused, as is a time in the future (`nowMs`).
 */
export function parseOutcomeCsv(text: string, nowMs: number): ParsedOutcomes {
  const records = csvRecords(text.replace(/^\uFEFF/, ''));
  const header = records.shift();
  if (!header) return { rows: [], errors: [`line 1: no header; the columns are ${COLUMNS}`] };
  const errors: string[] = [];
  const columns = header.fields.map((name) => name.trim());
  columns.forEach((name, i) => {
    if (!(OUTCOME_CSV_COLUMNS as readonly string[]).includes(name) || columns.indexOf(name) !== i) {
      errors.push(`line 1: column ${i + 1} "${name.slice(0, 30)}" is unknown or repeated; the columns are ${COLUMNS}`);
    }
  });
  for (const required of REQUIRED_OUTCOME_CSV_COLUMNS) if (!columns.includes(required)) errors.push(`line 1: no column ${required}; the columns are ${COLUMNS}`);
  if (errors.length > 0) return { rows: [], errors };
  const rows: OutcomeRow[] = [];
  for (const { line, fields } of records) {
    if (fields.length === 1 && fields[0]!.trim() === '') continue;
    if (fields.length !== columns.length) {
      errors.push(`line ${line}: ${fields.length} fields, the header has ${columns.length}`);
      continue;
    }
    const cell = (name: string) => {
      const value = fields[columns.indexOf(name)]?.trim();
      return value === '' ? undefined : value;
    };
    const rowErrors = checkRow(line, cell, nowMs);
    if (rowErrors.length > 0) {
      errors.push(...rowErrors);
      continue;
    }
    const at = new Date(Date.parse(cell('at')!)).toISOString();
    const note = cell('note');
    rows.push({ line, outcome: { patientRef: cell('patientRef')!, kind: cell('kind') as OutcomeRecorded['kind'], at, ...(note ? { note } : {}) } });
  }
  return { rows, errors };
}

function checkRow(line: number, cell: (name: string) => string | undefined, nowMs: number): string[] {
  const ref = cell('patientRef');
  if (ref !== undefined && !ref.startsWith('p-') && (LOOKS_LIKE_IDENTITY_CODE.test(ref) || LOOKS_LIKE_PHONE.test(ref))) {
    return [`line ${line}, patientRef: an identity code or a phone number, not a pseudonym; the import takes only the analysts' pseudonyms (p-…)`];
  }
  const parsed = OutcomeRecorded.safeParse({ patientRef: ref, kind: cell('kind'), at: cell('at'), note: cell('note') });
  const errors = parsed.success ? [] : parsed.error.issues.map((issue) => `line ${line}, ${issue.path.join('.')}: ${messageOf(String(issue.path[0]), issue.message)}`);
  if (parsed.success && Date.parse(parsed.data.at) > nowMs) errors.push(`line ${line}, at: lies in the future`);
  return errors;
}

function messageOf(field: string, zodMessage: string): string {
  if (field === 'at') return 'must be an ISO 8601 time with its offset, such as 2025-03-01T14:20:00+02:00';
  if (field === 'kind') return 'must be ed-visit, admission or death';
  if (/received undefined/.test(zodMessage)) return 'required';
  return zodMessage;
}

interface CsvRecord {
  /** The line the record starts on, 1-based. */
  line: number;
  fields: string[];
}

/** RFC 4180 records; the separator is the header's (`;` where a spreadsheet wrote one, else `,`). */
export function csvRecords(text: string): CsvRecord[] {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const separator = firstLine.includes(';') && !firstLine.includes(',') ? ';' : ',';
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let start = 1;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (char === '"') quoted = false;
      else {
        if (char === '\n') line += 1;
        field += char;
      }
    } else if (char === '"' && field === '') quoted = true;
    else if (char === separator) {
      fields.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i += 1;
      fields.push(field);
      records.push({ line: start, fields });
      fields = [];
      field = '';
      line += 1;
      start = line;
    } else field += char;
  }
  if (field !== '' || fields.length > 0) {
    fields.push(field);
    records.push({ line: start, fields });
  }
  return records;
}
