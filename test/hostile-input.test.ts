import fc from 'fast-check';
import { EventStore } from '@dtask/event-store';
import {
  AssessmentBody,
  CallbackBody,
  CancelBody,
  CloseBody,
  ConsultBody,
  DecisionBody,
  EmptyBody,
  ErcUpdateBody,
  EscalationBody,
  FollowUpBody,
  HandoffCompleteBody,
  HandoffDeclineBody,
  HandoffFailBody,
  IntakeBody,
  MissionBody,
  OverrideBody,
  RecallBody,
  RecallOutcomeBody,
} from '@dtask/events';
import { z } from 'zod';
import { EVENT_STORE } from '../apps/dispatch-api/src/event-store/event-store.module';
import { adviceDecision, cast, intakeBody } from './support/dtask-api';
import { startTestApp, TestApp } from './support/test-app';

/** Each body route, a valid body to mutate, its schema, and the role that may call it. */
const ROUTES: { path: string; role: string; valid: () => Record<string, unknown>; schema: z.ZodType }[] = [
  { path: '/api/d-tasks', role: 'erc', valid: () => intakeBody(), schema: IntakeBody },
  { path: '/api/d-tasks/:id/cancel', role: 'erc', valid: () => ({ reason: 'went by taxi' }), schema: CancelBody },
  { path: '/api/d-tasks/:id/claim', role: 'nurse', valid: () => ({}), schema: EmptyBody },
  { path: '/api/d-tasks/:id/release', role: 'nurse', valid: () => ({}), schema: EmptyBody },
  { path: '/api/d-tasks/:id/callbacks', role: 'nurse', valid: () => ({ outcome: 'reached' }), schema: CallbackBody },
  { path: '/api/d-tasks/:id/assessment', role: 'nurse', valid: () => ({ redFlags: ['chest-pain'], concern: true, symptoms: 's', existingServices: ['home-care'], notes: 'n' }), schema: AssessmentBody },
  { path: '/api/d-tasks/:id/escalation', role: 'nurse', valid: () => ({ urgency: 'B', reason: 'r' }), schema: EscalationBody },
  { path: '/api/d-tasks/:id/decision', role: 'nurse', valid: () => adviceDecision('2026-11-22T12:00:00+02:00'), schema: DecisionBody },
  { path: '/api/d-tasks/:id/follow-up', role: 'nurse', valid: () => ({ outcome: 'reached', notes: 'n' }), schema: FollowUpBody },
  { path: '/api/d-tasks/:id/close', role: 'nurse', valid: () => ({ reason: 'r' }), schema: CloseBody },
  { path: '/api/d-tasks/:id/mission', role: 'erc', valid: () => ({ stage: 'completed', unitId: 'U1', conveyed: false, xCode: 'X-5' }), schema: MissionBody },
  { path: '/api/d-tasks/:id/handoff/accept', role: 'partner', valid: () => ({}), schema: EmptyBody },
  { path: '/api/d-tasks/:id/handoff/decline', role: 'partner', valid: () => ({ reason: 'full' }), schema: HandoffDeclineBody },
  { path: '/api/d-tasks/:id/override', role: 'supervisor', valid: () => ({ rule: 'S4-second-contact', reason: 'r' }), schema: OverrideBody },
  // v1.1
  { path: '/api/d-tasks/:id/erc-update', role: 'erc', valid: () => ({ kind: 'new-information', notes: 'n', callbackPhone: '+358401112233', address: 'Isokatu 3' }), schema: ErcUpdateBody },
  { path: '/api/d-tasks/:id/mission', role: 'erc', valid: () => ({ stage: 'unit-assigned', unitId: 'OU-131', requestedBy: 'field-commander' }), schema: MissionBody },
  { path: '/api/d-tasks/:id/recalls', role: 'nurse', valid: () => ({ dueAt: '2026-11-22T12:00:00+02:00', reason: 'nurse' }), schema: RecallBody },
  { path: '/api/d-tasks/:id/recalls/follow-up', role: 'nurse', valid: () => ({ outcome: 'reached', condition: 'same', notes: 'n' }), schema: RecallOutcomeBody },
  // v1.1: closed-loop handoffs, consults, dispositions
  { path: '/api/d-tasks/:id/handoff/complete', role: 'partner', valid: () => ({ visitedAt: '2026-11-22T12:00:00+02:00', notes: 'n' }), schema: HandoffCompleteBody },
  { path: '/api/d-tasks/:id/handoff/fail', role: 'partner', valid: () => ({ reason: 'not at home' }), schema: HandoffFailBody },
  { path: '/api/d-tasks/:id/consult', role: 'nurse', valid: () => ({ consultant: 'ems-physician', question: 'q', advice: 'a' }), schema: ConsultBody },
  {
    path: '/api/d-tasks/:id/decision',
    role: 'nurse',
    valid: () => ({ kind: 'redirect', target: 'oulu-home-care', handoffNote: 'n', patientInformed: true, careLevel: 'social-care', within: 'PT4H', transport: 'none', consultId: 'consult-1' }),
    schema: DecisionBody,
  },
];

const HOSTILE_KEYS = ['__proto__', 'constructor', 'prototype'];
const huge = (length: number) => 'ä'.repeat(length);

/** Mutations that make a valid body invalid or hostile; a body the schema still accepts is skipped. */
const mutationArb = (valid: Record<string, unknown>) => {
  const keys = Object.keys(valid);
  const key = keys.length ? fc.constantFrom(...keys) : fc.constant('x');
  return fc.oneof(
    key.map((k) => ({ kind: 'missing', body: Object.fromEntries(Object.entries(valid).filter(([name]) => name !== k)) })),
    fc.tuple(key, fc.anything()).map(([k, value]) => ({ kind: 'wrong-type', body: { ...valid, [k]: value } })),
    fc.tuple(key, fc.integer({ min: 5_000, max: 300_000 })).map(([k, length]) => ({ kind: 'huge-string', body: { ...valid, [k]: huge(length) } })),
    fc.tuple(key, fc.string({ maxLength: 30 })).map(([k, value]) => ({ kind: 'unknown-enum', body: { ...valid, [k]: `not-a-${value}` } })),
    fc.tuple(fc.constantFrom(...HOSTILE_KEYS), fc.jsonValue()).map(([k, value]) => ({ kind: 'pollution', raw: `{${JSON.stringify(k)}:{"isAdmin":true,"polluted":${JSON.stringify(value)}},${JSON.stringify(valid).slice(1)}` })),
    fc.string({ maxLength: 40 }).map((junk) => ({ kind: 'extra-key', body: { ...valid, [`extra_${junk}`]: 1 } })),
    fc.oneof(fc.constant(null), fc.integer(), fc.string(), fc.array(fc.anything(), { maxLength: 3 })).map((value) => ({ kind: 'not-an-object', raw: JSON.stringify(value) })),
    fc.string({ maxLength: 40 }).map((text) => ({ kind: 'broken-json', raw: `{"${text}` })),
  );
};

const ALLOWED = new Set([400, 401, 403, 404, 409]);

describe('hostile input', () => {
  let app: TestApp;
  let store: EventStore;
  let taskIds: string[];

  beforeAll(async () => {
    app = await startTestApp();
    store = app.app.get(EVENT_STORE);
    const api = await cast(app);
    // Tasks in several states, so mutated bodies reach every handler's validation.
    const waiting = await api.intake();
    const claimed = await api.assessed();
    const awaiting = await api.assessed();
    await api.post(api.tokens.nurse, `/api/d-tasks/${awaiting}/decision`, { kind: 'redirect', target: 'oulu-home-care', handoffNote: 'n', patientInformed: true }).expect(200);
    const visiting = await api.assessed();
    await api.post(api.tokens.nurse, `/api/d-tasks/${visiting}/decision`, { kind: 'redirect', target: 'oulu-home-care', handoffNote: 'n', patientInformed: true }).expect(200);
    await api.post(api.tokens.homeCare, `/api/d-tasks/${visiting}/handoff/accept`).expect(200);
    taskIds = [waiting, claimed, awaiting, visiting];
  });
  afterAll(() => app.close());

  it('answers at least 1,000 invalid or hostile bodies with 4xx only, and writes nothing', async () => {
    const tokens: Record<string, string> = {
      erc: await app.tokenFor('erc', 'erica'),
      nurse: await app.tokenFor('nurse', 'nurse-anna'),
      partner: await app.tokenFor('partner', 'kotihoito-1', 'oulu-home-care'),
      supervisor: await app.tokenFor('supervisor', 'super-sari'),
    };
    const headBefore = await store.headPosition();
    const countBefore = (await store.readAll({ maxCount: 100_000 })).events.length;
    const statuses = new Map<number, number>();
    let sent = 0;
    for (const route of ROUTES) {
      const samples = fc.sample(mutationArb(route.valid()), { numRuns: 80, seed: 20261122 + sent });
      for (const sample of samples) {
        const raw = 'raw' in sample ? sample.raw : JSON.stringify(sample.body);
        let parsedOk = false;
        try {
          parsedOk = route.schema.safeParse(JSON.parse(raw)).success;
        } catch {
          parsedOk = false;
        }
        if (parsedOk) continue; // still valid: not hostile input
        const taskId = taskIds[sent % taskIds.length]!;
        const response = await app.http
          .post(route.path.replace(':id', taskId))
          .set('Authorization', `Bearer ${tokens[route.role]}`)
          .set('Content-Type', 'application/json')
          .send(raw);
        sent += 1;
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        if (!ALLOWED.has(response.status)) throw new Error(`${route.path} answered ${response.status} to ${sample.kind}: ${raw.slice(0, 200)}`);
        if (response.status === 400) expect(response.body.error).toBe('validation');
      }
    }
    // Hostile ids and queries too.
    for (const id of ['not-a-uuid', '../../etc/passwd', '%00', 'x'.repeat(5000), '5b0c1f4e-3a1d-4e8b-9c2f-7d6e5a4b3c2Z']) {
      const response = await app.http.post(`/api/d-tasks/${encodeURIComponent(id)}/claim`).set('Authorization', `Bearer ${tokens.nurse}`).send({});
      expect(ALLOWED.has(response.status)).toBe(true);
      if (response.status === 400) expect(response.body.issues[0].path).toBe('id');
      sent += 1;
    }
    for (const query of ['status=lost', 'area[]=x', 'from=yesterday', 'groupBy=patient', '__proto__[x]=1']) {
      const path = query.startsWith('from') || query.startsWith('groupBy') ? `/api/reports/load-reduction?${query}` : `/api/d-tasks?${query}`;
      const response = await app.http.get(path).set('Authorization', `Bearer ${tokens.supervisor}`);
      expect(response.status).toBe(400);
      sent += 1;
    }

    expect(sent).toBeGreaterThanOrEqual(1000);
    expect(statuses.get(400)).toBeGreaterThan(sent * 0.9);
    expect(await store.headPosition()).toBe(headBefore);
    expect((await store.readAll({ maxCount: 100_000 })).events.length).toBe(countBefore);
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  }, 120_000);

  it('refuses free text in the fields analysts see as they are, naming each, and writes nothing', async () => {
    const erc = await app.tokenFor('erc', 'erica');
    const headBefore = await store.headPosition();
    const refused = async (path: string, body: Record<string, unknown>, field: string) => {
      const response = await app.http.post(path).set('Authorization', `Bearer ${erc}`).send(body);
      expect({ path, field, status: response.status }).toEqual({ path, field, status: 400 });
      expect(response.body.error).toBe('validation');
      expect(response.body.issues.map((issue: { path: string }) => issue.path)).toEqual([field]);
    };
    for (const ercTaskId of ['Maija Meikäläinen 0401234567', 'ERC 1', 'kaatunut, ei pääse ylös', 'x'.repeat(49) + '1']) {
      await refused('/api/d-tasks', intakeBody({ ercTaskId }), 'ercTaskId');
    }
    for (const municipality of ['Maija Meikäläinen', 'Helsinki', 'Oulu, Isokatu 1 A 2', 'muu', 'x'.repeat(64)]) {
      await refused('/api/d-tasks', intakeBody({ municipality }), 'municipality');
    }
    for (const unitId of ['Maija Meikäläinen', 'OU-121 potilas kaatunut', 'x'.repeat(64)]) {
      await refused(`/api/d-tasks/${taskIds[0]}/mission`, { stage: 'unit-assigned', unitId }, 'unitId');
    }
    expect(await store.headPosition()).toBe(headBefore);
    // The ERC may write a municipality in any case; the task carries the region's spelling.
    const created = await app.http.post('/api/d-tasks').set('Authorization', `Bearer ${erc}`).send(intakeBody({ municipality: ' kempele ' })).expect(201);
    const supervisor = await app.tokenFor('supervisor', 'super-sari');
    const task = await app.http.get(`/api/d-tasks/${created.body.taskId}`).set('Authorization', `Bearer ${supervisor}`).expect(200);
    expect(JSON.stringify(task.body)).toContain('"municipality":"Kempele"');
  });
});
