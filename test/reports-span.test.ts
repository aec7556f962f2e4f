import { ManualClock } from '../apps/dispatch-api/src/clock/clock';
import { cast } from './support/dtask-api';
import { startTestApp, TestApp } from './support/test-app';

describe('GET /api/reports/span: where the data is', () => {
  let app: TestApp;
  let api: Awaited<ReturnType<typeof cast>>;
  const clock = new ManualClock();

  beforeAll(async () => {
    app = await startTestApp({}, undefined, clock);
    api = await cast(app);
  });
  afterAll(() => app?.close());

  it('says there is no data yet, then the first and last receive time of what is held', async () => {
    const empty = await api.get(api.tokens.analyst, '/api/reports/span').expect(200);
    expect(empty.body).toEqual({ first: null, last: null, tasks: 0 });

    // A generated year that ended months ago: the default period must find it, not today's empty months.
    // Each arrives as it was received then (a receive time a day older than the intake is taken for a wrong clock).
    for (const receivedAt of ['2025-06-30T20:15:00.000Z', '2025-01-02T06:00:00.000Z', '2025-03-10T11:30:00+02:00']) {
      clock.set(new Date(Date.parse(receivedAt) + 60_000));
      await api.intake({ receivedAt });
    }
    clock.set(new Date());
    const span = await api.get(api.tokens.analyst, '/api/reports/span').expect(200);
    expect(span.body).toEqual({ first: '2025-01-02T06:00:00.000Z', last: '2025-06-30T20:15:00.000Z', tasks: 3 });

    const supervisor = await api.get(api.tokens.supervisor, '/api/reports/span');
    expect(supervisor.status).toBe(200);
  });

  it('is for analysts and supervisors only, and never without a token', async () => {
    for (const role of ['erc', 'nurse', 'admin']) {
      const token = await app.tokenFor(role, `${role}-span`);
      expect((await api.get(token, '/api/reports/span')).status).toBe(403);
    }
    expect((await api.get(api.tokens.homeCare, '/api/reports/span')).status).toBe(403);
    expect((await app.http.get('/api/reports/span')).status).toBe(401);
  });
});
