import { join } from 'node:path';
import { Page } from 'playwright-core';
import { ARTIFACTS, BrowserApp, signIn, startBrowserApp } from '../support/browser-app';
import { cast } from '../support/dtask-api';

/**
 * Issue 14, item 5 in the console: a closed task's panel opens its record of care
 * (`GET /api/d-tasks/{id}/record`) in the console's language, for the nurse and the supervisor;
 * each opening is a logged read, and a record opened on one task never shows on another.
 */
describe('the record of care in the console', () => {
  let target: BrowserApp;
  let api: Awaited<ReturnType<typeof cast>>;

  beforeAll(async () => {
    target = await startBrowserApp();
    api = await cast(target.app);
  }, 120_000);
  afterAll(() => target?.close());

  /** Advice with its disposition, after a consult; no follow-up, so the task closes at once. */
  async function closedAfterAdvice(callbackPhone: string) {
    const taskId = await api.assessed({ municipality: 'Oulu', callbackPhone, patient: { ageYears: 83, sex: 'female' } });
    const consult = await api
      .post(api.tokens.nurse, `/api/d-tasks/${taskId}/consult`, { consultant: 'on-call-doctor', question: 'Voiko jäädä kotiin?', advice: 'Voi, terveysasemalle huomenna.' })
      .expect(200);
    const consultId = (consult.body.consults as { consultId: string }[] | undefined)?.[0]?.consultId ?? 'consult-1';
    await api
      .post(api.tokens.nurse, `/api/d-tasks/${taskId}/decision`, {
        kind: 'phone-advice', advice: 'Lepää ja juo, terveysasemalle huomenna.', safetyNet: 'Soita 112, jos tulee rintakipua.', patientInformed: true,
        careLevel: 'primary-care', within: 'P1D', transport: 'own', consultId,
      })
      .expect(200);
    return taskId;
  }

  async function openClosed(page: Page, taskId: string) {
    const list = page.getByTestId('closed-tasks');
    if ((await list.getAttribute('open')) === null) await list.locator('summary').click();
    await list.locator(`[data-closed-task="${taskId}"]`).click();
    const panel = page.locator(`[data-testid=task-panel][data-task-id="${taskId}"]`);
    await panel.getByTestId('record-of-care').waitFor();
    return panel;
  }

  it("shows the nurse a closed task's record in English, Finnish and Swedish, each read logged", async () => {
    const taskId = await closedAfterAdvice('+358 40 333 0001');
    const other = await closedAfterAdvice('+358 40 333 0002');
    const { context, page } = await signIn(target, 'nurse-anna', 'nurse');
    const asked: string[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith(`/api/d-tasks/${taskId}/record`)) asked.push(request.headers()['accept-language'] ?? '');
    });
    const panel = await openClosed(page, taskId);
    expect(await panel.getByTestId('record-body').count()).toBe(0);
    await panel.getByTestId('record-toggle').click();
    const body = panel.getByTestId('record-body');
    await body.locator('[data-record-section=decision] h4').filter({ hasText: 'Decision and advice' }).waitFor();
    await body.locator('[data-record-section=consults]').filter({ hasText: 'Voi, terveysasemalle huomenna.' }).waitFor();
    expect((await panel.getByTestId('record-summary').textContent())?.length).toBeGreaterThan(20);
    for (const [language, title, name] of [
      ['fi', 'Päätös ja annetut ohjeet', 'Potilaskertomusmerkintä'],
      ['sv', 'Beslut och givna råd', 'Journalanteckning'],
    ] as const) {
      await page.getByRole('button', { name: language.toUpperCase(), exact: true }).click();
      await body.locator('[data-record-section=decision] h4').filter({ hasText: title }).waitFor();
      expect(await body.getAttribute('lang')).toBe(language);
      expect(await panel.getByTestId('record-of-care').locator('h3').textContent()).toBe(name);
      await body.locator('[data-record-section=findings]').scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(ARTIFACTS, `record-view-${language}.png`) });
    }
    await page.getByRole('button', { name: 'EN', exact: true }).click();

    // Another closed task opens with its record closed, and shows its own when opened.
    const second = await openClosed(page, other);
    expect(await second.getByTestId('record-body').count()).toBe(0);
    await context.close();

    // Read in each language the console showed it in (English again at the end), each a logged read by this nurse.
    expect(asked).toEqual(['en', 'fi', 'sv', 'en']);
    const admin = await target.app.tokenFor('admin', 'dpo-1');
    const reads = (await api.get(admin, `/api/audit/personal-data-reads?taskId=${taskId}`).expect(200)).body.reads as { actor: { id: string }; purpose: string }[];
    expect(reads.filter((read) => read.purpose === 'record' && read.actor.id === 'nurse-anna')).toHaveLength(4);
  }, 120_000);

  it('shows the supervisor the same record', async () => {
    const taskId = await closedAfterAdvice('+358 40 333 0003');
    const { context, page } = await signIn(target, 'super-sari', 'supervisor', { viewport: { width: 1920, height: 1080 } });
    const panel = await openClosed(page, taskId);
    await panel.getByTestId('record-toggle').click();
    await panel.getByTestId('record-body').locator('[data-record-section=findings]').waitFor();
    await page.getByRole('button', { name: 'SV', exact: true }).click();
    await panel.getByTestId('record-body').locator('[data-record-section=findings] h4').filter({ hasText: 'Vårdbehovsbedömning' }).waitFor();
    await context.close();
  }, 90_000);
});
