import { EventStore, SqliteEventStore } from '@dtask/event-store';
import { EXPORT_BATCH, flatten, GROUP_BY } from '@dtask/read-models';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { ClientRequest, get } from 'node:http';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EVENT_STORE } from '../apps/dispatch-api/src/event-store/event-store.module';
import { generateYear } from '../apps/simulator/src/generate-year';
import { adviceDecision, cast } from './support/dtask-api';
import { cellOf, csvRows, exportNdjson, IDENTITY_CODE, Line, linesOf, matchesOf, PHONE_NUMBER, pseudonymisedEventLog, q } from './support/export-reading';
import { startTestApp, TestApp } from './support/test-app';

/** What one patient told the ERC and the nurses; none of it may leave in an export. */
const AINO = { personId: '131052-308T', name: 'Aino Virtanen', phone: '+358 40 765 4321', otherPhone: '+358501239876', address: 'Hämeentie 5 B 12' };
const MATTI = { name: 'Matti Meikäläinen', phone: '0401112233' };
const SECRETS = [AINO.personId, AINO.name, 'Aino', 'Virtanen', AINO.phone, AINO.otherPhone, '765 4321', AINO.address, MATTI.name, 'Meikäläinen', MATTI.phone];

// Each test streams the export of a few thousand generated events: seconds on a busy machine, not a timed check.
jest.setTimeout(30_000);

describe('analysts’ exports', () => {
  let app: TestApp;
  let api: Awaited<ReturnType<typeof cast>>;
  let generatedEvents = 0;
  const taskIds: Record<'first' | 'second' | 'cancelled' | 'escalated', string> = { first: '', second: '', cancelled: '', escalated: '' };

  beforeAll(async () => {
    // A few thousand events of a generated 2025, written by the real decider, then the service on top of them.
    const dir = mkdtempSync(join(tmpdir(), 'dtask-exports-'));
    const store = new SqliteEventStore({ fileName: join(dir, 'events.db'), synchronous: 'NORMAL' });
    generatedEvents = (await generateYear({ store, tasks: 2500, startMs: Date.parse('2025-01-01T00:00:00+02:00'), seed: 11 })).events;
    await store.close();
    // No deadline fires while the test compares exports taken at different moments.
    app = await startTestApp({ SCHEDULER_INTERVAL_MS: '3600000' }, dir);
    api = await cast(app);
    const { post, tokens } = api;

    // Aino: advice with a follow-up call, reached; personal data in every free-text field on the way.
    taskIds.first = await api.intake({ patient: { ageYears: 73, sex: 'female', personId: AINO.personId }, callbackPhone: AINO.phone, address: AINO.address, location: { lat: 65.0121, lon: 25.4651 }, ercNotes: `${AINO.name} kaatui, ${AINO.phone}` });
    await post(tokens.nurse, `/api/d-tasks/${taskIds.first}/claim`).expect(200);
    await post(tokens.nurse, `/api/d-tasks/${taskIds.first}/callbacks`, { outcome: 'reached', notes: `${AINO.name} vastasi numerosta ${AINO.phone}` }).expect(200);
    await post(tokens.nurse, `/api/d-tasks/${taskIds.first}/assessment`, { redFlags: [], concern: false, symptoms: `${AINO.name}: huimausta`, existingServices: ['home-care'], notes: `asuu osoitteessa ${AINO.address}` }).expect(200);
    await post(tokens.nurse, `/api/d-tasks/${taskIds.first}/decision`, { ...adviceDecision(new Date(Date.now() + 3_600_000).toISOString()), advice: `${AINO.name}, lepää` }).expect(200);
    await post(tokens.nurse2, `/api/d-tasks/${taskIds.first}/claim`).expect(200);
    await post(tokens.nurse2, `/api/d-tasks/${taskIds.first}/follow-up`, { outcome: 'reached', notes: `${AINO.name} voi paremmin` }).expect(200);

    // Aino again from another number: a second contact, redirected, declined, then a unit.
    taskIds.second = await api.intake({ patient: { ageYears: 73, sex: 'female', personId: AINO.personId }, callbackPhone: AINO.otherPhone, address: AINO.address, ercNotes: `${AINO.name} soittaa uudelleen` });
    await post(tokens.nurse, `/api/d-tasks/${taskIds.second}/claim`).expect(200);
    await post(tokens.nurse, `/api/d-tasks/${taskIds.second}/callbacks`, { outcome: 'reached' }).expect(200);
    await post(tokens.nurse, `/api/d-tasks/${taskIds.second}/assessment`, { redFlags: [], concern: false, symptoms: 'huimausta', notes: `tytär ${MATTI.name} paikalla` }).expect(200);
    await post(tokens.nurse, `/api/d-tasks/${taskIds.second}/decision`, { kind: 'redirect', target: 'oulu-home-care', handoffNote: `${AINO.name}, ${AINO.address}, ${AINO.phone}`, patientInformed: true }).expect(200);
    await post(tokens.homeCare, `/api/d-tasks/${taskIds.second}/handoff/decline`, { reason: `${AINO.name} ei ole asiakkaamme` }).expect(200);
    await post(tokens.nurse, `/api/d-tasks/${taskIds.second}/claim`).expect(200);
    await post(tokens.nurse, `/api/d-tasks/${taskIds.second}/decision`, { kind: 'send-unit', unitLevel: 'basic', urgency: 'D' }).expect(200);
    await post(tokens.erc, `/api/d-tasks/${taskIds.second}/mission`, { stage: 'completed', unitId: 'OU-121', conveyed: false, xCode: 'X-5' }).expect(200);

    // Matti, without an identity code: cancelled, and an escalation whose reason names him.
    taskIds.cancelled = await api.intake({ patient: { ageYears: 51 }, callbackPhone: MATTI.phone, ercNotes: MATTI.name });
    await post(tokens.erc, `/api/d-tasks/${taskIds.cancelled}/cancel`, { reason: `${MATTI.name} lähti taksilla` }).expect(200);
    taskIds.escalated = await api.assessed({ patient: { ageYears: 51 }, callbackPhone: MATTI.phone, ercNotes: MATTI.name }, ['chest-pain']);
    await post(tokens.nurse, `/api/d-tasks/${taskIds.escalated}/escalation`, { urgency: 'B', reason: `${MATTI.name}: rintakipu` }).expect(200);
    // A read of personal data: an audit event, which is not a D-task event and is not exported.
    await api.get(tokens.nurse, `/api/d-tasks/${taskIds.first}`).expect(200);
  }, 120_000);
  afterAll(() => app?.close());

  const exportEvents = (query = '', token = api.tokens.analyst) => exportNdjson(app, token, query);
  const eventLog = () => pseudonymisedEventLog(api);




  it('streams every D-task event once, in position order, as the event log shows it', async () => {
    const { response, text, chunks } = await exportEvents();
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/x-ndjson/);
    expect(response.headers['transfer-encoding']).toBe('chunked');
    expect(chunks).toBeGreaterThan(1);
    expect(text.endsWith('\n')).toBe(true);
    const lines = linesOf(text);
    expect(lines.length).toBeGreaterThan(generatedEvents);
    for (let i = 1; i < lines.length; i += 1) expect(BigInt(lines[i]!.position) > BigInt(lines[i - 1]!.position)).toBe(true);
    expect(lines.every((line) => line.streamId.startsWith('dtask-'))).toBe(true);
    expect(Object.keys(lines[0]!)).toEqual(['position', 'streamId', 'type', 'data', 'metadata']);
    expect(lines).toEqual(await eventLog());
  });

  it('leaves no identity code, name or phone number anywhere, and keeps one pseudonym per patient', async () => {
    const { text } = await exportEvents();
    for (const secret of SECRETS) expect(text.includes(secret) ? secret : '').toBe('');
    expect(matchesOf(text, IDENTITY_CODE)).toEqual([]);
    expect(matchesOf(text, PHONE_NUMBER)).toEqual([]);
    // The regexes do find what they look for, so their silence above means something.
    expect(`"${AINO.personId}"`).toMatch(IDENTITY_CODE);
    for (const phone of [AINO.phone, AINO.otherPhone, MATTI.phone]) expect(`"${phone}"`).toMatch(PHONE_NUMBER);

    const received = new Map(linesOf(text).filter((line) => line.type === 'DTaskReceived').map((line) => [line.streamId, line.data.patient as { ref: string }]));
    const ref = (taskId: string) => received.get(`dtask-${taskId}`)!.ref;
    expect(ref(taskIds.first)).toMatch(/^p-[0-9a-f]{24}$/);
    expect(ref(taskIds.second)).toBe(ref(taskIds.first));
    expect(ref(taskIds.cancelled)).toBe(ref(taskIds.escalated));
    expect(ref(taskIds.cancelled)).not.toBe(ref(taskIds.first));

    const csv = await api.get(api.tokens.analyst, `/api/export/measures.csv${q('2025-01-01T00:00:00+02:00', new Date(Date.now() + 3_600_000).toISOString())}`).expect(200);
    for (const secret of SECRETS) expect(csv.text.includes(secret) ? secret : '').toBe('');
    expect(matchesOf(csv.text, IDENTITY_CODE)).toEqual([]);
    expect(matchesOf(csv.text, PHONE_NUMBER)).toEqual([]);
  });

  it('filters by the time the event occurred, from inclusive, to exclusive', async () => {
    const all = linesOf((await exportEvents()).text);
    const week = { from: '2025-03-01T00:00:00+02:00', to: '2025-03-08T00:00:00+02:00' };
    const inWeek = all.filter((line) => Date.parse(line.metadata.occurredAt) >= Date.parse(week.from) && Date.parse(line.metadata.occurredAt) < Date.parse(week.to));
    expect(inWeek.length).toBeGreaterThan(100);
    expect(linesOf((await exportEvents(q(week.from, week.to))).text)).toEqual(inWeek);

    const pivot = inWeek[Math.floor(inWeek.length / 2)]!;
    const since = linesOf((await exportEvents(`?from=${encodeURIComponent(pivot.metadata.occurredAt)}`)).text);
    const before = linesOf((await exportEvents(`?to=${encodeURIComponent(pivot.metadata.occurredAt)}`)).text);
    expect(since.map((line) => line.position)).toContain(pivot.position);
    expect(before.map((line) => line.position)).not.toContain(pivot.position);
    expect(since.length + before.length).toBe(all.length);

    const empty = await exportEvents(q('2030-01-01T00:00:00Z', '2030-01-02T00:00:00Z'));
    expect([empty.response.status, empty.text]).toEqual([200, '']);
  });

  it('reads no faster than a slow client takes it, and stops reading when the client goes away', async () => {
    const server = app.app.getHttpServer();
    if (!server.listening) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const store = app.app.get<EventStore>(EVENT_STORE);
    const batches = Math.ceil(Number(await store.headPosition()) / EXPORT_BATCH);
    const reads = jest.spyOn(store, 'readAll');
    const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    try {
      // A client that takes the first piece and then reads nothing more.
      const request = await new Promise<ClientRequest>((resolve, reject) => {
        const request = get(
          { host: '127.0.0.1', port: (server.address() as AddressInfo).port, path: '/api/export/events.ndjson', headers: { Authorization: `Bearer ${api.tokens.analyst}` } },
          (response) => response.once('data', () => (response.pause(), resolve(request))),
        );
        request.on('error', reject);
      });
      await settle(1000);
      const readsWhilePaused = reads.mock.calls.length;
      expect(readsWhilePaused).toBeGreaterThan(0);
      expect(readsWhilePaused).toBeLessThan(batches - 2);
      request.on('error', () => undefined);
      request.destroy();
      await settle(500);
      expect(reads.mock.calls.length).toBe(readsWhilePaused);
    } finally {
      reads.mockRestore();
    }
  });

  it('lays every measure and breakdown out in one CSV whose numbers are the report’s', async () => {
    const window = q('2025-01-01T00:00:00+02:00', new Date(Date.now() + 3_600_000).toISOString());
    const csv = await api.get(api.tokens.analyst, `/api/export/measures.csv${window}`).expect(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    const rows = csvRows(csv.text);
    const report = (await api.get(api.tokens.analyst, `/api/reports/load-reduction${window}`).expect(200)).body;
    const totals = rows.filter((row) => row.breakdown === 'total');
    expect(totals).toHaveLength(1);
    expect(totals[0]!.key).toBe('total');
    for (const [column, value] of Object.entries(flatten(report.totals))) expect([column, totals[0]![column]]).toEqual([column, cellOf(value)]);
    expect(Number(totals[0]!.tasks)).toBeGreaterThan(2000);

    for (const by of GROUP_BY) {
      const groups = (await api.get(api.tokens.analyst, `/api/reports/load-reduction${window}&groupBy=${by}`).expect(200)).body.groups as Record<string, unknown>[];
      const ours = rows.filter((row) => row.breakdown === by);
      expect(ours.map((row) => row.key)).toEqual(groups.map((group) => group.key));
      groups.forEach((group, i) => {
        for (const [column, value] of Object.entries(flatten(group))) expect([by, group.key, column, ours[i]![column]]).toEqual([by, group.key, column, cellOf(value)]);
      });
    }
    expect(Object.keys(rows[0]!).filter((column) => column.startsWith('redirect.')).sort()).toEqual(
      ['helpline', 'home-care', 'hospital-at-home', 'mental-health', 'primary-care', 'social-on-call'].map((kind) => `redirect.${kind}`),
    );
  });

  it('takes the report’s default window: the year to date', async () => {
    const rows = csvRows((await api.get(api.tokens.supervisor, '/api/export/measures.csv').expect(200)).text);
    const report = (await api.get(api.tokens.supervisor, '/api/reports/load-reduction').expect(200)).body;
    expect(Number(rows[0]!.tasks)).toBe(report.totals.tasks);
    expect(rows[0]!.resolvedWithoutUnit).toBe(String(report.totals.resolvedWithoutUnit));
    expect(report.totals.tasks).toBe(4);
  });

  it('lets only analysts have the event log, and supervisors and analysts the measures', async () => {
    for (const role of ['nurse', 'partner', 'supervisor', 'erc', 'admin']) {
      const token = await app.tokenFor(role, `${role}-x`, role === 'partner' ? 'oulu-home-care' : undefined);
      expect([role, (await exportEvents('', token)).response.status]).toEqual([role, 403]);
    }
    for (const role of ['nurse', 'partner', 'erc', 'admin']) {
      const token = await app.tokenFor(role, `${role}-x`, role === 'partner' ? 'oulu-home-care' : undefined);
      expect([role, (await api.get(token, '/api/export/measures.csv')).status]).toEqual([role, 403]);
    }
    await app.http.get('/api/export/events.ndjson').expect(401);
  });

  it('names the bad query parameter', async () => {
    for (const path of ['/api/export/events.ndjson', '/api/export/measures.csv']) {
      const yesterday = await api.get(api.tokens.analyst, `${path}?from=yesterday`).expect(400);
      expect(yesterday.body).toMatchObject({ error: 'validation', issues: [{ path: 'from' }] });
      const backwards = await api.get(api.tokens.analyst, `${path}${q('2025-02-01T00:00:00Z', '2025-01-01T00:00:00Z')}`).expect(400);
      expect(backwards.body.issues[0].path).toBe('to');
      const unknown = await api.get(api.tokens.analyst, `${path}?limit=10`).expect(400);
      expect(JSON.stringify(unknown.body.issues)).toContain('limit');
    }
  });

  it('gives the same exports from the CLI, with the service’s pseudonym key', async () => {
    const window = { from: '2025-01-01T00:00:00+02:00', to: new Date(Date.now() + 3_600_000).toISOString() };
    const ndjson = (await exportEvents()).text;
    const measures = (await api.get(api.tokens.analyst, `/api/export/measures.csv${q(window.from, window.to)}`).expect(200)).text;
    await app.stop();

    const loader = join(__dirname, '..', 'libs', 'event-store', 'src', 'testing', 'ts-child-loader.js');
    const cliArgs = (args: string[]) => ['-r', loader, join(__dirname, 'support', 'run-replay-cli.js'), '--data-dir', app.dataDir, ...args];
    const env = (extra: Record<string, string> = {}) => ({ ...process.env, REPLAY_CLI_ENTRY: 'export', PSEUDONYM_KEY: '', ...extra });
    const cli = (args: string[], extra?: Record<string, string>) => execFileSync(process.execPath, cliArgs(args), { encoding: 'utf8', env: env(extra), maxBuffer: 1 << 30, stdio: 'pipe' });

    expect(cli(['--format', 'ndjson'])).toBe(ndjson);
    expect(cli(['--format', 'measures-csv', '--from', window.from, '--to', window.to])).toBe(measures);
    const out = join(app.dataDir, 'week.ndjson');
    cli(['--format', 'ndjson', '--from', '2025-03-01T00:00:00+02:00', '--to', '2025-03-08T00:00:00+02:00', '--out', out]);
    const inWeek = (line: Line) => Date.parse(line.metadata.occurredAt) >= Date.parse('2025-03-01T00:00:00+02:00') && Date.parse(line.metadata.occurredAt) < Date.parse('2025-03-08T00:00:00+02:00');
    expect(readFileSync(out, 'utf8')).toBe(linesOf(ndjson).filter(inWeek).map((line) => `${JSON.stringify(line)}\n`).join(''));

    const otherKey = linesOf(cli(['--format', 'ndjson'], { PSEUDONYM_KEY: 'another-county-key-0123456789abcdef' }));
    const firstReceived = (lines: Line[]) => lines.find((line) => line.streamId === `dtask-${taskIds.first}` && line.type === 'DTaskReceived')!.data.patient;
    expect(firstReceived(otherKey)).not.toEqual(firstReceived(linesOf(ndjson)));

    const shortKey = spawnSync(process.execPath, cliArgs(['--format', 'ndjson']), { encoding: 'utf8', env: env({ PSEUDONYM_KEY: 'short' }) });
    expect([shortKey.status, shortKey.stdout]).toEqual([2, '']);
    expect(shortKey.stderr).toMatch(/^PSEUDONYM_KEY: /);
    const badFrom = spawnSync(process.execPath, cliArgs(['--format', 'ndjson', '--from', 'yesterday']), { encoding: 'utf8', env: env() });
    expect([badFrom.status, badFrom.stderr]).toEqual([2, expect.stringMatching(/^--from: /)]);
  }, 120_000);
});
