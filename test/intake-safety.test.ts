import { DTaskState, initialState } from '@dtask/domain';
import { EventStore } from '@dtask/event-store';
import { ManualClock, SystemClock, TimeSources } from '../apps/dispatch-api/src/clock/clock';
import { DeadlineScheduler } from '../apps/dispatch-api/src/d-tasks/deadline-scheduler';
import { TaskBoard } from '../apps/dispatch-api/src/d-tasks/task-board.read-model';
import { EVENT_STORE } from '../apps/dispatch-api/src/event-store/event-store.module';
import { adviceDecision, cast, intakeBody } from './support/dtask-api';
import { startTestApp, TestApp } from './support/test-app';

const MINUTE = 60_000;

/** Issue 11, clinical safety: S2 cannot be switched off by the ERC's time or our own clock; closing and intake guard the patient. */
describe('clinical safety at intake, S2 and closing, through the HTTP API', () => {
  let app: TestApp;
  let clock: ManualClock;
  let api: Awaited<ReturnType<typeof cast>>;
  let store: EventStore;

  beforeAll(async () => {
    clock = new ManualClock();
    app = await startTestApp({ SCHEDULER_INTERVAL_MS: '60000' }, undefined, clock);
    api = await cast(app);
    store = app.app.get(EVENT_STORE);
  });
  afterAll(() => app.close());

  const tick = () => app.app.get(DeadlineScheduler).tick();
  const events = async (taskId: string) => store.readStream(`dtask-${taskId}`);
  const typesOf = async (taskId: string) => (await events(taskId)).map((event) => event.type);
  const queued = async (taskId: string) =>
    (await api.get(api.tokens.supervisor, '/api/d-tasks').expect(200)).body.tasks.find((task: { taskId: string }) => task.taskId === taskId);
  const isoIn = (minutes: number) => new Date(clock.now().getTime() + minutes * MINUTE).toISOString();

  describe('S2 counts from our receipt at the latest', () => {
    it('a receivedAt an hour ahead is clamped to our receipt, flagged, and S2 alerts at 20 and dispatches at 60 real minutes', async () => {
      const receiptAt = clock.now().toISOString();
      const ercTime = isoIn(60);
      const taskId = await api.intake({ receivedAt: ercTime });
      const [received] = await events(taskId);
      expect(received!.data).toMatchObject({ receivedAt: receiptAt, ercReceivedAt: ercTime, receivedAtCorrected: 'future' });
      expect(await queued(taskId)).toMatchObject({ receivedAt: receiptAt, flags: ['received-at-corrected'] });

      clock.advance(21 * MINUTE);
      await tick();
      expect((await queued(taskId)).flags).toContain('s2-alert');
      clock.advance(40 * MINUTE);
      await tick();
      const unit = (await events(taskId)).find((event) => event.type === 'UnitRequested');
      expect(unit?.data).toMatchObject({ reason: 'waiting-limit' });
    });

    it('a receivedAt two days old is clamped instead of dispatching a unit at once', async () => {
      const ercTime = isoIn(-48 * 60);
      const taskId = await api.intake({ receivedAt: ercTime });
      expect((await events(taskId))[0]!.data).toMatchObject({ receivedAt: clock.now().toISOString(), ercReceivedAt: ercTime, receivedAtCorrected: 'implausibly-old' });
      await tick();
      expect(await typesOf(taskId)).toEqual(['DTaskReceived']);
      expect((await queued(taskId)).flags).toEqual(['received-at-corrected']);
    });

    it('a real receivedAt 30 minutes old is kept: the alert is already due', async () => {
      const ercTime = isoIn(-30);
      const taskId = await api.intake({ receivedAt: ercTime });
      expect((await events(taskId))[0]!.data).toMatchObject({ receivedAt: ercTime });
      expect((await events(taskId))[0]!.data).not.toHaveProperty('receivedAtCorrected');
      await tick();
      expect((await queued(taskId)).flags).toEqual(['s2-alert']);
    });

    it('a task whose times cannot be read does not stop S2 for every other task', async () => {
      const open = app.app.get(TaskBoard).open as Map<string, DTaskState>;
      const bogus = '00000000-0000-4000-8000-000000000001';
      open.set(bogus, { ...initialState, exists: true, taskId: bogus, receivedAt: 'not a time', revision: 0 });
      try {
        const taskId = await api.intake({ receivedAt: isoIn(-21) });
        await tick();
        expect((await queued(taskId)).flags).toEqual(['s2-alert']);
      } finally {
        open.delete(bogus);
      }
    });

    it.each([
      ['year 9999', '9999-12-31T23:59:59Z', /2000–2100/],
      ['year 0000', '0000-01-01T00:00:00Z', /2000–2100/],
      ['year 1999', '1999-12-31T12:00:00Z', /2000–2100/],
      ['an offset of +23:59', '2026-12-01T10:00:00+23:59', /offset/],
    ])('refuses a receivedAt in %s with 400 naming the field, writing nothing', async (_name, receivedAt, message) => {
      const body = intakeBody({ receivedAt });
      const refused = await api.post(api.tokens.erc, '/api/d-tasks', body).expect(400);
      expect(refused.body).toEqual({ error: 'validation', issues: [{ path: 'receivedAt', message: expect.stringMatching(message) }] });
      // The same ERC id with a sound time is then a new task: nothing was written before.
      await api.post(api.tokens.erc, '/api/d-tasks', { ...body, receivedAt: clock.now().toISOString() }).expect(201);
    });
  });

  describe('a follow-up call pending', () => {
    /** nurse-anna gave phone advice with a follow-up call in two hours; the task waits for it unclaimed. */
    const advisedWithFollowUp = async () => {
      const taskId = await api.assessed({ receivedAt: clock.now().toISOString() });
      await api.post(api.tokens.nurse, `/api/d-tasks/${taskId}/decision`, adviceDecision(isoIn(120))).expect(200);
      return taskId;
    };

    it('a nurse who never claimed the task cannot close it, and the follow-up call stays booked', async () => {
      const taskId = await advisedWithFollowUp();
      const refused = await api.post(api.tokens.nurse2, `/api/d-tasks/${taskId}/close`, {}).expect(409);
      expect(refused.body).toMatchObject({ error: 'conflict', reason: 'not-claimed' });
      expect(await typesOf(taskId)).not.toContain('DTaskClosed');
      const decided = (await api.get(api.tokens.supervisor, '/api/d-tasks?status=decided').expect(200)).body.tasks;
      expect(decided.find((task: { taskId: string }) => task.taskId === taskId)).toMatchObject({ status: 'decided', flags: ['follow-up-pending'] });
    });

    it('nor can the advising nurse without claiming it again', async () => {
      const taskId = await advisedWithFollowUp();
      await api.post(api.tokens.nurse, `/api/d-tasks/${taskId}/close`, {}).expect(409);
      expect(await typesOf(taskId)).not.toContain('DTaskClosed');
    });

    it('the nurse who claimed it may close it', async () => {
      const taskId = await advisedWithFollowUp();
      await api.post(api.tokens.nurse2, `/api/d-tasks/${taskId}/claim`).expect(200);
      const closed = await api.post(api.tokens.nurse2, `/api/d-tasks/${taskId}/close`, {}).expect(200);
      expect(closed.body).toMatchObject({ status: 'closed', closedOutcome: 'phone-advice' });
    });

    it('a supervisor may close it unclaimed', async () => {
      const taskId = await advisedWithFollowUp();
      await api.post(api.tokens.supervisor, `/api/d-tasks/${taskId}/close`, {}).expect(200);
      expect(await typesOf(taskId)).toContain('DTaskClosed');
    });
  });

  describe('an ercTaskId sent again', () => {
    it('with the same body is acknowledged 200 and writes nothing', async () => {
      const body = intakeBody({ receivedAt: clock.now().toISOString() });
      const created = await api.post(api.tokens.erc, '/api/d-tasks', body).expect(201);
      const again = await api.post(api.tokens.erc, '/api/d-tasks', body).expect(200);
      expect(again.body).toEqual({ taskId: created.body.taskId, status: 'waiting' });
      // The municipality as the ERC may write it reads as the region's spelling: still the same body.
      await api.post(api.tokens.erc, '/api/d-tasks', { ...body, municipality: 'oulu', address: ` ${body.address} ` }).expect(200);
      expect(await typesOf(created.body.taskId)).toEqual(['DTaskReceived']);
    });

    it('with the same instant written with another offset is the same task', async () => {
      const ms = clock.now().getTime() - 5 * MINUTE;
      const body = intakeBody({ receivedAt: new Date(ms).toISOString() });
      const helsinki = `${new Date(ms + 120 * MINUTE).toISOString().slice(0, -1)}+02:00`;
      await api.post(api.tokens.erc, '/api/d-tasks', body).expect(201);
      await api.post(api.tokens.erc, '/api/d-tasks', { ...body, receivedAt: helsinki }).expect(200);
      await api.post(api.tokens.erc, '/api/d-tasks', { ...body, receivedAt: new Date(ms + 1).toISOString() }).expect(409);
    });

    it('whose receivedAt was corrected is still the same task when resent as it was', async () => {
      const body = intakeBody({ receivedAt: isoIn(60) });
      const created = await api.post(api.tokens.erc, '/api/d-tasks', body).expect(201);
      clock.advance(MINUTE);
      await api.post(api.tokens.erc, '/api/d-tasks', body).expect(200);
      expect(await typesOf(created.body.taskId)).toEqual(['DTaskReceived']);
    });

    it('with another patient is a 409 naming the fields that differ, never their values, and nothing is written', async () => {
      const first = intakeBody({ receivedAt: clock.now().toISOString(), patient: { ageYears: 84, sex: 'female', personId: '010142-123A' }, callbackPhone: '+358401111111' });
      const created = await api.post(api.tokens.erc, '/api/d-tasks', first).expect(201);
      const other = { ...first, patient: { ageYears: 31, personId: '150595-901K' }, callbackPhone: '+358402222222', address: 'Kauppurienkatu 5' };
      const refused = await api.post(api.tokens.erc, '/api/d-tasks', other).expect(409);
      expect(refused.body).toMatchObject({ error: 'conflict', reason: 'erc-task-id-reused', taskId: created.body.taskId });
      expect([...refused.body.fields].sort()).toEqual(['address', 'callbackPhone', 'patient.ageYears', 'patient.personId', 'patient.sex']);
      const said = JSON.stringify(refused.body);
      for (const value of ['010142-123A', '150595-901K', '+358401111111', '+358402222222', 'Kauppurienkatu', 'Isokatu', 'female']) expect(said).not.toContain(value);
      expect(await typesOf(created.body.taskId)).toEqual(['DTaskReceived']);
      expect((await events(created.body.taskId))[0]!.data).toMatchObject({ patient: { personId: '010142-123A' }, callbackPhone: '+358401111111' });
    });

    it('with other ERC notes only is a 409 naming ercNotes', async () => {
      const first = intakeBody({ receivedAt: clock.now().toISOString() });
      await api.post(api.tokens.erc, '/api/d-tasks', first).expect(201);
      const refused = await api.post(api.tokens.erc, '/api/d-tasks', { ...first, ercNotes: 'chest pain now' }).expect(409);
      expect(refused.body.fields).toEqual(['ercNotes']);
      expect(JSON.stringify(refused.body)).not.toContain('chest pain');
    });

    it('refuses ids with lone surrogates, which would otherwise all name one task, with 400 naming ercTaskId', async () => {
      const raw = (id: string) => {
        const body = JSON.stringify({ ...intakeBody({ receivedAt: clock.now().toISOString() }), ercTaskId: 'ERC-LONE' }).replace('"ERC-LONE"', `"${id}"`);
        return app.http.post('/api/d-tasks').set('Authorization', `Bearer ${api.tokens.erc}`).set('Content-Type', 'application/json').send(body);
      };
      for (const id of ['ERC-\\ud800', 'ERC-\\udfff', 'ERC-\\udc00x']) {
        const refused = await raw(id);
        expect(refused.status).toBe(400);
        expect(refused.body.issues).toEqual([{ path: 'ercTaskId', message: expect.any(String) }]);
      }
      expect((await raw('ERC-2026-7')).status).toBe(201);
    });
  });
});

describe('S2 when the host clock steps back, through the HTTP API', () => {
  it('an hour step back of the wall clock does not hold back the waiting limit', async () => {
    let wall = Date.now();
    let monotonic = 1_000;
    const host: TimeSources = { wallMs: () => wall, monotonicMs: () => monotonic };
    const app = await startTestApp({ SCHEDULER_INTERVAL_MS: '60000' }, undefined, new SystemClock(host));
    try {
      const api = await cast(app);
      const taskId = await api.intake({ receivedAt: new Date(wall).toISOString() });
      wall -= 60 * MINUTE; // NTP sets the host's time back an hour
      wall += 21 * MINUTE;
      monotonic += 21 * MINUTE;
      await app.app.get(DeadlineScheduler).tick();
      const queue = (await api.get(api.tokens.supervisor, '/api/d-tasks').expect(200)).body.tasks;
      expect(queue.find((task: { taskId: string }) => task.taskId === taskId).flags).toContain('s2-alert');
      wall += 40 * MINUTE;
      monotonic += 40 * MINUTE;
      await app.app.get(DeadlineScheduler).tick();
      const stream = await app.app.get<symbol, EventStore>(EVENT_STORE).readStream(`dtask-${taskId}`);
      expect(stream.find((event) => event.type === 'UnitRequested')?.data).toMatchObject({ reason: 'waiting-limit' });
    } finally {
      await app.close();
    }
  });
});
