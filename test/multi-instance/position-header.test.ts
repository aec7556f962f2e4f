import { cast, intakeBody } from '../support/dtask-api';
import { startTestApp, TestApp } from '../support/test-app';

/** The position header on one instance: what commands and queries answer, and what a query may send. */
describe('X-Event-Position', () => {
  let app: TestApp;
  let api: Awaited<ReturnType<typeof cast>>;

  beforeAll(async () => {
    app = await startTestApp();
    api = await cast(app);
  });
  afterAll(() => app.close());

  it('answers every command with the position it wrote, and a command that wrote nothing with the store position it stands on', async () => {
    const body = intakeBody();
    const first = await api.post(api.tokens.erc, '/api/d-tasks', body).expect(201);
    const written = first.headers['x-event-position'];
    expect(written).toMatch(/^[1-9]\d*$/);
    const claim = await api.post(api.tokens.nurse, `/api/d-tasks/${first.body.taskId}/claim`).expect(200);
    expect(BigInt(claim.headers['x-event-position'])).toBeGreaterThan(BigInt(written));
    // The same intake again writes nothing; its answer still carries a position that holds the task.
    const repeat = await api.post(api.tokens.erc, '/api/d-tasks', body).expect(200);
    expect(BigInt(repeat.headers['x-event-position'])).toBeGreaterThanOrEqual(BigInt(claim.headers['x-event-position']));
    // A refused command wrote nothing and names no position.
    const refused = await api.post(api.tokens.nurse2, `/api/d-tasks/${first.body.taskId}/claim`).expect(409);
    expect(refused.headers['x-event-position']).toBeUndefined();
  });

  it('answers a query sent with a position once the read models hold it, saying where they stood', async () => {
    const taskId = await api.intake();
    const claim = await api.post(api.tokens.nurse, `/api/d-tasks/${taskId}/claim`).expect(200);
    const queue = await api.get(api.tokens.nurse, '/api/d-tasks?status=claimed').set('X-Event-Position', claim.headers['x-event-position']).expect(200);
    expect(queue.body.tasks.map((task: { taskId: string }) => task.taskId)).toContain(taskId);
    expect(BigInt(queue.headers['x-event-position'])).toBeGreaterThanOrEqual(BigInt(claim.headers['x-event-position']));
  });

  it('answers a position beyond the store (a store restored since) with what the store holds, not a wait without end', async () => {
    const answer = await api.get(api.tokens.nurse, '/api/d-tasks').set('X-Event-Position', '18446744073709551615').expect(200);
    expect(answer.body.tasks).toBeInstanceOf(Array);
  });

  it.each(['abc', '-1', '01', '18446744073709551616', '1.5'])('refuses the position %p with 400 naming the header', async (position) => {
    const answer = await api.get(api.tokens.nurse, '/api/d-tasks').set('X-Event-Position', position).expect(400);
    expect(answer.body).toEqual({ error: 'validation', issues: [{ path: 'X-Event-Position', message: expect.any(String) }] });
  });

  it('checks who asks before it reads the header: no token is 401, a role without the route 403, and neither waits', async () => {
    await app.http.get('/api/d-tasks').set('X-Event-Position', 'abc').expect(401);
    await api.get(api.tokens.analyst, '/api/d-tasks').set('X-Event-Position', 'abc').expect(403);
  });

  it('answers a refused command (409) and a refused body (400) with no position: nothing was written', async () => {
    const { taskId } = (await api.post(api.tokens.erc, '/api/d-tasks', intakeBody()).expect(201)).body;
    const bad = await api.post(api.tokens.nurse, `/api/d-tasks/${taskId}/callbacks`, { outcome: 'maybe' }).expect(400);
    expect(bad.headers['x-event-position']).toBeUndefined();
  });

  it('refuses a command sent with a malformed position before it runs: 400, and the task unchanged', async () => {
    const { taskId } = (await api.post(api.tokens.erc, '/api/d-tasks', intakeBody()).expect(201)).body;
    const refused = await api.post(api.tokens.nurse, `/api/d-tasks/${taskId}/claim`).set('X-Event-Position', '01').expect(400);
    expect(refused.body.issues).toEqual([{ path: 'X-Event-Position', message: expect.any(String) }]);
    await api.post(api.tokens.nurse2, `/api/d-tasks/${taskId}/claim`).expect(200);
  });
});
