import { Page } from 'playwright-core';
import { ManualClock } from '../../apps/dispatch-api/src/clock/clock';
import { helsinkiDate, helsinkiMidnightIso } from '../../apps/console/src/format';
import { BrowserApp, signIn, startBrowserApp } from '../support/browser-app';
import { cast } from '../support/dtask-api';
import { shotsInFinnishAndSwedish } from './language-shots';

const MINUTE = 60_000;

/**
 * Issue 14, item 7 in the console: the measures of the published evaluations where a supervisor and
 * an analyst look for them, against a hand-built day with known answers: a nurse's unit that left
 * the patient at home after 50 minutes (over-triage 1 of 1, unit time 50 min), advice to primary care
 * after a consult and through an interpreter, and a redirect to social care visited.
 */
describe('the measures of issue 14 on the wall and in the analyst view', () => {
  let target: BrowserApp;
  let api: Awaited<ReturnType<typeof cast>>;
  // Received hours ago (but today in Helsinki), so the missions and visits can take their time.
  const clock = new ManualClock(new Date(Math.max(Date.now() - 3 * 60 * MINUTE, Date.parse(helsinkiMidnightIso(helsinkiDate(Date.now()))) + MINUTE)));
  const now = () => clock.now().toISOString();

  beforeAll(async () => {
    target = await startBrowserApp({ SCHEDULER_INTERVAL_MS: '3600000' }, undefined, clock);
    api = await cast(target.app);
    const { post, tokens } = api;
    const assessed = async (phone: string, extra: Record<string, unknown> = {}) => {
      const taskId = await api.intake({ receivedAt: now(), callbackPhone: phone, patient: { ageYears: 75, sex: 'female' } });
      await post(tokens.nurse, `/api/d-tasks/${taskId}/claim`).expect(200);
      await post(tokens.nurse, `/api/d-tasks/${taskId}/callbacks`, { outcome: 'reached' }).expect(200);
      await post(tokens.nurse, `/api/d-tasks/${taskId}/assessment`, { redFlags: [], concern: false, symptoms: 'huimaus', notes: '', existingServices: [], ...extra }).expect(200);
      return taskId;
    };
    // All three received at the start, so all are today's, whatever the clock does after.
    const unit = await assessed('+358 40 444 0001');
    const advice = await assessed('+358 40 444 0002', { language: 'en', interpreter: true });
    const redirect = await assessed('+358 40 444 0003');
    await post(tokens.nurse, `/api/d-tasks/${unit}/decision`, { kind: 'send-unit', unitLevel: 'basic', urgency: 'D' }).expect(200);
    await post(tokens.erc, `/api/d-tasks/${unit}/mission`, { stage: 'unit-assigned', unitId: 'OU-121' }).expect(200);
    clock.advance(50 * MINUTE);
    await post(tokens.erc, `/api/d-tasks/${unit}/mission`, { stage: 'completed', unitId: 'OU-121', conveyed: false, xCode: 'X-5' }).expect(200);

    const consult = await post(tokens.nurse, `/api/d-tasks/${advice}/consult`, { consultant: 'on-call-doctor', question: 'Terveysasema riittää?', advice: 'Riittää, kahden tunnin sisällä.' }).expect(200);
    const consultId = (consult.body.consults as { consultId: string }[] | undefined)?.[0]?.consultId ?? 'consult-1';
    await post(tokens.nurse, `/api/d-tasks/${advice}/decision`, {
      kind: 'phone-advice', advice: 'Terveysasemalle.', safetyNet: 'Soita 112, jos pahenee.', patientInformed: true, careLevel: 'primary-care', within: 'PT2H', transport: 'taxi', consultId,
    }).expect(200);

    await post(tokens.nurse, `/api/d-tasks/${redirect}/decision`, {
      kind: 'redirect', target: 'oulu-home-care', handoffNote: 'Käynti tänään.', patientInformed: true, careLevel: 'social-care', within: 'PT8H', transport: 'none',
    }).expect(200);
    await post(tokens.homeCare, `/api/d-tasks/${redirect}/handoff/accept`).expect(200);
    clock.advance(30 * MINUTE);
    await post(tokens.homeCare, `/api/d-tasks/${redirect}/handoff/complete`, { visitedAt: new Date(clock.now().getTime() - 5 * MINUTE).toISOString() }).expect(200);
  }, 180_000);
  afterAll(() => target?.close());

  const measure = (page: Page, testId: string, key: string) => page.getByTestId(testId).locator(`[data-measure="${key}"] dd`);

  it("shows the supervisor today's measured unit time, contact within the target and over-triage, and the rest of the day's measures on demand", async () => {
    const { context, page } = await signIn(target, 'super-sari', 'supervisor', { viewport: { width: 1920, height: 1080 } });
    await measure(page, 'wall-measures', 'unit-time').filter({ hasText: 'measured median 50 min' }).waitFor();
    expect(await measure(page, 'wall-measures', 'within-target').textContent()).toBe('100.0% (3 of 3)');
    expect(await measure(page, 'wall-measures', 'over-triage').textContent()).toBe('100.0%: 1 of 1 unit the nurses sent left the patient without conveyance');
    // One unit is one unit in Swedish too (Intl writes a no-break space before %).
    await page.getByRole('button', { name: 'SV', exact: true }).click();
    expect((await measure(page, 'wall-measures', 'over-triage').textContent())?.replace(/\u00a0/g, ' ')).toBe('100,0 %: 1 av 1 enhet som sjukskötarna skickade lämnade patienten utan transport');
    await page.getByRole('button', { name: 'EN', exact: true }).click();
    await page.getByTestId('wall-measures-more').locator('summary').click();
    await measure(page, 'wall-measures-report', 'consults').filter({ hasText: /^1, median time from receipt/ }).waitFor();
    expect(await measure(page, 'wall-measures-report', 'interpreter').textContent()).toBe('1');
    const levels = page.getByTestId('wall-measures-report-care-levels');
    expect(await levels.locator('[data-care-level]').allTextContents()).toEqual(['Primary care 1', 'Social care 1']);
    await page.getByTestId('wall-measures-more').scrollIntoViewIfNeeded();
    await shotsInFinnishAndSwedish(page, 'measures-wall');
    await context.close();
  }, 90_000);

  it("shows the analyst the period's measures and this month's row", async () => {
    const { context, page } = await signIn(target, 'analyst-ann', 'analyst', { ready: (p) => p.getByTestId('monthly-table').waitFor() });
    await measure(page, 'analyst-measures', 'over-triage').filter({ hasText: '1 of 1' }).waitFor();
    expect(await page.getByTestId('analyst-measures-care-levels').locator('[data-care-level]').allTextContents()).toEqual(['Primary care 1', 'Social care 1']);
    await page.getByTestId('evaluation-monthly').locator('summary').click();
    const month = page.getByTestId('evaluation-monthly-table').locator('tbody tr').last();
    expect(await month.locator('[data-column=unitMinutesMedian]').textContent()).toBe('50 min');
    expect(await month.locator('[data-column=consults]').textContent()).toBe('1');
    expect(await month.locator('[data-column=interpreter]').textContent()).toBe('1');
    await shotsInFinnishAndSwedish(page, 'measures-analyst', page.getByTestId('analyst-measures'));
    await context.close();
  }, 90_000);
});
