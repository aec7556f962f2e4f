import { adviceDecision, cast, intakeBody } from './support/dtask-api';
import { ALL_ROLES, CONTRACT_ROUTES, ContractRoute } from './support/contract-routes';
import { startTestApp, TestApp } from './support/test-app';

type Api = Awaited<ReturnType<typeof cast>>;
interface Prepared {
  taskId: string;
  body?: unknown;
}

/** For each route: bring a task to the state the route needs, acting as `token`, and the body to send. */
function preparations(api: Api): Record<string, (token: string) => Promise<Prepared>> {
  const { post, tokens } = api;
  const claimedBy = async (token: string) => {
    const taskId = await api.intake();
    await post(token, `/api/d-tasks/${taskId}/claim`).expect(200);
    return taskId;
  };
  const reachedBy = async (token: string) => {
    const taskId = await claimedBy(token);
    await post(token, `/api/d-tasks/${taskId}/callbacks`, { outcome: 'reached' }).expect(200);
    return taskId;
  };
  const assessedBy = async (token: string) => {
    const taskId = await reachedBy(token);
    await post(token, `/api/d-tasks/${taskId}/assessment`, { redFlags: [], concern: false, symptoms: 's', existingServices: [], notes: '' }).expect(200);
    return taskId;
  };
  const unitRequested = async () => {
    const taskId = await claimedBy(tokens.supervisor);
    await post(tokens.supervisor, `/api/d-tasks/${taskId}/callbacks`, { outcome: 'no-answer' }).expect(200);
    await post(tokens.supervisor, `/api/d-tasks/${taskId}/callbacks`, { outcome: 'no-answer' }).expect(200);
    return taskId;
  };
  /** Redirected to Oulu home care and accepted by it: its visit is awaited (v1.1). */
  const acceptedByHomeCare = async () => {
    const taskId = await assessedBy(tokens.nurse);
    await post(tokens.nurse, `/api/d-tasks/${taskId}/decision`, { kind: 'redirect', target: 'oulu-home-care', handoffNote: 'n', patientInformed: true }).expect(200);
    await post(tokens.homeCare, `/api/d-tasks/${taskId}/handoff/accept`).expect(200);
    return taskId;
  };
  return {
    'post /api/d-tasks': async () => ({ taskId: '', body: intakeBody() }),
    'post /api/d-tasks/:id/cancel': async () => ({ taskId: await api.intake(), body: { reason: 'patient went by taxi' } }),
    'post /api/d-tasks/:id/claim': async () => ({ taskId: await api.intake() }),
    'post /api/d-tasks/:id/release': async (token) => ({ taskId: await claimedBy(token) }),
    'post /api/d-tasks/:id/callbacks': async (token) => ({ taskId: await claimedBy(token), body: { outcome: 'busy' } }),
    'post /api/d-tasks/:id/assessment': async (token) => ({
      taskId: await reachedBy(token),
      body: { redFlags: [], concern: false, symptoms: 'dizzy', existingServices: [], notes: '' },
    }),
    'post /api/d-tasks/:id/escalation': async (token) => ({ taskId: await assessedBy(token), body: { urgency: 'C', reason: 'gut feeling' } }),
    'post /api/d-tasks/:id/decision': async (token) => ({ taskId: await assessedBy(token), body: { kind: 'send-unit', unitLevel: 'basic', urgency: 'D' } }),
    'post /api/d-tasks/:id/follow-up': async (token) => {
      const taskId = await assessedBy(token);
      await post(token, `/api/d-tasks/${taskId}/decision`, adviceDecision(new Date(Date.now() + 3_600_000).toISOString())).expect(200);
      await post(token, `/api/d-tasks/${taskId}/claim`).expect(200);
      return { taskId, body: { outcome: 'reached' } };
    },
    'post /api/d-tasks/:id/close': async () => {
      // A task waiting for its D unit closes only once the unit is with the patient (S8).
      const taskId = await unitRequested();
      await post(tokens.erc, `/api/d-tasks/${taskId}/mission`, { stage: 'on-scene', unitId: 'OU-121' }).expect(200);
      return { taskId, body: {} };
    },
    'post /api/d-tasks/:id/mission': async () => ({ taskId: await unitRequested(), body: { stage: 'unit-assigned', unitId: 'OU-121' } }),
    'post /api/d-tasks/:id/handoff/accept': async () => {
      const taskId = await assessedBy(tokens.nurse);
      await post(tokens.nurse, `/api/d-tasks/${taskId}/decision`, { kind: 'redirect', target: 'oulu-home-care', handoffNote: 'n', patientInformed: true }).expect(200);
      return { taskId };
    },
    'post /api/d-tasks/:id/handoff/complete': async () => ({ taskId: await acceptedByHomeCare(), body: { visitedAt: new Date().toISOString(), notes: 'käynti tehty' } }),
    'post /api/d-tasks/:id/handoff/fail': async () => ({ taskId: await acceptedByHomeCare(), body: { reason: 'ei kotona' } }),
    'post /api/d-tasks/:id/consult': async (token) => ({ taskId: await claimedBy(token), body: { consultant: 'ems-physician', question: 'riittääkö neuvo?', advice: 'riittää' } }),
    'post /api/d-tasks/:id/handoff/decline': async () => {
      const taskId = await assessedBy(tokens.nurse);
      await post(tokens.nurse, `/api/d-tasks/${taskId}/decision`, { kind: 'redirect', target: 'oulu-home-care', handoffNote: 'n', patientInformed: true }).expect(200);
      return { taskId, body: { reason: 'no capacity' } };
    },
    'post /api/d-tasks/:id/override': async () => {
      const patient = { personId: `${String(Math.floor(Math.random() * 28) + 1).padStart(2, '0')}0550-${String(Math.floor(Math.random() * 1000)).padStart(3, '0')}B` };
      const first = await api.assessed({ patient });
      await post(tokens.nurse, `/api/d-tasks/${first}/decision`, adviceDecision()).expect(200);
      return { taskId: await api.intake({ patient }), body: { rule: 'S4-second-contact', reason: 'confirmed with the patient' } };
    },
    'post /api/d-tasks/:id/erc-update': async () => ({ taskId: await api.intake(), body: { kind: 'repeat-call', notes: 'called 112 again' } }),
    'post /api/d-tasks/:id/recalls': async (token) => ({ taskId: await claimedBy(token), body: { dueAt: new Date(Date.now() + 3_600_000).toISOString(), reason: 'nurse' } }),
    'post /api/d-tasks/:id/recalls/follow-up': async (token) => {
      const taskId = await assessedBy(token);
      await post(token, `/api/d-tasks/${taskId}/decision`, adviceDecision(new Date(Date.now() + 3_600_000).toISOString())).expect(200);
      await post(token, `/api/d-tasks/${taskId}/claim`).expect(200);
      return { taskId, body: { outcome: 'reached', condition: 'better' } };
    },
    'get /api/d-tasks': async () => ({ taskId: '' }),
    'get /api/d-tasks/:id': async () => ({ taskId: await api.intake() }),
    'get /api/d-tasks/:id/record': async () => ({ taskId: await api.intake() }),
    'get /api/d-tasks/:id/record.fhir': async () => ({ taskId: await api.intake() }),
    'get /api/audit/personal-data-reads?taskId=:id': async () => ({ taskId: await api.intake() }),
    'get /api/services': async () => ({ taskId: '' }),
    'get /api/load': async () => ({ taskId: '' }),
    'get /api/reports/load-reduction': async () => ({ taskId: '' }),
    'get /api/reports/outcomes': async () => ({ taskId: '' }),
    'get /api/events': async () => ({ taskId: '' }),
    'get /api/admin/config': async () => ({ taskId: '' }),
    'get /api/handoffs': async () => ({ taskId: '' }),
    'get /api/load/history': async () => ({ taskId: '' }),
    'get /api/desk': async () => ({ taskId: '' }),
    'get /api/reports/span': async () => ({ taskId: '' }),
    'get /metrics': async () => ({ taskId: '' }),
    'get /api/replay/load-reduction': async () => ({ taskId: '' }),
    'get /api/replay/load?at=2026-11-22T10:00:00Z': async () => ({ taskId: '' }),
    'get /api/replay/day?date=2026-11-22': async () => ({ taskId: '' }),
    'get /api/replay/what-if?s1FailedAttempts=1': async () => ({ taskId: '' }),
    'get /api/reports/charts': async () => ({ taskId: '' }),
    'get /api/export/events.ndjson': async () => ({ taskId: '' }),
    'get /api/export/measures.csv': async () => ({ taskId: '' }),
  };
}

describe('every route × every role', () => {
  let app: TestApp;
  let api: Api;
  const tokenOf: Record<string, string> = {};

  beforeAll(async () => {
    app = await startTestApp();
    api = await cast(app);
    for (const role of ALL_ROLES) tokenOf[role] = await app.tokenFor(role, `${role}-matrix`, role === 'partner' ? 'oulu-home-care' : undefined);
  });
  afterAll(() => app.close());

  const cases = CONTRACT_ROUTES.flatMap((route) => ALL_ROLES.map((role) => [`${route.method.toUpperCase()} ${route.path} as ${role}`, route, role] as const));

  it.each(cases)('%s', async (_, route: ContractRoute, role: string) => {
    const allowed = route.roles.includes(role);
    const prepared = allowed ? await preparations(api)[`${route.method} ${route.path}`]!(tokenOf[role]!) : { taskId: '5b0c1f4e-3a1d-4e8b-9c2f-7d6e5a4b3c21' };
    const path = route.path.replace(':id', prepared.taskId);
    const request = route.method === 'get' ? app.http.get(path) : app.http.post(path).send((prepared.body ?? {}) as object);
    const response = await request.set('Authorization', `Bearer ${tokenOf[role]}`);
    if (allowed) {
      expect(response.status).toBeGreaterThanOrEqual(200);
      expect(response.status).toBeLessThan(300);
    } else {
      expect(response.status).toBe(403);
    }
  });

  it('shows an admin the safety limits in force, never the secrets', async () => {
    const response = await app.http.get('/api/admin/config').set('Authorization', `Bearer ${tokenOf.admin}`).expect(200);
    expect(response.body.settings).toMatchObject({ S1_FAILED_ATTEMPTS: 2, S6_HANDOFF_MINUTES: 30, PSEUDONYM_KEY: '(set, redacted)', DEV_TOKEN_SECRET: '(set, redacted)' });
    expect(JSON.stringify(response.body)).not.toContain('dev-only-pseudonym-key');
  });

  it('refuses every route without a token', async () => {
    for (const route of CONTRACT_ROUTES) {
      const path = route.path.replace(':id', '5b0c1f4e-3a1d-4e8b-9c2f-7d6e5a4b3c21');
      const response = await (route.method === 'get' ? app.http.get(path) : app.http.post(path).send({}));
      expect(response.status).toBe(401);
    }
  });
});
