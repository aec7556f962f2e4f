import { startTestApp, TestApp } from './support/test-app';
import { adviceDecision, cast, intakeBody } from './support/dtask-api';

/**
 * Issue 12's faults of the write path, through the real HTTP API and store: a command whose
 * acknowledgement was lost is re-sent as the same command; a no-op is checked against the stream;
 * a query that must see a write waits for it, even one written by another instance.
 */
describe('command identity and named consistency', () => {
  let a: TestApp;
  let b: TestApp;
  beforeAll(async () => {
    a = await startTestApp({ LOG_LEVEL: 'error', S1_FAILED_ATTEMPTS: '2' });
    // A second instance of the service on the same store file.
    b = await startTestApp({ LOG_LEVEL: 'error', S1_FAILED_ATTEMPTS: '2' }, a.dataDir);
  });
  afterAll(async () => {
    await b.stop();
    await a.close();
  });

  it('answers a retried "no answer" with the same Idempotency-Key as the first press, writing nothing: one failed call, no unit', async () => {
    const api = await cast(a);
    const taskId = await api.intake();
    await api.post(api.tokens.nurse, `/api/d-tasks/${taskId}/claim`).expect(200);
    const press = () => api.post(api.tokens.nurse, `/api/d-tasks/${taskId}/callbacks`, { outcome: 'no-answer' }).set('Idempotency-Key', `no-answer-${taskId}`);
    const first = await press().expect(200);
    const retry = await press().expect(200);
    expect(retry.body).toEqual(first.body);
    expect(retry.body).toMatchObject({ failedAttempts: 1 });
    const detail = await api.get(api.tokens.nurse, `/api/d-tasks/${taskId}`).expect(200);
    expect(detail.body.history.map((event: { type: string }) => event.type)).toEqual(['DTaskReceived', 'DTaskClaimed', 'CallbackAttempted']);
  });

  it('refuses an Idempotency-Key used again for another command, naming the header, and a malformed key', async () => {
    const api = await cast(a);
    const taskId = await api.intake();
    await api.post(api.tokens.nurse, `/api/d-tasks/${taskId}/claim`).set('Idempotency-Key', 'k-1').expect(200);
    const reused = await api.post(api.tokens.nurse, `/api/d-tasks/${taskId}/callbacks`, { outcome: 'reached' }).set('Idempotency-Key', 'k-1');
    expect(reused.status).toBe(409);
    expect(reused.body).toMatchObject({ reason: 'idempotency-key-reused' });
    const malformed = await api.post(api.tokens.nurse, `/api/d-tasks/${taskId}/callbacks`, { outcome: 'reached' }).set('Idempotency-Key', 'x'.repeat(300));
    expect(malformed.status).toBe(400);
    expect(malformed.body.issues[0].path).toBe('Idempotency-Key');
  });

  it("refuses a repeated claim decided on a stale instance's memory: the store says another nurse holds the task", async () => {
    const onA = await cast(a);
    const onB = await cast(b);
    const taskId = await onA.intake();
    await onA.post(onA.tokens.nurse, `/api/d-tasks/${taskId}/claim`).expect(200);
    await onB.post(onB.tokens.nurse, `/api/d-tasks/${taskId}/release`).expect(200);
    await onB.post(onB.tokens.nurse2, `/api/d-tasks/${taskId}/claim`).expect(200);
    const repeated = await onA.post(onA.tokens.nurse, `/api/d-tasks/${taskId}/claim`);
    expect(repeated.status).toBe(409);
    expect(repeated.body).toMatchObject({ reason: 'claimed-by-another-nurse' });
  });

  it('shows in a report a task another instance received just before', async () => {
    const onA = await cast(a);
    const onB = await cast(b);
    const before = (await onA.get(onA.tokens.supervisor, '/api/reports/span').expect(200)).body.tasks as number;
    await onB.intake();
    const after = (await onA.get(onA.tokens.supervisor, '/api/reports/span').expect(200)).body.tasks as number;
    expect(after).toBe(before + 1);
  });

  it('flags S4 on an intake right after phone advice to the same patient given on another instance', async () => {
    const onA = await cast(a);
    const onB = await cast(b);
    const patient = { ageYears: 70, sex: 'male', personId: '121256-9988' };
    const first = await onB.assessed({ patient });
    await onB.post(onB.tokens.nurse, `/api/d-tasks/${first}/decision`, adviceDecision()).expect(200);
    const second = await onA.post(onA.tokens.erc, '/api/d-tasks', intakeBody({ patient })).expect(201);
    const detail = await onA.get(onA.tokens.nurse, `/api/d-tasks/${second.body.taskId}`).expect(200);
    expect(detail.body.flags).toContain('second-contact');
  });
});
