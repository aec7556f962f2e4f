import { AddressInfo } from 'node:net';
import { runSimulation } from '../apps/simulator/src/simulation';
import { startTestApp } from './support/test-app';

describe('traffic simulator', () => {
  it('drives the public API: arrivals, claims, a decision mix, handoff answers, the ERC and the field commander, and the report agrees', async () => {
    const app = await startTestApp({ SCHEDULER_INTERVAL_MS: '500' });
    try {
      await app.app.listen(0, '127.0.0.1');
      const url = `http://127.0.0.1:${(app.app.getHttpServer().address() as AddressInfo).port}`;
      // The ERC and the field commander act on more tasks than in a real year, so a few seconds show each kind.
      const world = { newInformation: 0.3, repeatCall: 0.2, urgencyRaised: 0.1, fieldCommander: 0.15 };
      const stats = await runSimulation({ url, rate: 15, speedup: 600, durationSeconds: 5, nurses: 6, seed: 7, world });
      expect(stats.errors).toBe(0);
      expect(stats.intakes).toBeGreaterThan(30);
      expect(stats.claims).toBeGreaterThan(10);
      const decided = Object.values(stats.decisions).reduce((a, b) => a + b, 0);
      expect(decided).toBeGreaterThan(5);
      expect(Object.keys(stats.ercUpdates).sort()).toEqual(['new-information', 'repeat-call', 'urgency-changed']);
      expect(stats.fieldCommanderUnits).toBeGreaterThan(0);

      const supervisor = (await app.http.post('/api/auth/dev-token').send({ sub: 's', role: 'supervisor' })).body.token;
      const report = await app.http.get('/api/reports/load-reduction').set('Authorization', `Bearer ${supervisor}`).expect(200);
      expect(report.body.totals.tasks).toBe(stats.intakes);
      expect(report.body.totals.phoneAdvice).toBeLessThanOrEqual(stats.decisions['phone-advice'] ?? 0);
      // The ERC's repeat calls and the field's units count in the measures as the simulator sent them.
      expect(report.body.totals.repeatCalls).toBe(stats.ercUpdates['repeat-call']);
      expect(report.body.totals.fieldCommanderUnits).toBe(stats.fieldCommanderUnits);
      const areas = await app.http.get('/api/reports/load-reduction?groupBy=area').set('Authorization', `Bearer ${supervisor}`).expect(200);
      expect(areas.body.groups.length).toBeGreaterThan(1);
    } finally {
      await app.close();
    }
  }, 30_000);
});
