import { adviceDecision, cast } from './support/dtask-api';
import { startTestApp, TestApp } from './support/test-app';

/** Analysts see staff as keyed pseudonyms in every per-nurse figure; supervisors, who run the centre, see the ids. */
describe('staff ids in analysts’ reports', () => {
  let app: TestApp;
  let api: Awaited<ReturnType<typeof cast>>;

  beforeAll(async () => {
    app = await startTestApp();
    api = await cast(app);
    const advised = await api.assessed();
    await api.post(api.tokens.nurse, `/api/d-tasks/${advised}/decision`, adviceDecision()).expect(200);
    const held = await api.intake();
    await api.post(api.tokens.nurse2, `/api/d-tasks/${held}/claim`).expect(200);
  });
  afterAll(() => app.close());

  const asAnalyst = async (path: string, csv = false) => {
    const request = app.http.get(path).set('Authorization', `Bearer ${api.tokens.analyst}`);
    const response = await (csv ? request.set('Accept', 'text/csv') : request).expect(200);
    return csv ? response.text : JSON.stringify(response.body);
  };

  it.each([
    ['the report by nurse', '/api/reports/load-reduction?groupBy=nurse', false],
    ['the report by nurse as CSV', '/api/reports/load-reduction?groupBy=nurse', true],
    ['the measures export', '/api/export/measures.csv', false],
    ['the replayed report by nurse', '/api/replay/load-reduction?groupBy=nurse', false],
    ['the load as it stood', `/api/replay/load?at=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`, false],
  ])('%s names no nurse', async (_, path, csv) => {
    const answer = await asAnalyst(path as string, csv as boolean);
    expect(answer).not.toContain('nurse-anna');
    expect(answer).not.toContain('nurse-ben');
  });

  it('keeps the per-nurse groups apart under their pseudonyms, and the supervisor sees the ids', async () => {
    const analyst = (await app.http.get('/api/reports/load-reduction?groupBy=nurse').set('Authorization', `Bearer ${api.tokens.analyst}`).expect(200)).body;
    const supervisor = (await api.get(api.tokens.supervisor, '/api/reports/load-reduction?groupBy=nurse').expect(200)).body;
    expect(analyst.groups).toHaveLength(supervisor.groups.length);
    expect(supervisor.groups.map((group: { key: string }) => group.key)).toEqual(expect.arrayContaining(['nurse-anna']));
    expect(analyst.groups.every((group: { key: string }) => group.key.startsWith('s-'))).toBe(true);
  });
});
