import { AddressInfo } from 'node:net';
import { runSimulation } from '../apps/simulator/src/simulation';
import { cast } from './support/dtask-api';
import { startTestApp, TestApp } from './support/test-app';

const urlOf = async (app: TestApp) => {
  await app.app.listen(0, '127.0.0.1');
  return `http://127.0.0.1:${(app.app.getHttpServer().address() as AddressInfo).port}`;
};

describe('traffic simulator', () => {
  it('drives the public API: arrivals, claims, a decision mix with dispositions and consults, handoff answers, the ERC and the field commander, and the report agrees', async () => {
    const app = await startTestApp({ SCHEDULER_INTERVAL_MS: '500' });
    try {
      const url = await urlOf(app);
      // The ERC, the field commander and consults come more often than in a real year, so a few seconds show each kind.
      const world = { newInformation: 0.3, repeatCall: 0.2, urgencyRaised: 0.1, fieldCommander: 0.15, consult: 0.25 };
      // The arrival curve starts at 10.00 in Helsinki whenever the test runs: at night it would bring a quarter as many.
      const stats = await runSimulation({ url, rate: 15, speedup: 600, durationSeconds: 5, nurses: 6, seed: 7, world, startAt: new Date('2026-12-01T08:00:00Z') });
      expect(stats.errors).toBe(0);
      expect(stats.intakes).toBeGreaterThan(30);
      expect(stats.claims).toBeGreaterThan(10);
      const decided = Object.values(stats.decisions).reduce((a, b) => a + b, 0);
      expect(decided).toBeGreaterThan(5);
      expect(Object.keys(stats.ercUpdates).sort()).toEqual(['new-information', 'repeat-call', 'urgency-changed']);
      expect(stats.fieldCommanderUnits).toBeGreaterThan(0);
      // Issue 14: consults named by the decision, care levels on advice and redirects.
      expect(stats.consults).toBeGreaterThan(0);
      expect(stats.decisionsOnConsult).toBeGreaterThan(0);
      expect(Object.keys(stats.careLevels).length).toBeGreaterThan(1);

      const supervisor = (await app.http.post('/api/auth/dev-token').send({ sub: 's', role: 'supervisor' })).body.token;
      const report = await app.http.get('/api/reports/load-reduction').set('Authorization', `Bearer ${supervisor}`).expect(200);
      expect(report.body.totals.tasks).toBe(stats.intakes);
      expect(report.body.totals.phoneAdvice).toBeLessThanOrEqual(stats.decisions['phone-advice'] ?? 0);
      // The ERC's repeat calls and the field's units count in the measures as the simulator sent them.
      expect(report.body.totals.repeatCalls).toBe(stats.ercUpdates['repeat-call']);
      expect(report.body.totals.fieldCommanderUnits).toBe(stats.fieldCommanderUnits);
      expect(report.body.totals.consults).toBe(stats.consults);
      expect(report.body.totals.failedVisits).toBe(stats.visits.failed ?? 0);
      const areas = await app.http.get('/api/reports/load-reduction?groupBy=area').set('Authorization', `Bearer ${supervisor}`).expect(200);
      expect(areas.body.groups.length).toBeGreaterThan(1);
    } finally {
      await app.close();
    }
  }, 30_000);

  it('has the receiving services accept referrals and report their visits done or failed, and the failed ones come back to the queue', async () => {
    const app = await startTestApp({ SCHEDULER_INTERVAL_MS: '500' });
    try {
      const url = await urlOf(app);
      // A dozen referrals to the helpline, to call back within the hour (a few simulated minutes at this speed).
      const { tokens, post, get, assessed } = await cast(app);
      const redirect = { kind: 'redirect', target: 'helpline-116117', handoffNote: 'soittakaa takaisin', patientInformed: true, careLevel: 'other', within: 'PT1H', transport: 'none' };
      const taskIds: string[] = [];
      for (let i = 0; i < 12; i += 1) {
        const taskId = await assessed();
        await post(tokens.nurse, `/api/d-tasks/${taskId}/decision`, redirect).expect(200);
        taskIds.push(taskId);
      }
      // No arrivals, no nurses: only the services at work, half of the visits failing.
      const stats = await runSimulation({ url, rate: 0.0001, speedup: 10000, durationSeconds: 4.5, nurses: 0, seed: 14, world: { visitFailed: 0.5, visitUnreported: 0 } });
      expect(stats.errors).toBe(0);
      expect(stats.visits.completed).toBeGreaterThan(0);
      expect(stats.visits.failed).toBeGreaterThan(0);
      const views = await Promise.all(taskIds.map(async (taskId) => (await get(tokens.supervisor, `/api/d-tasks/${taskId}`).expect(200)).body));
      // Done closes the task as redirected; failed puts it back in the queue, flagged as returned.
      expect(views.filter((view) => view.status === 'closed' && view.closedOutcome === 'redirect')).toHaveLength(stats.visits.completed!);
      // Every answer accepted or declined: the accepted ones are visited (or awaiting the visit still), the failed and the declined back in the queue.
      const awaiting = views.filter((view) => view.status === 'awaiting-visit');
      const waiting = views.filter((view) => view.status === 'waiting');
      expect(waiting.every((view) => view.flags.includes('handoff-returned'))).toBe(true);
      expect(waiting.length).toBe(stats.handoffAnswers - stats.visits.completed! - awaiting.length);
      expect(waiting.length).toBeGreaterThanOrEqual(stats.visits.failed!);
      const report = await get(tokens.supervisor, '/api/reports/load-reduction').expect(200);
      expect(report.body.totals.failedVisits).toBe(stats.visits.failed);
    } finally {
      await app.close();
    }
  }, 30_000);
});
