import { EventStore } from '@dtask/event-store';
import { ManualClock } from '../apps/dispatch-api/src/clock/clock';
import { DeadlineScheduler } from '../apps/dispatch-api/src/d-tasks/deadline-scheduler';
import { EVENT_STORE } from '../apps/dispatch-api/src/event-store/event-store.module';
import { AllStreamFollower } from '../apps/dispatch-api/src/projections/projection-host';
import { adviceDecision, cast } from './support/dtask-api';
import { startTestApp, TestApp } from './support/test-app';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const assessment = { redFlags: [], concern: false, symptoms: 'yrsel', existingServices: [], notes: '' };
const consult = { consultant: 'ems-physician', question: 'Riittääkö kotihoito?', advice: 'Riittää.' };
const toHomeCare = { kind: 'redirect', target: 'oulu-home-care', handoffNote: 'Käynti tänään', patientInformed: true };

/**
 * Issue 14's measures through the HTTP API on the real store, by a hand-moved clock from t0. V: a
 * consult, a redirect whose visit failed, decided again as a unit (conveyed, 45 min). O (Raahe):
 * reached 40 min after receipt, a consult, a nurse's unit that left the patient at home (60 min).
 * A: Swedish through an interpreter, advice (self-care, no timeframe: there is none to keep). R: a redirect visited
 * (resolved). H: a redirect unanswered past S6's limit. K: Swedish, accepted, its visit awaited.
 * Y: O's patient again after the mission, not yet reached.
 */
describe('the measures of the published evaluations, over HTTP', () => {
  let app: TestApp;
  let api: Awaited<ReturnType<typeof cast>>;
  let store: EventStore;
  // 08.00 in Helsinki: the test's hours stay within one Helsinki day, so the wall's "today" holds every task at any hour it runs.
  const clock = new ManualClock('2026-11-24T06:00:00.000Z');
  const ids: Record<'V' | 'O' | 'A' | 'R' | 'H' | 'K' | 'Y', string> = { V: '', O: '', A: '', R: '', H: '', K: '', Y: '' };
  const patientO = { ageYears: 77, sex: 'male', personId: '121247-9012' };
  let window = '';

  beforeAll(async () => {
    app = await startTestApp({ SCHEDULER_INTERVAL_MS: '3600000' }, undefined, clock);
    api = await cast(app);
    store = app.app.get(EVENT_STORE);
    const { post, tokens } = api;
    const t0 = clock.now().getTime();
    const now = () => clock.now().toISOString();
    window = `from=${new Date(t0 - HOUR).toISOString()}&to=${new Date(t0 + 5 * HOUR).toISOString()}`;
    const mission = (id: string, stage: string, extra: Record<string, unknown> = {}) => post(tokens.erc, `/api/d-tasks/${id}/mission`, { stage, unitId: id === ids.V ? 'OU-121' : 'OU-122', ...extra }).expect(200);

    for (const key of ['V', 'A', 'R', 'H', 'K'] as const) ids[key] = await api.assessed({ receivedAt: now() });
    ids.O = await api.intake({ receivedAt: now(), municipality: 'Raahe', patient: patientO });
    await post(tokens.nurse, `/api/d-tasks/${ids.A}/assessment`, { ...assessment, language: 'sv', interpreter: true }).expect(200);
    await post(tokens.nurse, `/api/d-tasks/${ids.A}/decision`, { ...adviceDecision(), careLevel: 'self-care', transport: 'none' }).expect(200);
    await post(tokens.nurse, `/api/d-tasks/${ids.V}/consult`, { ...consult, consultant: 'field-commander' }).expect(200);
    await post(tokens.nurse, `/api/d-tasks/${ids.V}/decision`, { ...toHomeCare, careLevel: 'primary-care', within: 'PT4H', consultId: 'consult-1' }).expect(200);
    await post(tokens.nurse, `/api/d-tasks/${ids.R}/decision`, { ...toHomeCare, careLevel: 'primary-care', within: 'PT2H' }).expect(200);
    await post(tokens.nurse, `/api/d-tasks/${ids.H}/decision`, toHomeCare).expect(200);
    await post(tokens.nurse, `/api/d-tasks/${ids.K}/assessment`, { ...assessment, language: 'sv' }).expect(200);
    await post(tokens.nurse, `/api/d-tasks/${ids.K}/decision`, toHomeCare).expect(200);
    clock.advance(MINUTE);
    for (const key of ['V', 'R', 'K'] as const) await post(tokens.homeCare, `/api/d-tasks/${ids[key]}/handoff/accept`).expect(200);
    await post(tokens.homeCare, `/api/d-tasks/${ids.V}/handoff/fail`, { reason: 'Ei kotona' }).expect(200);
    await post(tokens.nurse, `/api/d-tasks/${ids.V}/claim`).expect(200);
    await post(tokens.nurse, `/api/d-tasks/${ids.V}/decision`, { kind: 'send-unit', unitLevel: 'basic', urgency: 'D' }).expect(200);
    await mission(ids.V, 'unit-assigned');

    clock.advance(39 * MINUTE); // t0 + 40
    await post(tokens.nurse2, `/api/d-tasks/${ids.O}/claim`).expect(200);
    await post(tokens.nurse2, `/api/d-tasks/${ids.O}/callbacks`, { outcome: 'reached' }).expect(200);
    await post(tokens.nurse2, `/api/d-tasks/${ids.O}/assessment`, assessment).expect(200);
    await post(tokens.nurse2, `/api/d-tasks/${ids.O}/consult`, consult).expect(200);
    await post(tokens.nurse2, `/api/d-tasks/${ids.O}/decision`, { kind: 'send-unit', unitLevel: 'basic', urgency: 'D', consultId: 'consult-1' }).expect(200);
    await mission(ids.O, 'unit-assigned');
    clock.advance(6 * MINUTE); // t0 + 46
    await mission(ids.V, 'completed', { conveyed: true });
    clock.advance(54 * MINUTE); // t0 + 100
    await mission(ids.O, 'completed', { conveyed: false, xCode: 'X-5' });
    await post(tokens.homeCare, `/api/d-tasks/${ids.R}/handoff/complete`, { visitedAt: new Date(t0 + 90 * MINUTE).toISOString() }).expect(200);
    clock.advance(MINUTE); // t0 + 101
    ids.Y = await api.intake({ receivedAt: now(), municipality: 'Raahe', patient: patientO });
    await app.app.get(AllStreamFollower).waitFor(await store.headPosition());
  });
  afterAll(() => app.close());

  const report = async (path = '/api/reports/load-reduction', query = '') => (await api.get(api.tokens.analyst, `${path}?${window}${query}`).expect(200)).body;
  const csvCells = (text: string, rowKey = 'total') => {
    const [header, ...rows] = text.trim().split('\r\n');
    const row = rows.find((line) => line.split(',').includes(rowKey))!.split(',');
    return (name: string) => row[header!.split(',').indexOf(name)];
  };
  const expected = {
    tasks: 7,
    resolvedWithoutUnit: 2, // A's advice and R's visited redirect; K accepted, not yet visited
    unitMinutesMeasured: { median: 45, p90: 60, mean: 52.5, missions: 2 },
    // Reached within 30 min: V, A, R, H, K; O after 40 min; Y not yet past its target.
    withinTarget: { targetMinutes: 30, tasks: 6, within: 5, share: 0.8333 },
    overTriage: { unitsDecided: 2, notConveyed: 1, share: 0.5 },
    careLevel: { 'self-care': 1, 'primary-care': 1, 'emergency-department': 0, 'social-care': 0, other: 0 },
    careLevelWithin: { 'self-care': { 'not-told': 1 }, 'primary-care': { PT2H: 1 } },
    consults: 2,
    interpreter: 1,
    failedVisits: 1,
    recontacts: { within24h: 1, within72h: 1 },
  };

  it('gives the report the measured unit time, the share within target, over-triage, dispositions, consults and interpreter use', async () => {
    const { totals } = await report();
    expect(totals).toMatchObject({ ...expected, assumedMissionMinutes: 75, unitHoursAvoided: 2.5, unitHoursAvoidedMeasured: 1.75 });
    expect(totals.timeToConsult.medianSeconds).not.toBeNull();
  });

  it('breaks them down by municipality and nurse, and gives them as CSV columns', async () => {
    const raahe = (await report('/api/reports/load-reduction', '&groupBy=municipality')).groups.find((group: { key: string }) => group.key === 'Raahe');
    expect(raahe).toMatchObject({ tasks: 2, withinTarget: { tasks: 1, within: 0 }, overTriage: { unitsDecided: 1, notConveyed: 1 }, consults: 1, recontacts: { within24h: 1 } });
    const byNurse = (await api.get(api.tokens.supervisor, `/api/reports/load-reduction?${window}&groupBy=nurse`).expect(200)).body.groups;
    expect(byNurse.find((group: { key: string }) => group.key === 'nurse-ben')).toMatchObject({ overTriage: { unitsDecided: 1, notConveyed: 1 }, consults: 1 });
    const csv = await app.http.get(`/api/reports/load-reduction?${window}`).set('Authorization', `Bearer ${api.tokens.analyst}`).set('Accept', 'text/csv').expect(200);
    const cell = csvCells(csv.text);
    const columns = ['unitMinutesMeasured.median', 'unitMinutesMeasured.p90', 'withinTarget.targetMinutes', 'withinTarget.share', 'overTriage.unitsDecided', 'overTriage.notConveyed', 'overTriage.share', 'careLevel.self-care', 'careLevel.social-care', 'consults', 'interpreter', 'recontacts.within24h', 'recontacts.within72h', 'failedVisits'];
    expect(columns.map(cell)).toEqual(['45', '60', '30', '0.8333', '2', '1', '0.5', '1', '0', '2', '1', '1', '1', '1']);
  });

  it('exports, charts and replays the same figures', async () => {
    const exported = await app.http.get(`/api/export/measures.csv?${window}`).set('Authorization', `Bearer ${api.tokens.analyst}`).expect(200);
    expect(['withinTarget.share', 'overTriage.share', 'unitMinutesMeasured.median', 'careLevel.primary-care'].map(csvCells(exported.text))).toEqual(['0.8333', '0.5', '45', '1']);
    const charts = await report('/api/reports/charts');
    // Summed over the months: a run near a Helsinki month's end spreads the tasks over two.
    const sum = (key: 'consults' | 'interpreter' | 'failedVisits') => charts.monthly.reduce((n: number, point: Record<string, number>) => n + point[key]!, 0);
    expect([sum('consults'), sum('interpreter'), sum('failedVisits')]).toEqual([2, 1, 1]);
    expect(charts.monthly.some((point: { unitMinutesMedian: number | null; withinTargetShare: number }) => point.unitMinutesMedian !== null && point.withinTargetShare > 0)).toBe(true);
    const live = (await report()).totals;
    const replayed = (await report('/api/replay/load-reduction')).totals;
    for (const measure of Object.keys(expected)) expect(replayed[measure]).toEqual(live[measure]);
    const whatIf = (await api.get(api.tokens.analyst, `/api/replay/what-if?${window}`).expect(200)).body;
    expect(whatIf.whatIf.measures).toEqual(whatIf.actual.measures);
    expect(whatIf.actual.measures).toMatchObject(expected);
  });

  it('shows the supervisor the open referrals, K’s visit awaited and H’s answer overdue', async () => {
    const load = (await api.get(api.tokens.supervisor, '/api/load').expect(200)).body;
    expect(load.awaitingVisit).toBe(1);
    expect(load.referrals.awaitingHandoff).toEqual([expect.objectContaining({ taskId: ids.H, status: 'awaiting-handoff', target: 'oulu-home-care', overdue: true })]);
    expect(load.referrals.awaitingVisit).toEqual([expect.objectContaining({ taskId: ids.K, status: 'awaiting-visit', overdue: false })]);
    expect(load.referrals.overdueVisits).toEqual([]);
    expect(load.loadReduction.today).toMatchObject({ withinTarget: { share: 0.8333 }, overTriage: { share: 0.5 }, unitMinutesMeasured: { median: 45 } });
    const desk = (await api.get(api.tokens.supervisor, '/api/desk?load=1').expect(200)).body;
    expect(desk.load.referrals).toEqual(load.referrals);
  });

  it('lists K’s visit overdue once the limit returns it, and marks its Swedish-speaking patient in the queue', async () => {
    clock.advance(24 * HOUR);
    await app.app.get(DeadlineScheduler).tick();
    await app.app.get(AllStreamFollower).waitFor(await store.headPosition());
    const load = (await api.get(api.tokens.supervisor, '/api/load').expect(200)).body;
    expect(load.referrals.awaitingVisit).toEqual([]);
    expect(load.referrals.overdueVisits).toEqual([expect.objectContaining({ taskId: ids.K, status: 'waiting', target: 'oulu-home-care', returnedAt: expect.any(String) })]);
    const queue = (await api.get(api.tokens.nurse, '/api/d-tasks').expect(200)).body.tasks as { taskId: string; language?: string }[];
    expect(queue.find((item) => item.taskId === ids.K)?.language).toBe('sv');
    // H, back from S6's limit, was assessed with no language told.
    expect(queue.find((item) => item.taskId === ids.H)).toEqual(expect.not.objectContaining({ language: expect.anything() }));
    expect(queue.map((item) => item.taskId)).toContain(ids.H);
  });
});
