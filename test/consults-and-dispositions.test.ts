import { EventStore } from '@dtask/event-store';
import { AccessLog } from '../apps/dispatch-api/src/audit/access-log';
import { EVENT_STORE } from '../apps/dispatch-api/src/event-store/event-store.module';
import { adviceDecision, cast } from './support/dtask-api';
import { startTestApp, TestApp } from './support/test-app';

/** Issue 14, items 2 and 3: a disposition has a level, a time and transport; a decision names the consult it rests on. */
describe('consults and dispositions over HTTP', () => {
  let app: TestApp;
  let api: Awaited<ReturnType<typeof cast>>;
  let store: EventStore;

  beforeAll(async () => {
    app = await startTestApp();
    api = await cast(app);
    store = app.app.get(EVENT_STORE);
  });
  afterAll(() => app.close());

  const eventsOf = async (taskId: string) => (await store.readStream(`dtask-${taskId}`)).map(({ type, data }) => ({ type, data }));
  const consult = { consultant: 'ems-physician', question: 'Riittääkö kotihoito, verenpaine 150/90?', advice: 'Riittää; terveysasemalle huomenna.' };

  it('records a consult named consult-1, shows it in the view, and its question and advice only in the logged detail read', async () => {
    const taskId = await api.assessed();
    const answer = await api.post(api.tokens.nurse, `/api/d-tasks/${taskId}/consult`, consult).expect(200);
    expect(answer.body.consults).toEqual([{ consultId: 'consult-1', consultant: 'ems-physician', at: expect.any(String) }]);
    expect(JSON.stringify(answer.body)).not.toContain('verenpaine');
    const second = await api.post(api.tokens.nurse, `/api/d-tasks/${taskId}/consult`, { ...consult, consultant: 'field-commander' }).expect(200);
    expect(second.body.consults.map((c: { consultId: string }) => c.consultId)).toEqual(['consult-1', 'consult-2']);

    const readsBefore = (await app.app.get(AccessLog).readsOf(taskId)).length;
    const detail = (await api.get(api.tokens.nurse, `/api/d-tasks/${taskId}`).expect(200)).body;
    expect(detail.consults[0]).toEqual({ consultId: 'consult-1', consultant: 'ems-physician', at: answer.body.consults[0].at, question: consult.question, advice: consult.advice });
    expect((await app.app.get(AccessLog).readsOf(taskId)).length).toBe(readsBefore + 1);
  });

  it('carries the care level, timeframe, transport and consult of an advice into its event and the view', async () => {
    const taskId = await api.assessed();
    await api.post(api.tokens.nurse, `/api/d-tasks/${taskId}/consult`, consult).expect(200);
    const disposition = { careLevel: 'primary-care', within: 'PT12H', transport: 'own', consultId: 'consult-1' };
    const decided = await api.post(api.tokens.nurse, `/api/d-tasks/${taskId}/decision`, { ...adviceDecision(), ...disposition }).expect(200);
    expect(decided.body).toMatchObject({ status: 'closed', decision: 'phone-advice', disposition });
    expect((await eventsOf(taskId)).find((event) => event.type === 'PhoneAdviceGiven')?.data).toMatchObject(disposition);
  });

  it('carries a redirect’s disposition to the partner’s referral, and a unit’s consult to its request', async () => {
    const redirected = await api.assessed();
    await api.post(api.tokens.nurse, `/api/d-tasks/${redirected}/decision`, { kind: 'redirect', target: 'oulu-home-care', handoffNote: 'n', patientInformed: true, careLevel: 'social-care', within: 'PT4H', transport: 'none' }).expect(200);
    const referral = (await api.get(api.tokens.homeCare, '/api/handoffs').expect(200)).body.handoffs.find((r: { taskId: string }) => r.taskId === redirected);
    expect(referral).toMatchObject({ careLevel: 'social-care', within: 'PT4H', transport: 'none', status: 'awaiting-handoff' });

    const unit = await api.assessed();
    await api.post(api.tokens.nurse, `/api/d-tasks/${unit}/consult`, { ...consult, consultant: 'on-call-doctor' }).expect(200);
    const sent = await api.post(api.tokens.nurse, `/api/d-tasks/${unit}/decision`, { kind: 'send-unit', unitLevel: 'basic', urgency: 'C', consultId: 'consult-1' }).expect(200);
    expect(sent.body.disposition).toEqual({ careLevel: null, within: null, transport: null, consultId: 'consult-1' });
    expect((await eventsOf(unit)).find((event) => event.type === 'UnitRequested')?.data).toEqual({ unitLevel: 'basic', urgency: 'C', reason: 'nurse-decision', consultId: 'consult-1' });
  });

  it('refuses a decision naming a consult the task does not have, with a clear reason, writing nothing', async () => {
    const taskId = await api.assessed();
    const before = (await eventsOf(taskId)).length;
    for (const decision of [
      { ...adviceDecision(), consultId: 'consult-1' },
      { kind: 'redirect', target: 'oulu-home-care', handoffNote: 'n', patientInformed: true, consultId: 'consult-1' },
      { kind: 'send-unit', unitLevel: 'basic', urgency: 'D', consultId: 'consult-1' },
    ]) {
      const refused = await api.post(api.tokens.nurse, `/api/d-tasks/${taskId}/decision`, decision).expect(409);
      expect(refused.body).toMatchObject({ error: 'conflict', reason: 'unknown-consult', message: expect.stringContaining('consult-1') });
    }
    // A consult of another task does not count either.
    const other = await api.assessed();
    await api.post(api.tokens.nurse, `/api/d-tasks/${other}/consult`, consult).expect(200);
    await api.post(api.tokens.nurse, `/api/d-tasks/${taskId}/decision`, { ...adviceDecision(), consultId: 'consult-1' }).expect(409);
    expect((await eventsOf(taskId)).length).toBe(before);
  });

  it('lets only the nurse who holds the task (or a supervisor) record a consult', async () => {
    const taskId = await api.assessed();
    expect((await api.post(api.tokens.nurse2, `/api/d-tasks/${taskId}/consult`, consult).expect(409)).body.reason).toBe('not-owner');
    await api.post(api.tokens.supervisor, `/api/d-tasks/${taskId}/consult`, consult).expect(200);
    const waiting = await api.intake();
    expect((await api.post(api.tokens.nurse, `/api/d-tasks/${waiting}/consult`, consult).expect(409)).body.reason).toBe('not-claimed');
    for (const token of [api.tokens.erc, api.tokens.homeCare, api.tokens.analyst]) await api.post(token, `/api/d-tasks/${taskId}/consult`, consult).expect(403);
  });

  it('answers a retried consult with the same Idempotency-Key as the first, writing it once', async () => {
    const taskId = await api.assessed();
    const press = () => api.post(api.tokens.nurse, `/api/d-tasks/${taskId}/consult`, consult).set('Idempotency-Key', `consult-${taskId}`);
    const first = await press().expect(200);
    expect((await press().expect(200)).body).toEqual(first.body);
    expect((await eventsOf(taskId)).filter((event) => event.type === 'ConsultRecorded')).toHaveLength(1);
  });

  it('answers bad consult and disposition fields with 400 naming the field, writing nothing', async () => {
    const taskId = await api.assessed();
    const before = (await eventsOf(taskId)).length;
    const bad = async (path: string, body: unknown, field: string) => {
      const response = await api.post(api.tokens.nurse, `/api/d-tasks/${taskId}/${path}`, body).expect(400);
      expect({ body, field: response.body.issues.map((issue: { path: string }) => issue.path) }).toEqual({ body, field: [field] });
    };
    await bad('consult', { ...consult, consultant: 'neighbour' }, 'consultant');
    await bad('consult', { consultant: 'ems-physician', advice: 'a' }, 'question');
    await bad('consult', { ...consult, advice: ' ' }, 'advice');
    await bad('consult', { ...consult, consultId: 'mine' }, '(body)');
    await bad('decision', { ...adviceDecision(), careLevel: 'hospital' }, 'careLevel');
    await bad('decision', { ...adviceDecision(), within: 'two hours' }, 'within');
    await bad('decision', { ...adviceDecision(), within: 'PT' }, 'within');
    await bad('decision', { ...adviceDecision(), transport: 'helicopter' }, 'transport');
    await bad('decision', { ...adviceDecision(), consultId: '' }, 'consultId');
    await bad('decision', { kind: 'send-unit', unitLevel: 'basic', urgency: 'D', careLevel: 'self-care' }, '(body)');
    expect((await eventsOf(taskId)).length).toBe(before);
  });

  it('refuses self-care with a timeframe or a ride (400 naming it), and a referral given longer than the visit limit (409)', async () => {
    const taskId = await api.assessed();
    const before = (await eventsOf(taskId)).length;
    const fields = async (body: object) => (await api.post(api.tokens.nurse, `/api/d-tasks/${taskId}/decision`, body).expect(400)).body.issues.map((issue: { path: string }) => issue.path);
    expect(await fields({ ...adviceDecision(), careLevel: 'self-care', within: 'PT8H' })).toEqual(['within']);
    expect(await fields({ ...adviceDecision(), careLevel: 'self-care', transport: 'taxi' })).toEqual(['transport']);
    const longer = await api.post(api.tokens.nurse, `/api/d-tasks/${taskId}/decision`, { kind: 'redirect', target: 'oulu-home-care', handoffNote: 'n', patientInformed: true, careLevel: 'primary-care', within: 'P7D' }).expect(409);
    expect(longer.body).toMatchObject({ reason: 'timeframe-beyond-visit-limit', message: expect.stringContaining('24 h') });
    expect((await eventsOf(taskId)).length).toBe(before);
    const selfCare = await api.post(api.tokens.nurse, `/api/d-tasks/${taskId}/decision`, { ...adviceDecision(), careLevel: 'self-care', transport: 'none' }).expect(200);
    expect(selfCare.body.disposition).toMatchObject({ careLevel: 'self-care', transport: 'none', within: null });
  });
});
