import { EventStore } from '@dtask/event-store';
import { Pseudonymiser, DEV_PSEUDONYM_KEY } from '@dtask/read-models';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ManualClock } from '../apps/dispatch-api/src/clock/clock';
import { EVENT_STORE } from '../apps/dispatch-api/src/event-store/event-store.module';
import { importOutcomes } from '../apps/outcomes-import/src/import-outcomes';
import { parseOutcomeCsv } from '../apps/outcomes-import/src/outcome-csv';
import { adviceDecision, cast, intakeBody } from './support/dtask-api';
import { startTestApp, TestApp } from './support/test-app';

const HOUR = 3_600_000;
const T0 = '2025-03-03T08:00:00.000Z';
/** Every decision is made 10 minutes after the intake. */
const DECIDED_MS = Date.parse(T0) + 10 * 60_000;
const after = (hours: number) => new Date(DECIDED_MS + hours * HOUR).toISOString();
const FROM = '2025-03-01T00:00:00+02:00';
const TO = '2025-04-01T00:00:00+03:00';
const WINDOW = `from=${encodeURIComponent(FROM)}&to=${encodeURIComponent(TO)}`;
/** Nothing listens here: a CLI that followed EVENTSTORE_URL instead of --data-dir would fail. */
const CLUSTER = 'kurrentdb://admin:s3cret@127.0.0.1:1?tls=false';
const LOADER = join(__dirname, '..', 'libs', 'event-store', 'src', 'testing', 'ts-child-loader.js');
const RUN = join(__dirname, 'support', 'run-ts-cli.js');

/** The CSV's rows as objects by column (no quoted commas in these). */
const csvRows = (text: string) => {
  const [header, ...lines] = text.trim().split('\r\n');
  const columns = header!.split(',');
  return lines.map((line) => Object.fromEntries(line.split(',').map((cell, i) => [columns[i]!, cell])));
};
const OUTCOME_CELLS = ['outcomes.noUnitDecisions', 'outcomes.edWithin24h.count', 'outcomes.edWithin24h.rate', 'outcomes.edWithin48h.count', 'outcomes.edWithin48h.rate', 'outcomes.admissionWithin48h.count', 'outcomes.admissionWithin48h.rate', 'outcomes.deathWithin30d.count', 'outcomes.deathWithin30d.rate', 'outcomes.casesForReview'];
const outcomeCells = (row: Record<string, string>) => OUTCOME_CELLS.map((column) => row[column]);

/**
 * A: Oulu, anna, advice, ED at 23 h. B: Oulu, ben, advice, ED at 30 h and admitted at 47 h.
 * C: Raahe, anna, advice, dead at 10 days. D: Raahe, ben, advice, ED at 49 h (too late to count).
 * E: Raahe, anna, a unit sent, ED and admission within 2 h (not a no-unit decision).
 */
const EXPECTED = {
  total: ['4', '1', '0.25', '2', '0.5', '1', '0.25', '1', '0.25', '2'],
  Oulu: ['2', '1', '0.5', '2', '1', '1', '0.5', '0', '0', '1'],
  Raahe: ['2', '0', '0', '0', '0', '0', '0', '1', '0.5', '1'],
  'nurse-anna': ['2', '1', '0.5', '1', '0.5', '0', '0', '1', '0.5', '1'],
  'nurse-ben': ['2', '0', '0', '1', '0.5', '1', '0.5', '0', '0', '1'],
};

describe('the outcome section in the measures CSV, the export CLI and the replay CLI', () => {
  let app: TestApp;
  let api: Awaited<ReturnType<typeof cast>>;
  const task: Record<string, string> = {};
  const personIds: string[] = [];
  let measuresCsv = '';
  let liveOutcomes: Record<string, unknown>;

  const cli = (entry: string, args: string[]) => {
    const run = spawnSync(process.execPath, ['-r', LOADER, RUN, entry, ...args, '--data-dir', app.dataDir], {
      encoding: 'utf8',
      env: { ...process.env, EVENTSTORE_URL: CLUSTER, PSEUDONYM_KEY: '' },
      timeout: 60_000,
    });
    return { code: run.status, stdout: run.stdout, stderr: run.stderr };
  };

  beforeAll(async () => {
    const clock = new ManualClock(T0);
    app = await startTestApp({ SCHEDULER_INTERVAL_MS: '3600000' }, undefined, clock);
    api = await cast(app);
    const plan = { A: ['Oulu', api.tokens.nurse], B: ['Oulu', api.tokens.nurse2], C: ['Raahe', api.tokens.nurse], D: ['Raahe', api.tokens.nurse2], E: ['Raahe', api.tokens.nurse] } as const;
    for (const [name, [municipality, nurse]] of Object.entries(plan)) {
      const personId = `0${personIds.length + 1}0456-9${personIds.length}3K`;
      personIds.push(personId);
      task[name] = (await api.post(api.tokens.erc, '/api/d-tasks', intakeBody({ receivedAt: T0, municipality, patient: { ageYears: 66, sex: 'female', personId } })).expect(201)).body.taskId;
      await api.post(nurse, `/api/d-tasks/${task[name]}/claim`).expect(200);
      await api.post(nurse, `/api/d-tasks/${task[name]}/callbacks`, { outcome: 'reached' }).expect(200);
      await api.post(nurse, `/api/d-tasks/${task[name]}/assessment`, { redFlags: [], concern: false, symptoms: 'dizziness', existingServices: [], notes: '' }).expect(200);
    }
    clock.advance(10 * 60_000);
    for (const name of ['A', 'B', 'C', 'D'] as const) await api.post(plan[name][1], `/api/d-tasks/${task[name]}/decision`, adviceDecision()).expect(200);
    await api.post(api.tokens.nurse, `/api/d-tasks/${task.E}/decision`, { kind: 'send-unit', unitLevel: 'basic', urgency: 'D' }).expect(200);

    // The warehouse's rows, keyed by the analysts' pseudonym of each patient.
    const log = (await api.get(api.tokens.analyst, '/api/events?limit=5000').expect(200)).body.events as { streamId: string; type: string; data: { patient: { ref: string } } }[];
    const ref = (name: string) => log.find((event) => event.type === 'DTaskReceived' && event.streamId === `dtask-${task[name]}`)!.data.patient.ref;
    const csv = ['patientRef,kind,at', `${ref('A')},ed-visit,${after(23)}`, `${ref('B')},ed-visit,${after(30)}`, `${ref('B')},admission,${after(47)}`, `${ref('C')},death,${after(240)}`, `${ref('D')},ed-visit,${after(49)}`, `${ref('E')},ed-visit,${after(1)}`, `${ref('E')},admission,${after(2)}`].join('\n');
    const parsed = parseOutcomeCsv(csv, Date.now());
    expect(parsed.errors).toEqual([]);
    await importOutcomes(app.app.get<EventStore>(EVENT_STORE), parsed.rows, { id: 'analyst-1', role: 'analyst' }, { nowIso: new Date().toISOString(), source: 'outcomes.csv' });
    // Past every limit, so the unit's recall is due by the service's clock as by the CLIs' (now).
    clock.advance(41 * 24 * HOUR);
    measuresCsv = (await api.get(api.tokens.analyst, `/api/export/measures.csv?${WINDOW}`).expect(200)).text;
    liveOutcomes = (await api.get(api.tokens.analyst, `/api/reports/outcomes?${WINDOW}`).expect(200)).body.outcomes;
  }, 60_000);
  afterAll(() => app.close());

  it('gives each row of the measures CSV the outcomes of its own tasks: the window’s, each municipality’s and each nurse’s', async () => {
    const rows = csvRows(measuresCsv);
    const total = rows.find((row) => row.breakdown === 'total')!;
    expect(outcomeCells(total)).toEqual(EXPECTED.total);
    expect([total['outcomes.imported'], total['outcomes.through']]).toEqual(['7', after(240)]);
    const municipality = (key: string) => rows.find((row) => row.breakdown === 'municipality' && row.key === key)!;
    expect(outcomeCells(municipality('Oulu'))).toEqual(EXPECTED.Oulu);
    expect(outcomeCells(municipality('Raahe'))).toEqual(EXPECTED.Raahe);
    // The analyst sees the nurses by pseudonym; the groups are still each nurse's own tasks.
    const pseudonymiser = new Pseudonymiser(DEV_PSEUDONYM_KEY);
    const nurse = (id: string) => rows.find((row) => row.breakdown === 'nurse' && row.key === pseudonymiser.staffPseudonym(id))!;
    expect(outcomeCells(nurse('nurse-anna'))).toEqual(EXPECTED['nurse-anna']);
    expect(outcomeCells(nurse('nurse-ben'))).toEqual(EXPECTED['nurse-ben']);
    expect(measuresCsv).not.toContain('nurse-anna');
    // The same figures as the report's section; the review list is the report's, by count here.
    expect(total['outcomes.edWithin48h.rate']).toBe(String((liveOutcomes.edWithin48h as { rate: number }).rate));
    expect(measuresCsv).not.toMatch(/p-[0-9a-f]{24}/);
    for (const personId of personIds) expect(measuresCsv).not.toContain(personId);
    // The supervisor's CSV carries them too, by nurse id.
    const supervisor = csvRows((await api.get(api.tokens.supervisor, `/api/export/measures.csv?${WINDOW}`).expect(200)).text);
    expect(outcomeCells(supervisor.find((row) => row.breakdown === 'nurse' && row.key === 'nurse-ben')!)).toEqual(EXPECTED['nurse-ben']);
    // A window without decisions: zeros, not blanks.
    const later = csvRows((await api.get(api.tokens.analyst, '/api/export/measures.csv?from=2025-05-01T00:00:00Z&to=2025-06-01T00:00:00Z').expect(200)).text);
    expect(outcomeCells(later[0]!)).toEqual(['0', '0', '0', '0', '0', '0', '0', '0', '0', '0']);
  });

  it('gives the load-reduction report as CSV the window’s outcomes on its total row', async () => {
    const text = (await api.get(api.tokens.analyst, `/api/reports/load-reduction?${WINDOW}`).set('Accept', 'text/csv').expect(200)).text;
    const [total] = csvRows(text);
    expect(total!.key).toBe('total');
    expect(outcomeCells(total!)).toEqual(EXPECTED.total);
  });

  it('gives the same CSV from the export CLI, and the replay CLI the section as JSON, CSV and a table, on --data-dir with EVENTSTORE_URL set', async () => {
    await app.stop();
    const exported = cli('apps/replay/src/export.ts', ['--format', 'measures-csv', '--from', FROM, '--to', TO]);
    expect(exported.code).toBe(0);
    expect(exported.stdout).toBe(measuresCsv);

    const json = cli('apps/replay/src/main.ts', ['--format', 'json', '--from', FROM, '--to', TO]);
    expect([json.code, json.stderr]).toEqual([0, 'replay: PSEUDONYM_KEY is not set; outcomes are linked by the dev key, and none imported under the service\'s key will match\n']);
    expect(JSON.parse(json.stdout).outcomes).toEqual(liveOutcomes);

    const csv = cli('apps/replay/src/main.ts', ['--format', 'csv', '--group-by', 'municipality', '--from', FROM, '--to', TO]);
    expect(csv.code).toBe(0);
    const rows = csvRows(csv.stdout);
    expect(rows.map((row) => [row.key, outcomeCells(row)])).toEqual([
      ['total', EXPECTED.total],
      ['Oulu', EXPECTED.Oulu],
      ['Raahe', EXPECTED.Raahe],
    ]);

    const table = cli('apps/replay/src/main.ts', ['--format', 'table', '--from', FROM, '--to', TO]);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/load reduction, tasks received/);
    expect(table.stdout).toContain(`outcomes after no-unit decisions (ED within 24 h and 48 h, admission within 48 h, death within 30 days; 7 outcomes imported, the latest ${after(240)})`);
    expect(table.stdout).toMatch(/\ntotal +4 +1 +0\.25 +2 +0\.5 +1 +0\.25 +1 +0\.25 +2\n/);
    expect(table.stdout).toContain('possible under-triage for review: 2');
    expect(table.stdout).toMatch(new RegExp(`${task.B} +p-[0-9a-f]{24} +phone-advice +${new Date(DECIDED_MS).toISOString()} +ed-visit \\+30 h; admission \\+47 h`));
    expect(table.stdout).toMatch(new RegExp(`${task.C} .*death \\+240 h`));
    for (const output of [json.stdout, csv.stdout, table.stdout]) for (const personId of personIds) expect(output).not.toContain(personId);
  }, 120_000);
});
