import { ManualClock } from '../apps/dispatch-api/src/clock/clock';
import { adviceDecision, cast } from './support/dtask-api';
import { startTestApp, TestApp } from './support/test-app';

const MINUTE = 60_000;
const FROM = '2025-01-01T00:00:00+02:00';
const TO = '2025-04-01T00:00:00+03:00';
const window = `from=${encodeURIComponent(FROM)}&to=${encodeURIComponent(TO)}`;

/**
 * Eight tasks through the real API on a hand-moved clock, so each month's figures and each
 * time to contact are known by hand.
 */
describe('the analysts’ chart data over HTTP', () => {
  let app: TestApp;
  let clock: ManualClock;
  let api: Awaited<ReturnType<typeof cast>>;

  /** Intake at `receivedAt`, claimed by nurse-anna at the same instant. */
  async function received(receivedAt: string, patient: Record<string, unknown> = {}) {
    clock.set(receivedAt);
    const taskId = await api.intake({ receivedAt, ...(Object.keys(patient).length ? { patient: { ageYears: 70, ...patient } } : {}) });
    await api.post(api.tokens.nurse, `/api/d-tasks/${taskId}/claim`).expect(200);
    return taskId;
  }
  /** Reached `minutes` after receipt, then assessed. */
  async function reached(taskId: string, receivedAt: string, minutes: number, redFlags: string[] = []) {
    clock.set(new Date(Date.parse(receivedAt) + minutes * MINUTE));
    await api.post(api.tokens.nurse, `/api/d-tasks/${taskId}/callbacks`, { outcome: 'reached' }).expect(200);
    await api.post(api.tokens.nurse, `/api/d-tasks/${taskId}/assessment`, { redFlags, concern: false, symptoms: 'dizzy', existingServices: [], notes: '' }).expect(200);
  }
  const sendUnit = (taskId: string) => api.post(api.tokens.nurse, `/api/d-tasks/${taskId}/decision`, { kind: 'send-unit', unitLevel: 'basic', urgency: 'D' }).expect(200);

  beforeAll(async () => {
    clock = new ManualClock('2025-02-10T08:00:00Z');
    app = await startTestApp({ SCHEDULER_INTERVAL_MS: '3600000' }, undefined, clock);
    api = await cast(app);
    const first = { personId: '010150-123A' };
    const second = { personId: '020250-234B' };

    // February (UTC+2).
    const t1 = '2025-02-10T08:00:00Z'; // advice after 3 min: resolved
    const a = await received(t1, first);
    await reached(a, t1, 3);
    await api.post(api.tokens.nurse, `/api/d-tasks/${a}/decision`, adviceDecision()).expect(200);
    const t8 = '2025-02-12T08:00:00Z'; // the same patient 48 h later: a second contact within 72 h, not 24 h
    const h = await received(t8, first);
    await reached(h, t8, 7);
    await sendUnit(h);
    const t2 = '2025-02-28T21:30:00Z'; // 23:30 on 28 February in Helsinki; a unit after contact at 12 min
    const b = await received(t2);
    await reached(b, t2, 12);
    await sendUnit(b);

    // March: the first one is still February in UTC.
    const t3 = '2025-02-28T22:30:00Z'; // 00:30 on 1 March in Helsinki; redirect after 25 min, accepted and visited: resolved
    const c = await received(t3, second);
    await reached(c, t3, 25);
    await api.post(api.tokens.nurse, `/api/d-tasks/${c}/decision`, { kind: 'redirect', target: 'oulu-home-care', handoffNote: 'visit today', patientInformed: true }).expect(200);
    await api.post(api.tokens.homeCare, `/api/d-tasks/${c}/handoff/accept`).expect(200);
    await api.post(api.tokens.homeCare, `/api/d-tasks/${c}/handoff/complete`, { visitedAt: clock.now().toISOString() }).expect(200);
    const t6 = '2025-03-01T10:00:00Z'; // the same patient 11 h later: a second contact within 24 h; contact after 130 min
    const f = await received(t6, second);
    await reached(f, t6, 130);
    await sendUnit(f);
    const t4 = '2025-03-15T10:00:00Z'; // two unanswered callbacks: an automatic unit (S1), no contact
    const d = await received(t4);
    clock.set(new Date(Date.parse(t4) + 2 * MINUTE));
    await api.post(api.tokens.nurse, `/api/d-tasks/${d}/callbacks`, { outcome: 'no-answer' }).expect(200);
    await api.post(api.tokens.nurse, `/api/d-tasks/${d}/callbacks`, { outcome: 'busy' }).expect(200);
    const t5 = '2025-03-20T10:00:00Z'; // chest pain found at 50 min: escalated
    const e = await received(t5);
    await reached(e, t5, 50, ['chest-pain']);
    await api.post(api.tokens.nurse, `/api/d-tasks/${e}/escalation`, { urgency: 'B', reason: 'chest pain at rest' }).expect(200);
    clock.set('2025-03-25T10:00:00Z'); // cancelled by the ERC: counted as a task, not in the rates
    const g = await api.intake({ receivedAt: clock.now().toISOString() });
    await api.post(api.tokens.erc, `/api/d-tasks/${g}/cancel`, { reason: 'went by taxi' }).expect(200);

    clock.set('2025-04-10T10:00:00Z');
  });
  afterAll(() => app.close());

  it('answers each Helsinki month with the report’s definitions', async () => {
    const body = (await api.get(api.tokens.analyst, `/api/reports/charts?${window}`).expect(200)).body;
    expect(body).toMatchObject({ from: '2024-12-31T22:00:00.000Z', to: '2025-03-31T21:00:00.000Z', referencePerYear: 1500 });
    const rows = body.monthly.map((m: Record<string, unknown>) => [
      m.month, m.tasks, m.unitRequested, m.phoneAdvice, m.redirect, m.escalated, m.autoDispatch,
      m.resolvedWithoutUnit, m.cumulativeResolvedWithoutUnit, m.referenceCumulative, m.secondContactRate24h, m.secondContactRate72h,
    ]);
    expect(rows).toEqual([
      // month, tasks, unit, advice, redirect, escalated, auto, resolved, cumulative, reference, 24 h, 72 h
      ['2025-01', 0, 0, 0, 0, 0, 0, 0, 0, 127.4, 0, 0], // 1,500 × 31 / 365
      ['2025-02', 3, 2, 1, 0, 0, 0, 1, 1, 242.5, 0, 0.3333], // 1,500 × 59 / 365; one 72 h second contact of 3
      ['2025-03', 5, 3, 0, 1, 1, 1, 1, 2, 369.7, 0.25, 0.25], // 1,500 × (90 days − 1 h) / 365; 1 of 4 not cancelled
    ]);
    expect(body.monthly[2].redirectByKind).toEqual({ 'home-care': 1 });
  });

  it('answers the distribution of time to first contact with its median and p90', async () => {
    const { timeToContact } = (await api.get(api.tokens.supervisor, `/api/reports/charts?${window}`).expect(200)).body;
    // Contacts after 3, 7, 12, 25, 50 and 130 minutes.
    expect(timeToContact.buckets.map((b: { count: number }) => b.count)).toEqual([1, 1, 1, 0, 1, 0, 1, 0, 0, 1]);
    expect(timeToContact).toMatchObject({ count: 6, medianSeconds: 720, p90Seconds: 7800 });
    const report = (await api.get(api.tokens.analyst, `/api/reports/load-reduction?${window}`).expect(200)).body.totals;
    expect(report.timeToContact).toEqual({ medianSeconds: 720, p90Seconds: 7800 });
  });

  it('defaults to the year to date and validates the window as the report does', async () => {
    const body = (await api.get(api.tokens.analyst, '/api/reports/charts').expect(200)).body;
    expect(body.from).toBe('2024-12-31T22:00:00.000Z');
    expect(body.to).toBe('2025-04-10T10:00:00.000Z');
    expect(body.monthly.map((m: { month: string }) => m.month)).toEqual(['2025-01', '2025-02', '2025-03', '2025-04']);
    const reversed = await api.get(api.tokens.analyst, `/api/reports/charts?from=${encodeURIComponent(TO)}&to=${encodeURIComponent(FROM)}`).expect(400);
    expect(reversed.body.issues[0].path).toBe('to');
    expect((await api.get(api.tokens.analyst, '/api/reports/charts?from=yesterday').expect(400)).body.issues[0].path).toBe('from');
    expect((await api.get(api.tokens.analyst, '/api/reports/charts?groupBy=area').expect(400)).body.error).toBe('validation');
    await api.get(api.tokens.nurse, '/api/reports/charts').expect(403);
  });

  it('refuses a window that no report needs, naming the end that is out of bounds', async () => {
    const ask = (from: string, to: string) => api.get(api.tokens.analyst, `/api/reports/charts?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`);
    // Ten thousand years of months was a 26 MB answer.
    expect((await ask('0001-01-01T00:00:00Z', '2025-01-01T00:00:00Z').expect(400)).body.issues[0].path).toBe('from');
    expect((await ask('2025-01-01T00:00:00Z', '9999-12-31T00:00:00Z').expect(400)).body.issues[0].path).toBe('to');
    expect((await ask('2010-01-01T00:00:00Z', '2025-01-01T00:00:00Z').expect(400)).body.issues[0].path).toBe('to');
    await ask('2021-01-01T00:00:00Z', '2025-01-01T00:00:00Z').expect(200);
  });
});
