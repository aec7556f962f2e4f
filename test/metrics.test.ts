import { cast } from './support/dtask-api';
import { startTestApp, TestApp } from './support/test-app';

describe('GET /metrics', () => {
  let app: TestApp;
  let api: Awaited<ReturnType<typeof cast>>;
  let admin: string;

  beforeAll(async () => {
    app = await startTestApp();
    api = await cast(app);
    admin = await app.tokenFor('admin', 'ops-prometheus');
  });
  afterAll(() => app.close());

  const scrape = async () => (await app.http.get('/metrics').set('Authorization', `Bearer ${admin}`).expect(200)).text;
  const valueOf = (text: string, series: string) => Number(new RegExp(`^${series.replace(/[{}"/.:|]/g, (c) => `\\${c}`)} (\\S+)$`, 'm').exec(text)?.[1] ?? NaN);

  it('counts commands by outcome and times requests by route pattern, never by id', async () => {
    const before = await scrape();
    const taskId = await api.intake({ patient: { ageYears: 70, personId: '121212-1212' } });
    await api.post(api.tokens.nurse, `/api/d-tasks/${taskId}/claim`).expect(200);
    await api.post(api.tokens.nurse2, `/api/d-tasks/${taskId}/claim`).expect(409);
    const after = await scrape();
    const accepted = 'dtask_commands_total{route="/api/d-tasks/:id/claim",outcome="accepted"}';
    const refused = 'dtask_commands_total{route="/api/d-tasks/:id/claim",outcome="refused"}';
    expect(valueOf(after, accepted) - (valueOf(before, accepted) || 0)).toBe(1);
    expect(valueOf(after, refused) - (valueOf(before, refused) || 0)).toBe(1);
    expect(after).toMatch(/dtask_http_request_duration_seconds_count\{route="\/api\/d-tasks",method="POST",status="201"\} \d+/);
    expect(after).not.toContain(taskId);
    expect(after).not.toContain('121212-1212');
  });

  it('reports the follower, the live channel, the safety deadlines and the event loop', async () => {
    const text = await scrape();
    for (const series of ['dtask_follower_lag_events', 'dtask_follower_caught_up 1', 'dtask_live_clients', 'dtask_live_unread_packets{of="largest-client"}', 'dtask_deadlines_due', 'dtask_nodejs_eventloop_lag_seconds']) {
      expect(text).toContain(series);
    }
    expect(valueOf(text, 'dtask_follower_lag_events')).toBe(0);
  });

  it('is for operators only', async () => {
    await app.http.get('/metrics').expect(401);
    await app.http.get('/metrics').set('Authorization', `Bearer ${api.tokens.nurse}`).expect(403);
  });
});
