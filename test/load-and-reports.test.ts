import { adviceDecision, cast } from './support/dtask-api';
import { startTestApp, TestApp } from './support/test-app';

describe('live load and the load-reduction report over HTTP', () => {
  let app: TestApp;
  let api: Awaited<ReturnType<typeof cast>>;

  beforeAll(async () => {
    app = await startTestApp();
    api = await cast(app);
    const advised = await api.assessed({ municipality: 'Raahe' });
    await api.post(api.tokens.nurse, `/api/d-tasks/${advised}/decision`, adviceDecision()).expect(200);
    const unit = await api.assessed({ municipality: 'Oulu' });
    await api.post(api.tokens.nurse, `/api/d-tasks/${unit}/decision`, { kind: 'send-unit', unitLevel: 'basic', urgency: 'D' }).expect(200);
    await api.intake({ municipality: 'Kuusamo' });
    const claimed = await api.intake({ municipality: 'Oulu' });
    await api.post(api.tokens.nurse2, `/api/d-tasks/${claimed}/claim`).expect(200);
  });
  afterAll(() => app.close());

  it('shows queue, nurse workload and load reduction today, this week and this year', async () => {
    const load = (await api.get(api.tokens.supervisor, '/api/load').expect(200)).body;
    expect(load.queueLength).toBe(1);
    expect(load.nurses).toEqual([
      { nurseId: 'nurse-anna', claimedNow: 0, decisionsToday: 2 },
      { nurseId: 'nurse-ben', claimedNow: 1, decisionsToday: 0 },
    ]);
    for (const window of ['today', 'thisWeek', 'yearToDate']) {
      expect(load.loadReduction[window]).toMatchObject({ tasks: 4, resolvedWithoutUnit: 1, referencePerYear: 1500, assumedMissionMinutes: 75, unitHoursAvoided: 1.25 });
    }
    expect(load.decisionMixToday).toMatchObject({ unitRequested: 1, phoneAdvice: 1 });
  });

  it('gives analysts the figures of the load, not the named tasks nor the staff workload', async () => {
    const supervisor = (await api.get(api.tokens.supervisor, '/api/load').expect(200)).body;
    expect(supervisor.claimedTasks).toHaveLength(1);
    const analyst = (await api.get(api.tokens.analyst, '/api/load').expect(200)).body;
    expect(analyst.queueLength).toBe(1);
    expect(analyst.loadReduction.today.tasks).toBe(4);
    for (const named of ['alertTasks', 'claimedTasks', 'nurses']) expect(analyst).not.toHaveProperty(named);
    expect(JSON.stringify(analyst)).not.toContain('nurse-ben');
  });

  it('breaks the report down by area, as JSON and as CSV', async () => {
    const json = (await api.get(api.tokens.supervisor, '/api/reports/load-reduction?groupBy=area').expect(200)).body;
    expect(json.groups.map((g: { key: string; tasks: number }) => [g.key, g.tasks])).toEqual([
      ['Koillismaa', 1],
      ['Oulu-Hailuoto', 2],
      ['Raahe', 1],
    ]);
    const csv = await app.http
      .get('/api/reports/load-reduction?groupBy=area')
      .set('Authorization', `Bearer ${api.tokens.analyst}`)
      .set('Accept', 'text/csv')
      .expect(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    const [header, total, ...rows] = csv.text.trim().split('\r\n');
    expect(header!.split(',')).toEqual(expect.arrayContaining(['key', 'tasks', 'resolvedWithoutUnit', 'timeToContact.medianSeconds', 'autoDispatch.unreachable']));
    expect(total!.startsWith('total,4,')).toBe(true);
    expect(rows.map((row) => row.split(',')[0])).toEqual(['Koillismaa', 'Oulu-Hailuoto', 'Raahe']);
  });

  it('names a bad report parameter', async () => {
    const bad = await api.get(api.tokens.supervisor, '/api/reports/load-reduction?groupBy=patient').expect(400);
    expect(bad.body.issues[0].path).toBe('groupBy');
  });
});
