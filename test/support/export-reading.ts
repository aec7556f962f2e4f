import { cast } from './dtask-api';
import { TestApp } from './test-app';

/** What leaking personal data looks like in an export. */
export const IDENTITY_CODE = /(?<![0-9A-Za-z])\d{6}[-+A-FU-Y]\d{3}[0-9A-Y](?![0-9A-Za-z])/;
/** +358 or 0, then 7–10 digits with optional spaces or dashes; never inside a UUID (whose groups end in '-'). */
export const PHONE_NUMBER = /(?<![\w-])(?:\+358|0)[ -]?[1-9]\d(?:[ -]?\d){5,8}(?![\w-])/;
/** Every match, so a failure shows what leaked rather than the whole export. */
export const matchesOf = (text: string, pattern: RegExp) => text.match(new RegExp(pattern, 'g')) ?? [];

export interface Line {
  position: string;
  streamId: string;
  type: string;
  data: Record<string, unknown>;
  metadata: { occurredAt: string } & Record<string, unknown>;
}

/** The NDJSON export as text, and how many pieces it arrived in. */
export async function exportNdjson(app: TestApp, token: string, query = '') {
  let chunks = 0;
  const response = await app.http
    .get(`/api/export/events.ndjson${query}`)
    .set('Authorization', `Bearer ${token}`)
    .buffer(true)
    .parse((res, done) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        chunks += 1;
        text += chunk;
      });
      res.on('end', () => done(null, text));
    });
  return { response, text: response.body as string, chunks };
}

export const linesOf = (text: string): Line[] => text.split('\n').filter(Boolean).map((line) => JSON.parse(line) as Line);

/** The whole pseudonymised event log, page by page, as `GET /api/events` gives it. */
export async function pseudonymisedEventLog(api: Awaited<ReturnType<typeof cast>>): Promise<Line[]> {
  const events: Line[] = [];
  let from = '';
  for (;;) {
    const page = (await api.get(api.tokens.analyst, `/api/events?limit=5000${from}`).expect(200)).body;
    events.push(...page.events);
    if (page.isEnd) return events;
    from = `&fromPosition=${page.nextPosition}`;
  }
}

export const csvRows = (text: string) => {
  expect(text).not.toContain('"');
  const [header, ...lines] = text.trim().split('\r\n');
  const columns = header!.split(',');
  return lines.map((line) => Object.fromEntries(line.split(',').map((cell, i) => [columns[i]!, cell])));
};
export const cellOf = (value: unknown) => (value === null || value === undefined ? '' : String(value));
/** A report window as a query string. */
export const q = (from: string, to: string) => `?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`;
