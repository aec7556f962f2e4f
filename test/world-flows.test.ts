import { EventStore } from '@dtask/event-store';
import { ManualClock } from '../apps/dispatch-api/src/clock/clock';
import { DeadlineScheduler } from '../apps/dispatch-api/src/d-tasks/deadline-scheduler';
import { EVENT_STORE } from '../apps/dispatch-api/src/event-store/event-store.module';
import { adviceDecision, cast } from './support/dtask-api';
import { startTestApp, TestApp } from './support/test-app';

const MINUTE = 60_000;

/** Issue 13 through the HTTP API on the real store: the ERC, the field commander and the waiting patient. */
describe('the task as the world around it touches it', () => {
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
  const now = () => clock.now().toISOString();
  const queueIds = async () => (await api.get(api.tokens.nurse, '/api/d-tasks').expect(200)).body.tasks.map((task: { taskId: string }) => task.taskId);

  it('shows new information from the ERC in the task and its history', async () => {
    const taskId = await api.intake({ receivedAt: now() });
    await api.post(api.tokens.erc, `/api/d-tasks/${taskId}/erc-update`, { kind: 'new-information', notes: 'Daughter on site, call her', callbackPhone: '+358 40 555 1234' }).expect(200);
    const detail = await api.get(api.tokens.nurse, `/api/d-tasks/${taskId}`).expect(200);
    expect(detail.body.history.map((event: { type: string }) => event.type)).toContain('ErcUpdateReceived');
    expect(detail.body.callbackPhone).toBe('+358 40 555 1234');
  });

  it('puts a task with a repeat call first in the queue, flagged, and writes the same update once', async () => {
    await api.intake({ receivedAt: new Date(clock.now().getTime() - 40 * MINUTE).toISOString() }); // an older waiting task
    const taskId = await api.intake({ receivedAt: now() });
    const repeat = { kind: 'repeat-call', notes: 'The patient called 112 again: more dizzy' };
    const first = await api.post(api.tokens.erc, `/api/d-tasks/${taskId}/erc-update`, repeat).expect(200);
    expect(first.body.flags).toContain('repeat-call');
    await api.post(api.tokens.erc, `/api/d-tasks/${taskId}/erc-update`, repeat).expect(200);
    expect((await typesOf(taskId)).filter((type) => type === 'ErcUpdateReceived')).toHaveLength(1);
    expect((await queueIds())[0]).toBe(taskId);
  });

  it('closes a task the ERC raised to B as escalated by the ERC; a nurse can no longer act on it', async () => {
    const taskId = await api.intake({ receivedAt: now() });
    const closed = await api.post(api.tokens.erc, `/api/d-tasks/${taskId}/erc-update`, { kind: 'urgency-changed', urgency: 'B' }).expect(200);
    expect(closed.body).toMatchObject({ status: 'closed', closedOutcome: 'escalated' });
    const claim = await api.post(api.tokens.nurse, `/api/d-tasks/${taskId}/claim`);
    expect(claim.status).toBe(409);
  });

  it("accepts the field commander's unit on a task nobody claimed, and counts it as a unit", async () => {
    const taskId = await api.intake({ receivedAt: now() });
    const attached = await api.post(api.tokens.erc, `/api/d-tasks/${taskId}/mission`, { stage: 'unit-assigned', unitId: 'OU-131', requestedBy: 'field-commander' });
    expect(attached.status).toBe(200);
    // A patient waiting for the field's D unit is called while it is on its way (S8), as for our own.
    expect(await typesOf(taskId)).toEqual(['DTaskReceived', 'UnitAttachedByField', 'RecallScheduled', 'MissionUpdated']);
    expect(await queueIds()).not.toContain(taskId);
  });

  it('links an intake for a patient whose task is still open: flagged duplicate-open, each names the other', async () => {
    const patient = { ageYears: 77, sex: 'female', personId: '050549-5555' };
    const first = await api.intake({ patient, receivedAt: now() });
    const second = await api.intake({ patient, receivedAt: now() });
    const detail = await api.get(api.tokens.nurse, `/api/d-tasks/${second}`).expect(200);
    expect(detail.body.flags).toContain('duplicate-open');
    expect(detail.body.linkedTasks).toEqual([first]);
    const other = await api.get(api.tokens.nurse, `/api/d-tasks/${first}`).expect(200);
    expect(other.body.linkedTasks).toEqual([second]);
  });

  it('refuses phone advice after an unverified identity (S9)', async () => {
    const taskId = await api.intake({ receivedAt: now() });
    await api.post(api.tokens.nurse, `/api/d-tasks/${taskId}/claim`).expect(200);
    await api.post(api.tokens.nurse, `/api/d-tasks/${taskId}/callbacks`, { outcome: 'reached' }).expect(200);
    await api.post(api.tokens.nurse, `/api/d-tasks/${taskId}/assessment`, { redFlags: [], concern: false, symptoms: 'dizzy', identity: 'unverified' }).expect(200);
    const advice = await api.post(api.tokens.nurse, `/api/d-tasks/${taskId}/decision`, adviceDecision());
    expect(advice.status).toBe(409);
    expect(advice.body.reason).toBe('identity-unverified');
  });

  it('calls a patient waiting for a D unit every 30 minutes (S8), and the recalls survive a restart', async () => {
    const taskId = await api.assessed({ receivedAt: now() });
    await api.post(api.tokens.nurse, `/api/d-tasks/${taskId}/decision`, { kind: 'send-unit', unitLevel: 'basic', urgency: 'D' }).expect(200);
    const view = await api.get(api.tokens.nurse, `/api/d-tasks/${taskId}`).expect(200);
    const [recall] = view.body.recalls as { recallId: string; reason: string; dueAt: string }[];
    expect(recall).toMatchObject({ reason: 'waiting-for-unit' });
    expect(Date.parse(recall!.dueAt) - clock.now().getTime()).toBe(30 * MINUTE);

    await app.stop();
    app = await startTestApp({ SCHEDULER_INTERVAL_MS: '3600000' }, app.dataDir, clock);
    api = await cast(app);
    store = app.app.get(EVENT_STORE);
    clock.advance(31 * MINUTE);
    await tick();
    expect(await queueIds()).toContain(taskId);
    const due = await api.get(api.tokens.nurse, `/api/d-tasks/${taskId}`).expect(200);
    expect(due.body.flags).toContain('recall-due');
    await api.post(api.tokens.nurse, `/api/d-tasks/${taskId}/claim`).expect(200);
    await api.post(api.tokens.nurse, `/api/d-tasks/${taskId}/recalls/${recall!.recallId}`, { outcome: 'reached', condition: 'same' }).expect(200);
    const after = await api.get(api.tokens.nurse, `/api/d-tasks/${taskId}`).expect(200);
    expect(after.body.recalls.filter((r: { reason: string; completedAt?: string }) => r.reason === 'waiting-for-unit')).toHaveLength(2);
  });

  it('raises an alert when a D unit has not reached the scene in 120 minutes (S8)', async () => {
    const taskId = await api.assessed({ receivedAt: now() });
    await api.post(api.tokens.nurse, `/api/d-tasks/${taskId}/decision`, { kind: 'send-unit', unitLevel: 'basic', urgency: 'D' }).expect(200);
    clock.advance(121 * MINUTE);
    await tick();
    expect(await typesOf(taskId)).toContain('UnitOverdue');
  });

  it('refuses a recall outcome for a reached patient without the condition, naming the field', async () => {
    const taskId = await api.intake({ receivedAt: now() });
    const response = await api.post(api.tokens.nurse, `/api/d-tasks/${taskId}/recalls/follow-up`, { outcome: 'reached' });
    expect(response.status).toBe(400);
    expect(response.body.issues[0].path).toBe('condition');
  });

  it('schedules a recall at the nurse\u2019s choice and lists it on the task', async () => {
    const taskId = await api.assessed({ receivedAt: now() });
    const dueAt = new Date(clock.now().getTime() + 90 * MINUTE).toISOString();
    await api.post(api.tokens.nurse, `/api/d-tasks/${taskId}/recalls`, { dueAt, reason: 'nurse' }).expect(200);
    const view = await api.get(api.tokens.nurse, `/api/d-tasks/${taskId}`).expect(200);
    expect(view.body.recalls).toEqual([expect.objectContaining({ reason: 'nurse', dueAt })]);
    // The open desk is told when it falls due: no event will say so.
    const desk = await api.get(api.tokens.nurse, '/api/desk').expect(200);
    expect(Date.parse(desk.body.nextFollowUpDueAt)).toBeLessThanOrEqual(Date.parse(dueAt));
  });
});
