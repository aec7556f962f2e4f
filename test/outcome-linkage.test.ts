import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventStore, openEventStore, readAllBatches } from '@dtask/event-store';
import { readStoredEvent } from '@dtask/events';
import { DEV_PSEUDONYM_KEY, EventBatches, FoldEvent, Pseudonymiser, replayOutcomeLinkage } from '@dtask/read-models';
import { importOutcomes } from '../apps/outcomes-import/src/import-outcomes';
import { parseOutcomeCsv } from '../apps/outcomes-import/src/outcome-csv';
import { ManualClock } from '../apps/dispatch-api/src/clock/clock';
import { outcomeCsv } from '../apps/simulator/src/outcome-rows';
import { generatePeriod } from './support/generated-period';
import { adviceDecision, cast } from './support/dtask-api';
import { startTestApp, TestApp } from './support/test-app';

const HOUR = 3_600_000;
const T0 = '2025-03-03T08:00:00.000Z';
/** Every decision is made 10 minutes after the intake. */
const DECIDED_MS = Date.parse(T0) + 10 * 60_000;
const after = (hours: number) => new Date(DECIDED_MS + hours * HOUR).toISOString();
const ROOT = join(__dirname, '..');

/** The CLI from its sources, as `npm run import-outcomes` runs it built. */
const cliArgs = (args: string[]) => [
  '-r',
  join(ROOT, 'libs', 'event-store', 'src', 'testing', 'ts-child-loader.js'),
  '-e',
  `const M = require('node:module'); const { join } = require('node:path'); const r = M._resolveFilename;
   M._resolveFilename = function (q, ...rest) { const m = /^@dtask\\/([^/]+)$/.exec(q); return r.call(this, m ? join(${JSON.stringify(ROOT)}, 'libs', m[1], 'src', 'index.ts') : q, ...rest); };
   require(${JSON.stringify(join(ROOT, 'apps', 'outcomes-import', 'src', 'main.ts'))});`,
  '--',
  ...args,
];

describe('outcome linkage: the warehouse outcomes joined to the no-unit decisions by pseudonym', () => {
  let app: TestApp;
  let api: Awaited<ReturnType<typeof cast>>;
  let store: EventStore;
  const task: Record<string, string> = {};
  const ref: Record<string, string> = {};
  const personIds: string[] = [];
  let csvDir: string;

  beforeAll(async () => {
    const clock = new ManualClock(T0);
    app = await startTestApp({}, undefined, clock);
    api = await cast(app);
    csvDir = mkdtempSync(join(tmpdir(), 'outcomes-csv-'));
    // A to G: advised, except F, sent a unit.
    for (const name of ['A', 'B', 'C', 'D', 'E', 'F', 'G']) {
      const personId = `0${'ABCDEFG'.indexOf(name) + 1}0356-9${'ABCDEFG'.indexOf(name)}2K`;
      personIds.push(personId);
      task[name] = await api.assessed({ receivedAt: T0, patient: { ageYears: 70, sex: 'male', personId }, callbackPhone: `+35840765432${'ABCDEFG'.indexOf(name)}` });
    }
    clock.advance(10 * 60_000);
    for (const name of ['A', 'B', 'C', 'D', 'E', 'G']) await api.post(api.tokens.nurse, `/api/d-tasks/${task[name]}/decision`, adviceDecision()).expect(200);
    await api.post(api.tokens.nurse, `/api/d-tasks/${task.F}/decision`, { kind: 'send-unit', unitLevel: 'basic', urgency: 'D' }).expect(200);
    // The pseudonym the warehouse keys its rows by: the patient ref of the analysts' event log.
    const log = (await api.get(api.tokens.analyst, '/api/events?limit=5000').expect(200)).body.events as { streamId: string; type: string; data: { patient: { ref: string } } }[];
    for (const event of log.filter((e) => e.type === 'DTaskReceived')) {
      const name = Object.keys(task).find((n) => `dtask-${task[n]}` === event.streamId)!;
      ref[name] = event.data.patient.ref;
    }
    store = await openEventStore({ dataDir: app.dataDir, readBoundary: readStoredEvent });
  }, 60_000);
  afterAll(async () => {
    await store.close();
    await app.close();
    rmSync(csvDir, { recursive: true, force: true });
  });

  const rows = () =>
    [
      'patientRef,kind,at,note',
      `${ref.A},ed-visit,${after(23)},`,
      `${ref.A},ed-visit,${after(40)},second visit`,
      `${ref.B},ed-visit,${after(25)},`,
      `${ref.C},admission,${after(47)},"ward 3, internal medicine"`,
      `${ref.D},death,${after(29 * 24)},`,
      `${ref.E},death,${after(31 * 24)},`,
      // The unit-sent task's patient: not a no-unit decision, never counted.
      `${ref.F},ed-visit,${after(1)},`,
      `${ref.F},admission,${after(2)},`,
      // Before the decision: not what followed it.
      `${ref.G},ed-visit,${after(-2)},`,
    ].join('\r\n') + '\r\n';

  it('names the line and the field of every bad row, echoes no value, and writes nothing', async () => {
    const bad = [
      'patientRef;kind;at;note',
      `${ref.A};ed-visit;${after(1)};`,
      `${ref.A};ed;${after(1)};`,
      `${ref.A};death;2025-03-01 14:20;`,
      `${personIds[0]};death;${after(1)};`,
      `${ref.B};admission;${after(1)};"two`,
      `lines"`,
      `${ref.B};admission`,
      `p-123;admission;${after(1)};`,
      `${ref.C};death;2999-01-01T00:00:00Z;`,
    ].join('\n');
    const parsed = parseOutcomeCsv(bad, Date.now());
    expect(parsed.errors).toEqual([
      'line 3, kind: must be ed-visit, admission or death',
      'line 4, at: must be an ISO 8601 time with its offset, such as 2025-03-01T14:20:00+02:00',
      "line 5, patientRef: an identity code or a phone number, not a pseudonym; the import takes only the analysts' pseudonyms (p-…)",
      'line 8: 2 fields, the header has 4',
      "line 9, patientRef: must be a patient pseudonym as the analysts see it (p- and 24 hex digits)",
      'line 10, at: lies in the future',
    ]);
    expect(parsed.errors.join('\n')).not.toContain(personIds[0]);
    expect(parseOutcomeCsv('patientRef,kind,when\n', Date.now()).errors).toEqual([
      'line 1: column 3 "when" is unknown or repeated; the columns are patientRef,kind,at[,note]',
      'line 1: no column at; the columns are patientRef,kind,at[,note]',
    ]);
    const file = join(csvDir, 'bad.csv');
    writeFileSync(file, bad);
    const head = await store.headPosition();
    const run = spawnSync(process.execPath, cliArgs(['--file', file, '--data-dir', app.dataDir]), { encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('bad.csv: line 3, kind: must be ed-visit, admission or death');
    expect(run.stderr).toContain('bad.csv: nothing imported');
    expect(run.stderr).not.toContain(personIds[0]);
    expect(await store.headPosition()).toBe(head);
    // It held an identity code on purpose; the last test looks for any left in files.
    rmSync(file);
  }, 60_000);

  it('imports each outcome once: the CLI into each patient’s own stream, and the same file again writes nothing', async () => {
    const file = join(csvDir, 'outcomes.csv');
    writeFileSync(file, rows());
    const first = execFileSync(process.execPath, cliArgs(['--file', file, '--data-dir', app.dataDir, '--actor', 'analyst-1']), { encoding: 'utf8' });
    expect(first).toBe('outcomes.csv: 9 rows, 9 new outcomes written for 7 patients, 0 already imported\n');
    const head = await store.headPosition();
    const again = execFileSync(process.execPath, cliArgs(['--file', file, '--data-dir', app.dataDir]), { encoding: 'utf8' });
    expect(again).toBe('outcomes.csv: 9 rows, 0 new outcomes written for 7 patients, 9 already imported\n');
    // In process too, with the same rows written in another form of the same instants.
    const sameInstants = rows().replace(after(23), after(23).replace('Z', '+00:00'));
    const inProcess = await importOutcomes(store, parseOutcomeCsv(sameInstants, Date.now()).rows, { id: 'analyst-2', role: 'analyst' }, { nowIso: new Date().toISOString(), source: 'again.csv' });
    expect(inProcess).toMatchObject({ rows: 9, written: 0, alreadyStored: 9 });
    expect(await store.headPosition()).toBe(head);
    const stream = await store.readStream(`outcome-${ref.A}`);
    expect(stream.map((e) => [e.type, (e.data as { kind: string }).kind, (e.metadata as { actor: unknown }).actor])).toEqual([
      ['OutcomeRecorded', 'ed-visit', { id: 'analyst-1', role: 'analyst' }],
      ['OutcomeRecorded', 'ed-visit', { id: 'analyst-1', role: 'analyst' }],
    ]);
    // Never into a task's stream.
    expect((await store.readStream(`dtask-${task.A}`)).some((e) => e.type === 'OutcomeRecorded')).toBe(false);
  }, 60_000);

  it('counts what followed the no-unit decisions, and lists the admitted and the dead for review, pseudonyms only', async () => {
    const window = `from=${encodeURIComponent('2025-03-01T00:00:00+02:00')}&to=${encodeURIComponent('2025-04-01T00:00:00+03:00')}`;
    const body = (await api.get(api.tokens.analyst, `/api/reports/outcomes?${window}`).expect(200)).body;
    const outcomes = body.outcomes;
    reported = body;
    expect(outcomes).toMatchObject({
      noUnitDecisions: 6,
      edWithin24h: { count: 1, rate: 0.1667 },
      edWithin48h: { count: 2, rate: 0.3333 },
      admissionWithin48h: { count: 1, rate: 0.1667 },
      deathWithin30d: { count: 1, rate: 0.1667 },
      outcomesImported: 9,
      outcomesThrough: after(31 * 24),
    });
    const decidedAt = new Date(DECIDED_MS).toISOString();
    expect(outcomes.possibleUnderTriage).toEqual(
      expect.arrayContaining([
        { taskId: task.C, patientRef: ref.C, decision: 'phone-advice', decidedAt, followed: [{ kind: 'admission', at: after(47), hoursAfter: 47 }] },
        { taskId: task.D, patientRef: ref.D, decision: 'phone-advice', decidedAt, followed: [{ kind: 'death', at: after(29 * 24), hoursAfter: 696 }] },
      ]),
    );
    expect(outcomes.possibleUnderTriage).toHaveLength(2);
    // The same section in the load-reduction report, for the supervisor as well.
    const report = (await api.get(api.tokens.supervisor, `/api/reports/load-reduction?${window}`).expect(200)).body;
    expect(report.outcomes).toEqual(outcomes);
    // The replay of $all with the same folds and the service's key says the same.
    const batches = readAllBatches(store) as unknown as EventBatches;
    const replayWindow = { fromMs: Date.parse('2025-03-01T00:00:00+02:00'), toMs: Date.parse('2025-04-01T00:00:00+03:00') };
    expect(await replayOutcomeLinkage(batches, replayWindow, new Pseudonymiser(DEV_PSEUDONYM_KEY))).toEqual(outcomes);
    // Outside the window: no decision to link.
    const later = (await api.get(api.tokens.analyst, '/api/reports/outcomes?from=2025-05-01T00:00:00Z&to=2025-06-01T00:00:00Z').expect(200)).body;
    expect(later.outcomes).toMatchObject({ noUnitDecisions: 0, edWithin48h: { count: 0, rate: 0 }, possibleUnderTriage: [] });

    // Pseudonyms only: no identity code, number, address or note.
    const text = JSON.stringify(body);
    for (const personal of [...personIds, '+35840765432', 'Isokatu', 'ward 3']) expect(text).not.toContain(personal);
    expect(text.match(/p-[0-9a-f]{24}/g)?.every((found) => Object.values(ref).includes(found))).toBe(true);
    await api.get(api.tokens.nurse, `/api/reports/outcomes?${window}`).expect(403);
    await api.get(api.tokens.analyst, '/api/reports/outcomes?from=yesterday').expect(400);
  });

  let reported: unknown;
  it('leaves no identity code in any file outside the store: the CSV, the read-model snapshot', async () => {
    await app.stop();
    const walk = (path: string): string[] => (statSync(path).isDirectory() ? readdirSync(path).flatMap((name) => walk(join(path, name))) : [path]);
    const files = [csvDir, app.dataDir].flatMap((path) => walk(path));
    const outside = files.filter((file) => !/events\.db(-wal|-shm)?$/.test(file));
    expect(outside.some((file) => file.endsWith('snapshot.json'))).toBe(true);
    for (const file of outside) {
      const text = readFileSync(file, 'utf8');
      for (const personId of personIds) expect(text).not.toContain(personId);
      expect(text).not.toContain('+35840765432');
    }
  });

  it('gives the same outcomes after a restart on the same store (the read-model snapshot holds them)', async () => {
    app = await startTestApp({}, app.dataDir, new ManualClock(after(40 * 24)));
    const analyst = await app.tokenFor('analyst');
    const window = `from=${encodeURIComponent('2025-03-01T00:00:00+02:00')}&to=${encodeURIComponent('2025-04-01T00:00:00+03:00')}`;
    const body = (await app.http.get(`/api/reports/outcomes?${window}`).set('Authorization', `Bearer ${analyst}`).expect(200)).body;
    expect(body).toEqual(reported);
  }, 60_000);
});

describe('the simulator\'s outcome rows for a generated year', () => {
  it('are a valid import, by pseudonym only, at the reference figures\' rates', async () => {
    const period = await generatePeriod(3000, 14);
    try {
      const batches = () => (async function* () {
        yield period.all as unknown as FoldEvent[];
      })();
      const { csv, rows } = await outcomeCsv(batches(), { seed: 5, pseudonymKey: DEV_PSEUDONYM_KEY, untilMs: Date.now() });
      const parsed = parseOutcomeCsv(csv, Date.now());
      expect(parsed.errors).toEqual([]);
      expect(parsed.rows).toHaveLength(rows);
      for (const data of period.dataOf('DTaskReceived')) {
        const patient = data.patient as { personId?: string };
        if (patient.personId) expect(csv).not.toContain(patient.personId);
      }
      const outcomeEvents = parsed.rows.map((row, i) => ({ position: String(1e9 + i), streamId: `outcome-${row.outcome.patientRef}`, type: 'OutcomeRecorded', data: row.outcome, metadata: { occurredAt: row.outcome.at } }));
      const linkage = await replayOutcomeLinkage(
        (async function* () {
          yield [...(period.all as unknown as FoldEvent[]), ...outcomeEvents];
        })(),
        { fromMs: Number.NEGATIVE_INFINITY, toMs: Number.POSITIVE_INFINITY },
        new Pseudonymiser(DEV_PSEUDONYM_KEY),
      );
      expect(linkage.noUnitDecisions).toBeGreaterThan(500);
      expect(linkage.edWithin48h.rate).toBeGreaterThan(0.02);
      expect(linkage.edWithin48h.rate).toBeLessThan(0.07);
      expect(linkage.edWithin24h.count).toBeLessThan(linkage.edWithin48h.count);
      expect(linkage.admissionWithin48h.rate).toBeLessThan(0.025);
      expect(linkage.deathWithin30d.rate).toBeLessThan(0.01);
      // The conveyed patients' ED visits are rows too, and none of them counts.
      expect(rows).toBeGreaterThan(linkage.edWithin48h.count + linkage.admissionWithin48h.count + linkage.deathWithin30d.count);
    } finally {
      await period.close();
    }
  }, 120_000);
});
