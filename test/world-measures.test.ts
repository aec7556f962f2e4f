import { ManualClock } from '../apps/dispatch-api/src/clock/clock';
import { AllStreamFollower } from '../apps/dispatch-api/src/projections/projection-host';
import { EVENT_STORE } from '../apps/dispatch-api/src/event-store/event-store.module';
import { EventStore } from '@dtask/event-store';
import { cast } from './support/dtask-api';
import { startWithRoomToday } from './support/helsinki-today';
import { startTestApp, TestApp } from './support/test-app';

const MINUTE = 60_000;
const sendUnit = { kind: 'send-unit', unitLevel: 'basic', urgency: 'D' };

/**
 * Issue 13's measures through the HTTP API on the real store. A: a repeat call while it waits. F
 * (Raahe): the field commander's unit, nobody claimed it. R: S8's recall reached the patient worse.
 * W: S8's recall failed twice. M: a D unit that left the patient at home (X-5); M2, the same
 * patient again, is flagged a second contact and counts as a re-contact.
 */
describe('the measures of the world around the task, over HTTP', () => {
  let app: TestApp;
  let api: Awaited<ReturnType<typeof cast>>;
  let store: EventStore;
  // The wall's figures are today's: the clock must not pass Helsinki midnight while the test moves it.
  const clock = new ManualClock(startWithRoomToday(3 * 60));
  const ids: Record<'A' | 'F' | 'R' | 'W' | 'M' | 'M2', string> = { A: '', F: '', R: '', W: '', M: '', M2: '' };
  let window = '';
  const patientX = { ageYears: 79, sex: 'male', personId: '121247-9012' };

  beforeAll(async () => {
    app = await startTestApp({ SCHEDULER_INTERVAL_MS: '3600000' }, undefined, clock);
    api = await cast(app);
    store = app.app.get(EVENT_STORE);
    const start = clock.now().getTime();
    const receivedAt = () => clock.now().toISOString();
    window = `from=${new Date(start - 60 * MINUTE).toISOString()}&to=${new Date(start + 120 * MINUTE).toISOString()}`;

    ids.A = await api.intake({ receivedAt: receivedAt() });
    await api.post(api.tokens.erc, `/api/d-tasks/${ids.A}/erc-update`, { kind: 'repeat-call', notes: 'Called 112 again' }).expect(200);
    ids.F = await api.intake({ receivedAt: receivedAt(), municipality: 'Raahe' });
    await api.post(api.tokens.erc, `/api/d-tasks/${ids.F}/mission`, { stage: 'unit-assigned', unitId: 'OU-131', requestedBy: 'field-commander' }).expect(200);
    for (const key of ['R', 'W', 'M'] as const) {
      ids[key] = await api.assessed({ receivedAt: receivedAt(), ...(key === 'M' ? { patient: patientX } : {}) });
      await api.post(api.tokens.nurse, `/api/d-tasks/${ids[key]}/decision`, sendUnit).expect(200);
    }
    for (const stage of ['unit-assigned', 'on-scene']) await api.post(api.tokens.erc, `/api/d-tasks/${ids.M}/mission`, { stage, unitId: 'OU-121' }).expect(200);
    await api.post(api.tokens.erc, `/api/d-tasks/${ids.M}/mission`, { stage: 'completed', unitId: 'OU-121', conveyed: false, xCode: 'X-5' }).expect(200);

    clock.advance(31 * MINUTE);
    await api.post(api.tokens.nurse, `/api/d-tasks/${ids.R}/claim`).expect(200);
    await api.post(api.tokens.nurse, `/api/d-tasks/${ids.R}/recalls/waiting-for-unit-1`, { outcome: 'reached', condition: 'worse' }).expect(200);
    await api.post(api.tokens.nurse2, `/api/d-tasks/${ids.W}/claim`).expect(200);
    for (const outcome of ['no-answer', 'busy']) await api.post(api.tokens.nurse2, `/api/d-tasks/${ids.W}/recalls/waiting-for-unit-1`, { outcome }).expect(200);
    ids.M2 = await api.intake({ receivedAt: receivedAt(), patient: patientX });
    await app.app.get(AllStreamFollower).waitFor(await store.headPosition());
  });
  afterAll(() => app.close());

  const report = async (path = '/api/reports/load-reduction', query = '') => (await api.get(api.tokens.analyst, `${path}?${window}${query}`).expect(200)).body;

  it('flags a new intake after a mission without conveyance a second contact (S4)', async () => {
    const flagged = (await store.readStream(`dtask-${ids.M2}`)).find((event) => event.type === 'SecondContactFlagged');
    expect(flagged?.data).toMatchObject({ previousTaskId: ids.M, previousDecision: 'unit-not-conveyed' });
  });

  it('counts repeat calls, the field commander’s unit as a unit, recall outcomes and re-contacts in the report', async () => {
    const { totals } = await report();
    expect(totals).toMatchObject({
      tasks: 6,
      repeatCalls: 1,
      fieldCommanderUnits: 1,
      unitRequested: 4, // F, R, W and M
      resolvedWithoutUnit: 0,
      // Due: F's and W's first (pending, past due) and R's first (reached, worse); R's next is not due yet, M's ended on scene.
      recalls: { due: 3, reached: 1, worse: 1 },
      recontacts: { within24h: 1, within72h: 1 },
      // The safety measure counts from our own no-unit decisions only (domain.md, Measures).
      secondContacts: { within24h: 0, within72h: 0 },
    });
  });

  it('breaks them down like the others, and gives them as CSV columns', async () => {
    const { groups } = await report('/api/reports/load-reduction', '&groupBy=municipality');
    expect(groups.map((g: { key: string; fieldCommanderUnits: number; repeatCalls: number; recalls: { due: number } }) => [g.key, g.fieldCommanderUnits, g.repeatCalls, g.recalls.due])).toEqual([
      ['Oulu', 0, 1, 2],
      ['Raahe', 1, 0, 1],
    ]);
    const csv = await app.http.get(`/api/reports/load-reduction?${window}`).set('Authorization', `Bearer ${api.tokens.analyst}`).set('Accept', 'text/csv').expect(200);
    const [header, total] = csv.text.trim().split('\r\n');
    const cell = (name: string) => total!.split(',')[header!.split(',').indexOf(name)];
    expect(['repeatCalls', 'recalls.due', 'recalls.reached', 'recalls.worse', 'fieldCommanderUnits', 'recontacts.within24h'].map(cell)).toEqual(['1', '3', '1', '1', '1', '1']);
  });

  it('exports the same recall counts as the report: a recall not yet due is not counted due', async () => {
    const csv = await app.http.get(`/api/export/measures.csv?${window}`).set('Authorization', `Bearer ${api.tokens.analyst}`).expect(200);
    const [header, total] = csv.text.trim().split('\r\n');
    const cell = (name: string) => total!.split(',')[header!.split(',').indexOf(name)];
    expect(cell('recalls.due')).toBe(String((await report()).totals.recalls.due));
  });

  it('replays the same figures from the event log', async () => {
    const live = (await report()).totals;
    const replayed = (await report('/api/replay/load-reduction')).totals;
    for (const measure of ['repeatCalls', 'fieldCommanderUnits', 'unitRequested', 'recalls', 'recontacts', 'secondContacts']) expect(replayed[measure]).toEqual(live[measure]);
  });

  it('tries other S8 limits in the what-if: more attempts before the alert leave W’s request at D', async () => {
    const tried = (await api.get(api.tokens.analyst, `/api/replay/what-if?${window}&s8RecallFailedAttempts=3`).expect(200)).body;
    expect(tried.actual.firings.s8RecallsFailed).toBe(1);
    expect(tried.whatIf.firings.s8RecallsFailed).toBe(0);
    expect(tried.whatIf.rules).toMatchObject({ s8RecallFailedAttempts: 3, s8RecallMinutes: 30, s8UnitOverdueMinutes: 120 });
    const same = (await api.get(api.tokens.analyst, `/api/replay/what-if?${window}`).expect(200)).body;
    expect(same.whatIf.measures).toEqual(same.actual.measures);
    const refused = await api.get(api.tokens.analyst, `/api/replay/what-if?${window}&s8RecallMinutes=2`);
    expect(refused.status).toBe(400);
    expect(refused.body.issues[0].path).toBe('s8RecallMinutes');
  });

  it('shows the wall S8’s failed recall and the repeat call, and the queue the field’s task back for its recall', async () => {
    const load = (await api.get(api.tokens.supervisor, '/api/load').expect(200)).body;
    expect(load.alerts).toMatchObject({ s8RecallsFailed: [ids.W], repeatCalls: [ids.A], s8UnitOverdue: [] });
    expect(load.decisionMixToday.fieldCommanderUnits).toBe(1);
    const queue = (await api.get(api.tokens.nurse, '/api/d-tasks').expect(200)).body.tasks as { taskId: string; recall: { reason: string; dueAt: string } | null; waitingSince: string }[];
    expect(queue[0]!.taskId).toBe(ids.A);
    const field = queue.find((item) => item.taskId === ids.F);
    expect(field?.recall).toMatchObject({ reason: 'waiting-for-unit' });
    expect(field?.waitingSince).toBe(field?.recall?.dueAt);
  });
});
