import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { AccessLog } from '../apps/dispatch-api/src/audit/access-log';
import { redactedUrl } from '../apps/dispatch-api/src/audit/request-log';
import { ManualClock } from '../apps/dispatch-api/src/clock/clock';
import { cast } from './support/dtask-api';
import { startTestApp, TestApp } from './support/test-app';

const MINUTE = 60_000;
const START = '2026-11-24T12:00:00.000Z';
const RUN_SERVICE = join(__dirname, 'support', 'run-dispatch-api.js');

type Read = { at: string; actor: { id: string; role: string }; purpose: string; taskId: string };

/** Issue 14, item 6: who read a patient's data, when and why, by task or by identity code, for the data-protection officer. */
describe('the access log a patient may ask for', () => {
  let app: TestApp;
  let clock: ManualClock;
  let api: Awaited<ReturnType<typeof cast>>;
  let admin: string;

  beforeAll(async () => {
    clock = new ManualClock(START);
    app = await startTestApp({ SCHEDULER_INTERVAL_MS: '3600000' }, undefined, clock);
    api = await cast(app);
    admin = await app.tokenFor('admin', 'dpo-1');
  });
  afterAll(() => app.close());

  const at = (minutes: number) => clock.set(new Date(Date.parse(START) + minutes * MINUTE));
  const iso = (minutes: number) => new Date(Date.parse(START) + minutes * MINUTE).toISOString();
  const log = async (query: string) => (await api.get(admin, `/api/audit/personal-data-reads?${query}`).expect(200)).body.reads as Read[];
  const assessedNow = (patient?: Record<string, unknown>) => api.assessed({ receivedAt: clock.now().toISOString(), ...(patient ? { patient } : {}) });

  it('holds a partner’s read of a referral, and a nurse’s of the task, by task, newest first', async () => {
    at(0);
    const taskId = await assessedNow();
    await api.post(api.tokens.nurse, `/api/d-tasks/${taskId}/decision`, { kind: 'redirect', target: 'oulu-home-care', handoffNote: 'Käynti tänään.', patientInformed: true }).expect(200);
    at(2);
    await api.get(api.tokens.homeCare, '/api/handoffs').expect(200);
    at(4);
    await api.get(api.tokens.nurse2, `/api/d-tasks/${taskId}`).expect(200);
    expect(await log(`taskId=${taskId}`)).toEqual([
      { at: iso(4), actor: { id: 'nurse-ben', role: 'nurse' }, purpose: 'task-detail', taskId },
      { at: iso(2), actor: { id: 'kotihoito-1', role: 'partner' }, purpose: 'referral', taskId },
    ]);
  });

  it('finds every task of a patient by identity code, in any case, and only that patient’s, newest first', async () => {
    const patient = { ageYears: 67, sex: 'male', personId: '030405A678B' };
    at(10);
    const first = await assessedNow(patient);
    at(11);
    await api.get(api.tokens.nurse, `/api/d-tasks/${first}`).expect(200);
    at(20);
    const second = await assessedNow(patient);
    const someoneElse = await assessedNow({ ageYears: 40, sex: 'female', personId: '030405A678C' });
    at(21);
    await api.get(api.tokens.supervisor, `/api/d-tasks/${second}/record`).expect(200);
    at(22);
    await api.get(api.tokens.nurse, `/api/d-tasks/${second}/record.fhir`).expect(200);
    await api.get(api.tokens.nurse, `/api/d-tasks/${someoneElse}`).expect(200);

    const reads = await log('personId=030405a678b');
    expect(reads).toEqual([
      { at: iso(22), actor: { id: 'nurse-anna', role: 'nurse' }, purpose: 'record-fhir', taskId: second },
      { at: iso(21), actor: { id: 'super-sari', role: 'supervisor' }, purpose: 'record', taskId: second },
      { at: iso(11), actor: { id: 'nurse-anna', role: 'nurse' }, purpose: 'task-detail', taskId: first },
    ]);
    // Nobody's log: a patient with no task here.
    expect(await log('personId=311299-999X')).toEqual([]);
  });

  it('logs its own handing out, as an export by the officer, on each task of the answer', async () => {
    const patient = { ageYears: 90, sex: 'female', personId: '111111-111C' };
    at(30);
    const taskId = await assessedNow(patient);
    at(31);
    await api.get(api.tokens.nurse, `/api/d-tasks/${taskId}`).expect(200);
    at(32);
    const firstAnswer = await log('personId=111111-111C');
    // The answer is the log as it stood when asked.
    expect(firstAnswer.map((read) => read.purpose)).toEqual(['task-detail']);
    at(33);
    expect((await log(`taskId=${taskId}`)).slice(0, 2)).toEqual([
      { at: iso(32), actor: { id: 'dpo-1', role: 'admin' }, purpose: 'export', taskId },
      { at: iso(31), actor: { id: 'nurse-anna', role: 'nurse' }, purpose: 'task-detail', taskId },
    ]);
    const stored = await app.app.get(AccessLog).readsOf(taskId);
    expect(stored.map((read) => [read.purpose, read.actor.id])).toEqual([['task-detail', 'nurse-anna'], ['export', 'dpo-1'], ['export', 'dpo-1']]);
  });

  it('is the admin’s alone', async () => {
    const taskId = await assessedNow();
    const { tokens } = api;
    for (const token of [tokens.nurse, tokens.supervisor, tokens.homeCare, tokens.analyst, tokens.erc]) {
      await api.get(token, `/api/audit/personal-data-reads?taskId=${taskId}`).expect(403);
      await api.get(token, '/api/audit/personal-data-reads?personId=111111-111C').expect(403);
    }
    await app.http.get(`/api/audit/personal-data-reads?taskId=${taskId}`).expect(401);
    expect((await app.app.get(AccessLog).readsOf(taskId)).map((read) => read.purpose)).not.toContain('export');
  });

  it('is in the OpenAPI document with its two query fields, beside the record of care', async () => {
    const docs = (await app.http.get('/api/docs-json').expect(200)).body;
    const parameters = docs.paths['/api/audit/personal-data-reads'].get.parameters.map((parameter: { name: string; in: string }) => [parameter.in, parameter.name]);
    expect(parameters).toEqual(expect.arrayContaining([['query', 'taskId'], ['query', 'personId']]));
    expect(Object.keys(docs.paths)).toEqual(expect.arrayContaining(['/api/d-tasks/{id}/record', '/api/d-tasks/{id}/record.fhir']));
  });

  it('answers a bad query with a 400 naming the field, never quoting the identity code', async () => {
    const issuesOf = async (query: string) => {
      const response = await api.get(admin, `/api/audit/personal-data-reads${query}`).expect(400);
      expect(response.body.error).toBe('validation');
      return response.body.issues as { path: string; message: string }[];
    };
    expect((await issuesOf(''))[0]!.path).toBe('taskId');
    const taskId = await assessedNow();
    expect((await issuesOf(`?taskId=${taskId}&personId=111111-111C`)).map((issue) => issue.path)).toEqual(['personId']);
    const badCode = await issuesOf('?personId=111111Z111C');
    expect(badCode.map((issue) => issue.path)).toEqual(['personId']);
    expect(JSON.stringify(badCode)).not.toContain('111111Z111C');
    expect((await issuesOf('?taskId=12')).map((issue) => issue.path)).toEqual(['taskId']);
    expect(JSON.stringify(await issuesOf(`?taskId=${taskId}&ssn=111111-111C`))).toContain('ssn');
    await api.get(admin, `/api/audit/personal-data-reads?taskId=${globalThis.crypto.randomUUID()}`).expect(404);
  });
});

/** The identity code lives only in the event store: the request line of the log read must not hold it. */
describe('the request log', () => {
  let child: ChildProcess | undefined;
  let dataDir: string | undefined;
  afterAll(() => {
    if (child?.exitCode === null) child.kill();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('redacts personId from a url however it is spelled, leaving the rest', () => {
    expect(redactedUrl('/api/audit/personal-data-reads?personId=010142-123A')).toBe('/api/audit/personal-data-reads?personId=[redacted]');
    expect(redactedUrl('/x?a=1&PERSONID=010142-123A&b=2')).toBe('/x?a=1&PERSONID=[redacted]&b=2');
    expect(redactedUrl('/x?person%49d=010142-123A')).toBe('/x?person%49d=[redacted]');
    expect(redactedUrl('/x?taskId=1')).toBe('/x?taskId=1');
  });

  it('of a running service at info level logs the read of the access log, without the identity code', async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'dtask-request-log-'));
    child = spawn(process.execPath, [RUN_SERVICE], { env: { ...process.env, PORT: '0', HOST: '', DATA_DIR: dataDir, LOG_LEVEL: 'info' }, stdio: 'pipe' });
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const url = await new Promise<string>((resolve, reject) => {
      child!.stdout!.on('data', () => {
        const match = /listening on (http:\/\/[^\s]+)/.exec(output);
        if (match) resolve(match[1]!);
      });
      child!.on('exit', (code) => reject(new Error(`service exited ${code}: ${output}`)));
    });
    const http = request(url);
    const token = (await http.post('/api/auth/dev-token').send({ sub: 'dpo-1', role: 'admin' }).expect(200)).body.token as string;
    await http.get('/api/audit/personal-data-reads?personId=010142-123A').set('Authorization', `Bearer ${token}`).expect(200);
    await http.get('/api/audit/personal-data-reads?personid=010142-123A&x=1').set('Authorization', `Bearer ${token}`).expect(400);
    await new Promise<void>((resolve) => {
      child!.once('exit', () => resolve());
      child!.kill('SIGTERM');
    });
    expect(output).toContain('/api/audit/personal-data-reads?personId=[redacted]');
    expect(output).not.toContain('010142-123A');
    expect(output).not.toMatch(/010142/);
  }, 60_000);
});
