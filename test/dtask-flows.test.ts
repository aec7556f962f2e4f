import { EventStore } from '@dtask/event-store';
import { ManualClock } from '../apps/dispatch-api/src/clock/clock';
import { DeadlineScheduler } from '../apps/dispatch-api/src/d-tasks/deadline-scheduler';
import { EVENT_STORE } from '../apps/dispatch-api/src/event-store/event-store.module';
import { adviceDecision, cast, intakeBody } from './support/dtask-api';
import { startTestApp, TestApp } from './support/test-app';

const MINUTE = 60_000;

describe('D-task flows through the HTTP API', () => {
  let app: TestApp;
  let clock: ManualClock;
  let api: Awaited<ReturnType<typeof cast>>;
  let store: EventStore;

  beforeAll(async () => {
    clock = new ManualClock();
    app = await startTestApp({ SCHEDULER_INTERVAL_MS: '3600000' }, undefined, clock);
    api = await cast(app);
    store = app.app.get(EVENT_STORE);
  });
  afterAll(() => app.close());

  const typesOf = async (taskId: string) => (await store.readStream(`dtask-${taskId}`)).map((event) => event.type);
  const tick = () => app.app.get(DeadlineScheduler).tick();

  it('happy path: intake → claim → reached → assessment → phone advice with a safety net → closed', async () => {
    const { post, get, tokens } = api;
    const intake = await post(tokens.erc, '/api/d-tasks', intakeBody({ receivedAt: clock.now().toISOString() })).expect(201);
    expect(intake.body.status).toBe('waiting');
    const taskId = intake.body.taskId;
    const queue = await get(tokens.nurse, '/api/d-tasks').expect(200);
    expect(queue.body.tasks.map((task: { taskId: string }) => task.taskId)).toContain(taskId);

    expect((await post(tokens.nurse, `/api/d-tasks/${taskId}/claim`).expect(200)).body).toMatchObject({ status: 'claimed', owner: 'nurse-anna' });
    await post(tokens.nurse, `/api/d-tasks/${taskId}/callbacks`, { outcome: 'reached' }).expect(200);
    await post(tokens.nurse, `/api/d-tasks/${taskId}/assessment`, { redFlags: [], concern: false, symptoms: 'dizzy', existingServices: ['home-care'], notes: 'lives alone' }).expect(200);
    const decided = await post(tokens.nurse, `/api/d-tasks/${taskId}/decision`, adviceDecision()).expect(200);
    expect(decided.body).toMatchObject({ status: 'closed', closedOutcome: 'phone-advice' });

    const after = await get(tokens.nurse, '/api/d-tasks').expect(200);
    expect(after.body.tasks.map((task: { taskId: string }) => task.taskId)).not.toContain(taskId);
    const detail = await get(tokens.nurse, `/api/d-tasks/${taskId}`).expect(200);
    expect(detail.body.history.map((event: { type: string }) => event.type)).toEqual([
      'DTaskReceived', 'DTaskClaimed', 'CallbackAttempted', 'AssessmentRecorded', 'PhoneAdviceGiven', 'DTaskClosed',
    ]);
    expect(detail.body.history[4].metadata.actor).toEqual({ id: 'nurse-anna', role: 'nurse' });
    // The read of personal data is itself an event (S7).
    const audit = await store.readStream(`audit-dtask-${taskId}`);
    expect(audit.map((event) => [event.type, (event.metadata as { actor: { id: string } }).actor.id])).toEqual([['PersonalDataAccessed', 'nurse-anna']]);
  });

  it('two failed callbacks → an automatic unit request, reason unreachable (S1)', async () => {
    const { post, tokens } = api;
    const taskId = await api.intake({ receivedAt: clock.now().toISOString() });
    await post(tokens.nurse, `/api/d-tasks/${taskId}/claim`).expect(200);
    await post(tokens.nurse, `/api/d-tasks/${taskId}/callbacks`, { outcome: 'no-answer' }).expect(200);
    const second = await post(tokens.nurse, `/api/d-tasks/${taskId}/callbacks`, { outcome: 'busy' }).expect(200);
    expect(second.body).toMatchObject({ status: 'decided', unitRequested: { reason: 'unreachable' } });
    const unit = (await store.readStream(`dtask-${taskId}`)).find((event) => event.type === 'UnitRequested');
    expect(unit?.data).toMatchObject({ reason: 'unreachable', urgency: 'D' });
  });

  it('S1 time rule: 15 minutes after one failed attempt the scheduler sends a unit', async () => {
    const { post, tokens } = api;
    const taskId = await api.intake({ receivedAt: clock.now().toISOString() });
    await post(tokens.nurse, `/api/d-tasks/${taskId}/claim`).expect(200);
    await post(tokens.nurse, `/api/d-tasks/${taskId}/callbacks`, { outcome: 'no-answer' }).expect(200);
    clock.advance(14 * MINUTE);
    await tick();
    expect(await typesOf(taskId)).not.toContain('UnitRequested');
    clock.advance(2 * MINUTE);
    await tick();
    const unit = (await store.readStream(`dtask-${taskId}`)).find((event) => event.type === 'UnitRequested');
    expect(unit?.data).toMatchObject({ reason: 'unreachable' });
    expect((unit?.metadata as { actor: { role: string } }).actor.role).toBe('system');
  });

  it('a red flag: phone advice refused with 409, then escalation → a unit request', async () => {
    const { post, tokens } = api;
    const taskId = await api.assessed({ receivedAt: clock.now().toISOString() }, ['chest-pain']);
    const refused = await post(tokens.nurse, `/api/d-tasks/${taskId}/decision`, adviceDecision()).expect(409);
    expect(refused.body).toMatchObject({ error: 'conflict', reason: 'red-flags-present' });
    const escalated = await post(tokens.nurse, `/api/d-tasks/${taskId}/escalation`, { urgency: 'B', reason: 'chest pain at rest' }).expect(200);
    expect(escalated.body).toMatchObject({ status: 'decided', urgency: 'B', unitRequested: { reason: 'escalation' } });
    expect(await typesOf(taskId)).toEqual(['DTaskReceived', 'DTaskClaimed', 'CallbackAttempted', 'AssessmentRecorded', 'UrgencyEscalated', 'UnitRequested']);
  });

  it('redirect → decline → the task is back at the top of the queue', async () => {
    const { post, get, tokens } = api;
    await api.intake({ receivedAt: new Date(clock.now().getTime() - 50 * MINUTE).toISOString() }); // an older waiting task
    const taskId = await api.assessed({ receivedAt: clock.now().toISOString() });
    await post(tokens.nurse, `/api/d-tasks/${taskId}/decision`, { kind: 'redirect', target: 'oulu-home-care', handoffNote: 'Visit today, needs help with medicines.', patientInformed: true }).expect(200);
    const wrongPartner = await post(await app.tokenFor('partner', 'pc-1', 'oulu-primary-care'), `/api/d-tasks/${taskId}/handoff/decline`, { reason: 'x' }).expect(409);
    expect(wrongPartner.body.reason).toBe('wrong-service');
    await post(tokens.homeCare, `/api/d-tasks/${taskId}/handoff/decline`, { reason: 'no capacity tonight' }).expect(200);
    const queue = await get(tokens.nurse, '/api/d-tasks').expect(200);
    expect(queue.body.tasks[0]).toMatchObject({ taskId, status: 'waiting' });
    expect(queue.body.tasks[0].flags).toContain('handoff-returned');
    // A trailing slash reaches the same queue, as clients written against the Express service expect.
    expect((await get(tokens.nurse, '/api/d-tasks/').expect(200)).body).toEqual(queue.body);
  });

  it('redirect → no answer within the limit → HandoffTimedOut (S6)', async () => {
    const { post, tokens } = api;
    const taskId = await api.assessed({ receivedAt: clock.now().toISOString() });
    await post(tokens.nurse, `/api/d-tasks/${taskId}/decision`, { kind: 'redirect', target: 'oulu-home-care', handoffNote: 'visit', patientInformed: true }).expect(200);
    clock.advance(29 * MINUTE);
    await tick();
    expect(await typesOf(taskId)).not.toContain('HandoffTimedOut');
    clock.advance(2 * MINUTE);
    await tick();
    expect(await typesOf(taskId)).toContain('HandoffTimedOut');
    await post(tokens.homeCare, `/api/d-tasks/${taskId}/handoff/accept`).expect(409);
  });

  it('second contact within 24 h → phone advice refused until a supervisor override (S4)', async () => {
    const { post, tokens } = api;
    const patient = { ageYears: 77, personId: '121249-987X' };
    const first = await api.assessed({ patient, receivedAt: clock.now().toISOString() });
    await post(tokens.nurse, `/api/d-tasks/${first}/decision`, adviceDecision()).expect(200);
    clock.advance(5 * 60 * MINUTE);
    const second = await api.assessed({ patient, receivedAt: clock.now().toISOString() });
    expect(await typesOf(second)).toContain('SecondContactFlagged');
    const refused = await post(tokens.nurse, `/api/d-tasks/${second}/decision`, adviceDecision()).expect(409);
    expect(refused.body.reason).toBe('second-contact-needs-override');
    await post(tokens.nurse, `/api/d-tasks/${second}/override`, { rule: 'S4-second-contact', reason: 'x' }).expect(403);
    await post(tokens.supervisor, `/api/d-tasks/${second}/override`, { rule: 'S4-second-contact', reason: 'Spoke with the patient; stable, daughter present.' }).expect(200);
    await post(tokens.nurse, `/api/d-tasks/${second}/decision`, adviceDecision()).expect(200);
  });

  it('S2: alert at 20 minutes without contact, a unit at 60', async () => {
    const taskId = await api.intake({ receivedAt: clock.now().toISOString() });
    clock.advance(21 * MINUTE);
    await tick();
    const queue = await api.get(api.tokens.supervisor, '/api/d-tasks').expect(200);
    expect(queue.body.tasks.find((task: { taskId: string }) => task.taskId === taskId).flags).toContain('s2-alert');
    clock.advance(40 * MINUTE);
    await tick();
    const unit = (await store.readStream(`dtask-${taskId}`)).find((event) => event.type === 'UnitRequested');
    expect(unit?.data).toMatchObject({ reason: 'waiting-limit' });
  });

  it('a duplicate intake writes nothing and answers the same task', async () => {
    const body = intakeBody({ receivedAt: clock.now().toISOString() });
    const first = await api.post(api.tokens.erc, '/api/d-tasks', body).expect(201);
    const head = await store.headPosition();
    // The same body again (a resend with other content is a 409: test/intake-safety.test.ts).
    const again = await api.post(api.tokens.erc, '/api/d-tasks', body).expect(200);
    expect(again.body.taskId).toBe(first.body.taskId);
    expect(await store.headPosition()).toBe(head);
  });

  it('50 rounds of two nurses claiming the same task at once → exactly one 200 and one 409', async () => {
    for (let round = 0; round < 50; round += 1) {
      const taskId = await api.intake({ receivedAt: clock.now().toISOString() });
      const answers = await Promise.all([
        api.post(api.tokens.nurse, `/api/d-tasks/${taskId}/claim`),
        api.post(api.tokens.nurse2, `/api/d-tasks/${taskId}/claim`),
      ]);
      expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409]);
      expect(answers.find((answer) => answer.status === 409)!.body.reason).toBe('claimed-by-another-nurse');
      expect((await typesOf(taskId)).filter((type) => type === 'DTaskClaimed')).toHaveLength(1);
    }
  }, 60_000);

  it('answers 404 for an unknown task and 400 naming the field', async () => {
    await api.post(api.tokens.nurse, '/api/d-tasks/9b2d8f6e-1a2b-4c3d-8e9f-0a1b2c3d4e5f/claim').expect(404);
    const bad = await api.post(api.tokens.erc, '/api/d-tasks', { ...intakeBody(), patient: { ageYears: 'old' } }).expect(400);
    expect(bad.body).toMatchObject({ error: 'validation' });
    expect(bad.body.issues.map((issue: { path: string }) => issue.path)).toContain('patient.ageYears');
  });
});

describe('deadlines survive a restart', () => {
  it('fires a deadline set before the process stopped', async () => {
    const clock = new ManualClock();
    const first = await startTestApp({ SCHEDULER_INTERVAL_MS: '3600000' }, undefined, clock);
    const api = await cast(first);
    const taskId = await api.intake({ receivedAt: clock.now().toISOString() });
    await first.stop();

    clock.advance(61 * MINUTE);
    const second = await startTestApp({ SCHEDULER_INTERVAL_MS: '3600000' }, first.dataDir, clock);
    try {
      await second.app.get(DeadlineScheduler).tick();
      const events = await second.app.get<symbol, EventStore>(EVENT_STORE).readStream(`dtask-${taskId}`);
      // The unit is sent at D, so its first welfare recall is booked with it (S8).
      expect(events.map((event) => event.type)).toEqual(['DTaskReceived', 'WaitingLimitReached', 'UnitRequested', 'RecallScheduled']);
      expect(events[2]!.data).toMatchObject({ reason: 'waiting-limit' });
    } finally {
      await second.close();
    }
  });
});
