import { EventStore } from '@dtask/event-store';
import { Pseudonymiser } from '@dtask/read-models';
import { AccessLog } from '../apps/dispatch-api/src/audit/access-log';
import { ManualClock } from '../apps/dispatch-api/src/clock/clock';
import { loadConfig } from '../apps/dispatch-api/src/config/app-config';
import { DeadlineScheduler } from '../apps/dispatch-api/src/d-tasks/deadline-scheduler';
import { EVENT_STORE } from '../apps/dispatch-api/src/event-store/event-store.module';
import { liveViewOf } from '../apps/dispatch-api/src/live/live-view';
import { cast } from './support/dtask-api';
import { startTestApp, TestApp } from './support/test-app';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** Issue 14, item 1: accepted is not yet done; the service reports its visit, or the limit sends the task back. */
describe('closed-loop handoffs over HTTP', () => {
  let app: TestApp;
  let clock: ManualClock;
  let api: Awaited<ReturnType<typeof cast>>;
  let store: EventStore;
  let primaryCare: string;

  beforeAll(async () => {
    clock = new ManualClock();
    app = await startTestApp({ SCHEDULER_INTERVAL_MS: '3600000' }, undefined, clock);
    api = await cast(app);
    store = app.app.get(EVENT_STORE);
    primaryCare = await app.tokenFor('partner', 'tk-1', 'oulu-primary-care');
  });
  afterAll(() => app.close());

  const typesOf = async (taskId: string) => (await store.readStream(`dtask-${taskId}`)).map((event) => event.type);
  const tick = () => app.app.get(DeadlineScheduler).tick();
  const queueIds = async () => (await api.get(api.tokens.nurse, '/api/d-tasks').expect(200)).body.tasks.map((task: { taskId: string }) => task.taskId);

  /**
   * Assessed now, redirected to Oulu home care for care within a day and accepted by it a minute
   * later: the visit is due a day after the redirect (`visitBy`), before the 24-hour visit limit.
   */
  async function accepted(overrides: Record<string, unknown> = {}) {
    const { post, tokens } = api;
    const taskId = await api.assessed({ receivedAt: clock.now().toISOString(), ...overrides });
    await post(tokens.nurse, `/api/d-tasks/${taskId}/decision`, { kind: 'redirect', target: 'oulu-home-care', handoffNote: 'Käynti tänään', patientInformed: true, careLevel: 'social-care', within: 'P1D' }).expect(200);
    const visitBy = new Date(clock.now().getTime() + 24 * HOUR).toISOString();
    clock.advance(MINUTE);
    const answer = await post(tokens.homeCare, `/api/d-tasks/${taskId}/handoff/accept`).expect(200);
    return { taskId, acceptedAt: clock.now().toISOString(), visitBy, answer: answer.body };
  }

  it('accept → awaiting-visit, due a day after the redirect asked for care within a day → complete closes it as redirected', async () => {
    const { taskId, acceptedAt, visitBy, answer } = await accepted();
    expect(answer).toMatchObject({ status: 'awaiting-visit', closedOutcome: null, visit: { target: 'oulu-home-care', acceptedAt, visitBy } });
    expect((await api.get(api.tokens.nurse, `/api/d-tasks?status=awaiting-visit`).expect(200)).body.tasks.map((t: { taskId: string }) => t.taskId)).toContain(taskId);
    expect(await typesOf(taskId)).not.toContain('DTaskClosed');

    clock.advance(3 * HOUR);
    const visitedAt = new Date(clock.now().getTime() - 30 * MINUTE).toISOString();
    const done = await api.post(api.tokens.homeCare, `/api/d-tasks/${taskId}/handoff/complete`, { visitedAt, notes: 'Lääkkeet otettu, vointi hyvä.' }).expect(200);
    expect(done.body).toMatchObject({ status: 'closed', closedOutcome: 'redirect', visit: null });
    const stream = await store.readStream(`dtask-${taskId}`);
    expect(stream.slice(-2).map((event) => [event.type, event.data])).toEqual([
      ['HandoffCompleted', { target: 'oulu-home-care', partnerId: 'kotihoito-1', visitedAt, notes: 'Lääkkeet otettu, vointi hyvä.' }],
      ['DTaskClosed', { outcome: 'redirect' }],
    ]);
    // Reported once; the next report finds the task closed.
    const again = await api.post(api.tokens.homeCare, `/api/d-tasks/${taskId}/handoff/complete`, { visitedAt }).expect(409);
    expect(again.body.reason).toBe('task-closed');
  });

  it('fail → back at the top of the queue, undecided and flagged, above an older waiting task', async () => {
    const older = await api.intake({ receivedAt: new Date(clock.now().getTime() - 15 * MINUTE).toISOString(), patient: { ageYears: 92 } });
    const { taskId } = await accepted();
    clock.advance(2 * HOUR);
    const failed = await api.post(api.tokens.homeCare, `/api/d-tasks/${taskId}/handoff/fail`, { reason: 'Ei avannut ovea, ei vastaa puhelimeen.' }).expect(200);
    expect(failed.body).toMatchObject({ status: 'waiting', decision: null, visit: null, flags: expect.arrayContaining(['handoff-returned']) });
    expect(await typesOf(taskId)).toContain('HandoffFailed');
    const queue = await queueIds();
    expect(queue[0]).toBe(taskId);
    expect(queue).toContain(older);
    // The nurse decides it again; a redirect still only to a service of the patient's municipality.
    await api.post(api.tokens.nurse, `/api/d-tasks/${taskId}/claim`).expect(200);
    const wrong = await api.post(api.tokens.nurse, `/api/d-tasks/${taskId}/decision`, { kind: 'redirect', target: 'koillismaa-home-care', handoffNote: 'n', patientInformed: true }).expect(409);
    expect(wrong.body.reason).toBe('target-does-not-serve-municipality');
    await api.post(api.tokens.nurse, `/api/d-tasks/${taskId}/decision`, { kind: 'send-unit', unitLevel: 'basic', urgency: 'D' }).expect(200);
    // The service cannot report a visit it no longer has.
    const late = await api.post(api.tokens.homeCare, `/api/d-tasks/${taskId}/handoff/complete`, { visitedAt: clock.now().toISOString() }).expect(409);
    expect(late.body.reason).toBe('not-awaiting-visit');
  });

  it('no report within the visit limit → HandoffVisitOverdue by the scheduler, back at the top of the queue', async () => {
    const { taskId } = await accepted();
    clock.advance(24 * HOUR - 2 * MINUTE);
    await tick();
    expect(await typesOf(taskId)).not.toContain('HandoffVisitOverdue');
    clock.advance(2 * MINUTE);
    await tick();
    const types = await typesOf(taskId);
    expect(types.filter((type) => type === 'HandoffVisitOverdue')).toHaveLength(1);
    expect(types).not.toContain('DTaskClosed');
    // Fired once: another tick writes nothing more.
    await tick();
    expect((await typesOf(taskId)).length).toBe(types.length);
    const older = await api.intake({ receivedAt: new Date(clock.now().getTime() - 15 * MINUTE).toISOString() });
    const queue = await queueIds();
    expect(queue[0]).toBe(taskId);
    expect(queue).toContain(older);
    const view = (await api.get(api.tokens.nurse, `/api/d-tasks/${taskId}`).expect(200)).body;
    expect(view).toMatchObject({ status: 'waiting', visit: null, decision: null, flags: expect.arrayContaining(['handoff-returned']) });
    const late = await api.post(api.tokens.homeCare, `/api/d-tasks/${taskId}/handoff/complete`, { visitedAt: clock.now().toISOString() }).expect(409);
    expect(late.body.reason).toBe('not-awaiting-visit');
  });

  it('refuses the partner of another service, any other role, and a time that cannot be, writing nothing', async () => {
    const { taskId } = await accepted();
    const before = (await typesOf(taskId)).length;
    const visitedAt = clock.now().toISOString();
    const other = await api.post(primaryCare, `/api/d-tasks/${taskId}/handoff/complete`, { visitedAt }).expect(409);
    expect(other.body.reason).toBe('wrong-service');
    expect((await api.post(primaryCare, `/api/d-tasks/${taskId}/handoff/fail`, { reason: 'r' }).expect(409)).body.reason).toBe('wrong-service');
    for (const token of [api.tokens.nurse, api.tokens.supervisor, api.tokens.erc, api.tokens.analyst]) {
      await api.post(token, `/api/d-tasks/${taskId}/handoff/complete`, { visitedAt }).expect(403);
      await api.post(token, `/api/d-tasks/${taskId}/handoff/fail`, { reason: 'r' }).expect(403);
    }
    const future = await api.post(api.tokens.homeCare, `/api/d-tasks/${taskId}/handoff/complete`, { visitedAt: new Date(clock.now().getTime() + HOUR).toISOString() }).expect(409);
    expect(future.body.reason).toBe('visit-time-implausible');
    expect((await typesOf(taskId)).length).toBe(before);
  });

  it('answers bad bodies with 400 naming the field', async () => {
    const { taskId } = await accepted();
    const bad = async (path: string, body: unknown, field: string) => {
      const response = await api.post(api.tokens.homeCare, `/api/d-tasks/${taskId}/${path}`, body).expect(400);
      expect({ path, field: response.body.issues[0].path }).toEqual({ path, field });
    };
    await bad('handoff/complete', {}, 'visitedAt');
    await bad('handoff/complete', { visitedAt: 'yesterday' }, 'visitedAt');
    await bad('handoff/complete', { visitedAt: clock.now().toISOString(), notes: 'x'.repeat(4001) }, 'notes');
    await bad('handoff/complete', { visitedAt: clock.now().toISOString(), outcome: 'ok' }, '(body)');
    await bad('handoff/fail', {}, 'reason');
    await bad('handoff/fail', { reason: '   ' }, 'reason');
    expect(await typesOf(taskId)).not.toContain('HandoffFailed');
  });

  it('answers a retried report with the same Idempotency-Key as the first, writing it once', async () => {
    const { taskId } = await accepted();
    const press = () => api.post(api.tokens.homeCare, `/api/d-tasks/${taskId}/handoff/fail`, { reason: 'Ei kotona' }).set('Idempotency-Key', `fail-${taskId}`);
    const first = await press().expect(200);
    const second = await press().expect(200);
    expect(second.body).toEqual(first.body);
    expect((await typesOf(taskId)).filter((type) => type === 'HandoffFailed')).toHaveLength(1);
  });

  it('lists an accepted referral in its service’s inbox until the visit is reported, with its visit limit, each a logged read', async () => {
    const { taskId, acceptedAt, visitBy } = await accepted({ callbackPhone: '+358405556677', address: 'Torikatu 4' });
    const readsOf = async () => (await app.app.get(AccessLog).readsOf(taskId)).filter((read) => read.purpose === 'referral');
    const inbox = (await api.get(api.tokens.homeCare, '/api/handoffs').expect(200)).body.handoffs;
    const item = inbox.find((referral: { taskId: string }) => referral.taskId === taskId);
    expect(item).toMatchObject({ status: 'awaiting-visit', acceptedAt, visitBy, callbackPhone: '+358405556677', address: 'Torikatu 4', careLevel: 'social-care', within: 'P1D' });
    expect(await readsOf()).toHaveLength(1);
    // Not in another service's inbox, and no read logged for it there.
    expect((await api.get(primaryCare, '/api/handoffs').expect(200)).body.handoffs.map((r: { taskId: string }) => r.taskId)).not.toContain(taskId);
    expect(await readsOf()).toHaveLength(1);
    await api.post(api.tokens.homeCare, `/api/d-tasks/${taskId}/handoff/complete`, { visitedAt: clock.now().toISOString() }).expect(200);
    expect((await api.get(api.tokens.homeCare, '/api/handoffs').expect(200)).body.handoffs.map((r: { taskId: string }) => r.taskId)).not.toContain(taskId);
  });

  it('tells the service live of its visits reported and overdue, never another service, with no free text', async () => {
    const { taskId } = await accepted();
    await api.post(api.tokens.homeCare, `/api/d-tasks/${taskId}/handoff/fail`, { reason: 'Potilas Maija ei avannut' }).expect(200);
    const [failed] = (await store.readStream(`dtask-${taskId}`)).filter((event) => event.type === 'HandoffFailed');
    const pseudonymiser = app.app.get(Pseudonymiser);
    const own = liveViewOf(failed!, { id: 'kotihoito-1', role: 'partner', service: 'oulu-home-care' }, pseudonymiser);
    expect(own).toMatchObject({ type: 'HandoffFailed', data: { target: 'oulu-home-care' } });
    expect(JSON.stringify(own)).not.toContain('Maija');
    expect(liveViewOf(failed!, { id: 'tk-1', role: 'partner', service: 'oulu-primary-care' }, pseudonymiser)).toBeUndefined();
    for (const type of ['HandoffCompleted', 'HandoffVisitOverdue', 'HandoffWithdrawn']) {
      expect(liveViewOf({ ...failed!, type, data: { target: 'oulu-home-care', visitBy: '2026-12-02T10:00:00.000Z' } }, { id: 'p', role: 'partner', service: 'oulu-home-care' }, pseudonymiser)?.type).toBe(type);
    }
  });

  it('takes the patient back from the service at a repeat call to 112: top of the queue, out of the inbox, a late report refused', async () => {
    const older = await api.intake({ receivedAt: new Date(clock.now().getTime() - 20 * MINUTE).toISOString(), patient: { ageYears: 95 } });
    const { taskId } = await accepted();
    clock.advance(HOUR);
    const call = await api.post(api.tokens.erc, `/api/d-tasks/${taskId}/erc-update`, { kind: 'repeat-call', notes: 'soitti uudelleen, hengenahdistus pahempi' }).expect(200);
    expect(call.body).toMatchObject({ status: 'waiting', visit: null, flags: expect.arrayContaining(['repeat-call', 'handoff-returned']) });
    expect((await typesOf(taskId)).slice(-2)).toEqual(['ErcUpdateReceived', 'HandoffWithdrawn']);
    const queue = await queueIds();
    expect(queue.indexOf(taskId)).toBeLessThan(queue.indexOf(older));
    expect((await api.get(api.tokens.homeCare, '/api/handoffs').expect(200)).body.handoffs.map((r: { taskId: string }) => r.taskId)).not.toContain(taskId);
    const late = await api.post(api.tokens.homeCare, `/api/d-tasks/${taskId}/handoff/complete`, { visitedAt: clock.now().toISOString() }).expect(409);
    expect(late.body.reason).toBe('not-awaiting-visit');
  });

  it('refuses a visit limit that would switch the loop off or leave it open for days, naming the setting', () => {
    for (const value of ['0', '73', '-1', '1e2']) expect(() => loadConfig({ HANDOFF_VISIT_HOURS: value })).toThrow(/HANDOFF_VISIT_HOURS: must be a whole number from 1 to 72 hours/);
    expect(loadConfig({ HANDOFF_VISIT_HOURS: '6' })).toMatchObject({ HANDOFF_VISIT_HOURS: 6 });
  });
});

describe('closed-loop handoffs with a configured visit limit', () => {
  it('sets visitBy at the county’s HANDOFF_VISIT_HOURS', async () => {
    const app = await startTestApp({ HANDOFF_VISIT_HOURS: '6' });
    try {
      const api = await cast(app);
      const taskId = await api.assessed();
      await api.post(api.tokens.nurse, `/api/d-tasks/${taskId}/decision`, { kind: 'redirect', target: 'oulu-home-care', handoffNote: 'n', patientInformed: true }).expect(200);
      const { visit } = (await api.post(api.tokens.homeCare, `/api/d-tasks/${taskId}/handoff/accept`).expect(200)).body;
      expect(Date.parse(visit.visitBy) - Date.parse(visit.acceptedAt)).toBe(6 * HOUR);
    } finally {
      await app.close();
    }
  });
});
