import { ManualClock } from '../apps/dispatch-api/src/clock/clock';
import { adviceDecision, cast } from './support/dtask-api';
import { startTestApp, TestApp } from './support/test-app';

const MINUTE = 60_000;
const sendUnit = { kind: 'send-unit', unitLevel: 'basic', urgency: 'D' };
const override = { rule: 'S4-second-contact', reason: 'Spoke with the patient: stable, her daughter is with her.' };

/**
 * QA 3: the wall's "today" counts a decision on the Helsinki day it is made. A night shift's task
 * received at 23.59 and decided after midnight is today's work; one decided before midnight is not.
 * Y: received and advised 1.12. at 23.59. P: received 23.59, advised by Anna 2.12. at 00.11.
 * U: received 23.59, a unit sent by Ben at 00.11.
 * Y's patient calls twice more at 23.59 (second contacts, S4): the supervisor lets advice be given
 * again on one at 23.59, on the other at 00.11. Only the one after midnight is today's override.
 */
describe('the wall’s today over Helsinki midnight, over HTTP', () => {
  let app: TestApp;
  let api: Awaited<ReturnType<typeof cast>>;
  // 1.12.2026 at 23.59 in Helsinki (UTC+2): a fixed instant, whatever hour the test runs at.
  const clock = new ManualClock('2026-12-01T21:59:00.000Z');
  let load: Record<string, any>;

  beforeAll(async () => {
    app = await startTestApp({ SCHEDULER_INTERVAL_MS: '3600000' }, undefined, clock);
    api = await cast(app);
    const receivedAt = clock.now().toISOString();
    const patient = { ageYears: 77, personId: '121249-987X' };
    const yesterday = await api.assessed({ receivedAt, patient });
    await api.post(api.tokens.nurse, `/api/d-tasks/${yesterday}/decision`, adviceDecision()).expect(200);
    const overriddenBefore = await api.intake({ receivedAt, patient });
    const overriddenAfter = await api.intake({ receivedAt, patient });
    await api.post(api.tokens.supervisor, `/api/d-tasks/${overriddenBefore}/override`, override).expect(200);
    const advised = await api.assessed({ receivedAt });
    const unit = await api.intake({ receivedAt });
    await api.post(api.tokens.nurse2, `/api/d-tasks/${unit}/claim`).expect(200);
    await api.post(api.tokens.nurse2, `/api/d-tasks/${unit}/callbacks`, { outcome: 'reached' }).expect(200);
    await api.post(api.tokens.nurse2, `/api/d-tasks/${unit}/assessment`, { redFlags: [], concern: false, symptoms: 'dizziness', existingServices: [], notes: '' }).expect(200);

    clock.advance(12 * MINUTE); // 2.12. 00.11
    await api.post(api.tokens.nurse, `/api/d-tasks/${advised}/decision`, adviceDecision()).expect(200);
    await api.post(api.tokens.nurse2, `/api/d-tasks/${unit}/decision`, sendUnit).expect(200);
    await api.post(api.tokens.supervisor, `/api/d-tasks/${overriddenAfter}/override`, override).expect(200);
    clock.advance(MINUTE); // 00.12
    load = (await api.get(api.tokens.supervisor, '/api/load').expect(200)).body;
  }, 30_000);
  afterAll(() => app.close());

  it('counts the decisions made after midnight in today’s decision mix, not the one before it', () => {
    expect(load.decisionMixToday).toMatchObject({ phoneAdvice: 1, unitRequested: 1, escalated: 0 });
  });

  it('counts the advice after midnight as resolved without a unit today', () => {
    expect(load.loadReduction.today).toMatchObject({ resolvedWithoutUnit: 1, resolvedWithoutUnitShare: 0.5, unitHoursAvoided: 1.25 });
  });

  it('gives each nurse the decisions she made today', () => {
    expect(load.nurses).toEqual([
      { nurseId: 'nurse-anna', claimedNow: 0, decisionsToday: 1 },
      { nurseId: 'nurse-ben', claimedNow: 0, decisionsToday: 1 },
    ]);
  });

  it('counts the override granted after midnight as today’s, not the one before it', () => {
    expect(load.alerts.overridesToday).toBe(1);
  });

  it('keeps the measures of the tasks received: none today, all five this year', () => {
    expect(load.loadReduction.today.tasks).toBe(0);
    expect(load.loadReduction.yearToDate).toMatchObject({ tasks: 5, resolvedWithoutUnit: 2 });
  });
});
