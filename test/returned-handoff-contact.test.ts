import { EventStore } from '@dtask/event-store';
import { ManualClock } from '../apps/dispatch-api/src/clock/clock';
import { EVENT_STORE } from '../apps/dispatch-api/src/event-store/event-store.module';
import { cast } from './support/dtask-api';
import { startTestApp, TestApp } from './support/test-app';

const MINUTE = 60_000;

/**
 * QA found it: a referral that came back (here a failed home visit) could be closed with advice on
 * the call made before the referral, and two unanswered calls after it sent no unit (S1).
 */
describe('a returned referral over HTTP: the patient is reached and assessed again, or S1 sends a unit', () => {
  let app: TestApp;
  let clock: ManualClock;
  let api: Awaited<ReturnType<typeof cast>>;
  let store: EventStore;

  beforeAll(async () => {
    clock = new ManualClock();
    app = await startTestApp({ SCHEDULER_INTERVAL_MS: '3600000' }, undefined, clock);
    api = await cast(app);
    store = app.app.get(EVENT_STORE);
  });
  afterAll(() => app.close());

  const advice = { kind: 'phone-advice', advice: 'Lepoa ja nesteitä', safetyNet: 'Soita 112, jos vointi heikkenee', patientInformed: true, careLevel: 'self-care' };

  /** Assessed, redirected to Oulu home care, accepted, and its visit reported failed: back in the queue, claimed again. */
  async function failedVisitClaimedAgain() {
    const { post, tokens } = api;
    const taskId = await api.assessed({ receivedAt: clock.now().toISOString() });
    await post(tokens.nurse, `/api/d-tasks/${taskId}/decision`, { kind: 'redirect', target: 'oulu-home-care', handoffNote: 'Käynti tänään', patientInformed: true, careLevel: 'social-care', within: 'P1D' }).expect(200);
    clock.advance(MINUTE);
    await post(tokens.homeCare, `/api/d-tasks/${taskId}/handoff/accept`).expect(200);
    clock.advance(120 * MINUTE);
    await post(tokens.homeCare, `/api/d-tasks/${taskId}/handoff/fail`, { reason: 'Ei avannut ovea.' }).expect(200);
    const claimed = await post(tokens.nurse, `/api/d-tasks/${taskId}/claim`).expect(200);
    return { taskId, claimed: claimed.body };
  }

  it('shows no failed calls since the return, and refuses advice until the patient is reached again', async () => {
    const { taskId, claimed } = await failedVisitClaimedAgain();
    expect(claimed).toMatchObject({ failedAttempts: 0, flags: expect.arrayContaining(['handoff-returned']) });
    const refused = await api.post(api.tokens.nurse, `/api/d-tasks/${taskId}/decision`, advice).expect(409);
    expect(refused.body.reason).toBe('no-contact');
  });

  it('sends a unit by S1 at the second unanswered call after the return', async () => {
    const { taskId } = await failedVisitClaimedAgain();
    const first = await api.post(api.tokens.nurse, `/api/d-tasks/${taskId}/callbacks`, { outcome: 'no-answer' }).expect(200);
    expect(first.body).toMatchObject({ failedAttempts: 1, unitRequested: null });
    clock.advance(3 * MINUTE);
    const second = await api.post(api.tokens.nurse, `/api/d-tasks/${taskId}/callbacks`, { outcome: 'no-answer' }).expect(200);
    expect(second.body.unitRequested).toMatchObject({ reason: 'unreachable' });
    const types = (await store.readStream(`dtask-${taskId}`)).map((event) => event.type);
    expect(types.slice(types.lastIndexOf('HandoffFailed'))).toEqual(expect.arrayContaining(['UnitRequested']));
    expect((await api.post(api.tokens.nurse, `/api/d-tasks/${taskId}/decision`, advice).expect(409)).body.reason).toBe('already-decided');
  });

  it('takes advice only after a new reached call and a new assessment', async () => {
    const { taskId } = await failedVisitClaimedAgain();
    await api.post(api.tokens.nurse, `/api/d-tasks/${taskId}/callbacks`, { outcome: 'reached' }).expect(200);
    expect((await api.post(api.tokens.nurse, `/api/d-tasks/${taskId}/decision`, advice).expect(409)).body.reason).toBe('not-assessed');
    await api.post(api.tokens.nurse, `/api/d-tasks/${taskId}/assessment`, { redFlags: [], concern: false, symptoms: 'Vointi ennallaan', existingServices: ['home-care'], notes: '' }).expect(200);
    const decided = await api.post(api.tokens.nurse, `/api/d-tasks/${taskId}/decision`, advice).expect(200);
    expect(decided.body).toMatchObject({ status: 'closed', closedOutcome: 'phone-advice' });
  });
});
