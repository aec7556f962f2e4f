import { cast } from './support/dtask-api';
import { startTestApp, TestApp } from './support/test-app';

const advice = { kind: 'phone-advice', advice: 'Lepoa ja nesteitä', safetyNet: 'Soita 112, jos vointi heikkenee', patientInformed: true, careLevel: 'self-care' };
const assessment = { redFlags: [], concern: false, symptoms: 'Huimaa, ei rintakipua', existingServices: [], notes: '', identity: 'verified' };

/**
 * QA found it: a relative called 112 again after the nurse had reached the patient, and phone advice
 * was accepted on the call and the assessment made before it. The patient is reached and assessed again first.
 */
describe('a repeat call to 112 after the patient was reached, over HTTP', () => {
  let app: TestApp;
  let api: Awaited<ReturnType<typeof cast>>;

  beforeAll(async () => {
    app = await startTestApp({ SCHEDULER_INTERVAL_MS: '3600000' });
    api = await cast(app);
  });
  afterAll(() => app.close());

  it('refuses advice until the patient is reached again, then a new assessment, then gives it', async () => {
    const { post, tokens } = api;
    const taskId = await api.assessed();
    await post(tokens.erc, `/api/d-tasks/${taskId}/erc-update`, { kind: 'repeat-call', notes: 'Omainen soitti uudelleen, huolissaan' }).expect(200);
    expect((await post(tokens.nurse, `/api/d-tasks/${taskId}/decision`, advice).expect(409)).body.reason).toBe('no-contact');
    await post(tokens.nurse, `/api/d-tasks/${taskId}/callbacks`, { outcome: 'reached' }).expect(200);
    expect((await post(tokens.nurse, `/api/d-tasks/${taskId}/decision`, advice).expect(409)).body.reason).toBe('not-assessed');
    await post(tokens.nurse, `/api/d-tasks/${taskId}/assessment`, assessment).expect(200);
    expect((await post(tokens.nurse, `/api/d-tasks/${taskId}/decision`, advice).expect(200)).body.status).toBe('closed');
  });

  it('sends a unit by S1 at the second unanswered call after the repeat call', async () => {
    const { post, tokens } = api;
    const taskId = await api.assessed();
    await post(tokens.erc, `/api/d-tasks/${taskId}/erc-update`, { kind: 'repeat-call' }).expect(200);
    await post(tokens.nurse, `/api/d-tasks/${taskId}/callbacks`, { outcome: 'no-answer' }).expect(200);
    const second = await post(tokens.nurse, `/api/d-tasks/${taskId}/callbacks`, { outcome: 'no-answer' }).expect(200);
    expect(second.body.unitRequested).toMatchObject({ reason: 'unreachable' });
  });
});
