import { join } from 'node:path';
import { Page } from 'playwright-core';
import { ARTIFACTS, BrowserApp, signIn, startBrowserApp } from '../support/browser-app';
import { adviceDecision, cast } from '../support/dtask-api';
import { panelOf, row } from './desk-steps';

/** Where a part of the panel stands: the sticky header's bottom, the panel's bottom as far as the window shows it, the part's top and bottom. */
interface Standing { headerBottom: number; viewBottom: number; top: number; bottom: number }

/**
 * QA 2: at 1366×768 a tall patient header (the ERC's updates, the patient's earlier contacts) stuck
 * over the forms: `d` scrolled only its tab into view and left the decision form cut at the bottom,
 * the assessment's "concern" box half under the header; the advice fields went under it once
 * phone advice was chosen. `a`, `d` and choosing a decision bring the form whole below the header
 * (or, taller than the room, its top just below it), in Finnish and Swedish.
 */
describe('the task panel at 1366×768: forms clear of the sticky patient header', () => {
  let target: BrowserApp;
  let taskId: string;

  beforeAll(async () => {
    target = await startBrowserApp({ SCHEDULER_INTERVAL_MS: '3600000' });
    const api = await cast(target.app);
    const patient = { ageYears: 76, sex: 'female', personId: '010150-902X' };
    // An earlier contact of the same patient, given phone advice: the header lists it.
    const earlier = await api.assessed({ patient, taskCode: '762' });
    await api.post(api.tokens.nurse, `/api/d-tasks/${earlier}/decision`, adviceDecision()).expect(200);
    taskId = await api.intake({ patient, taskCode: '762', ercNotes: 'huimausta' });
    await api.post(api.tokens.erc, `/api/d-tasks/${taskId}/erc-update`, { kind: 'new-information', notes: 'omaisen numero', callbackPhone: '+358501112233' }).expect(200);
    for (const notes of ['tytär tulossa paikalle', 'ovikoodi 1234, hissi rikki']) await api.post(api.tokens.erc, `/api/d-tasks/${taskId}/erc-update`, { kind: 'new-information', notes }).expect(200);
    // The supervisor lets this second contact be advised by phone: the advice tab is open, as in QA's walk-through.
    await api.post(api.tokens.supervisor, `/api/d-tasks/${taskId}/override`, { rule: 'S4-second-contact', reason: 'Vointi vakaa, tytär paikalla.' }).expect(200);
  }, 180_000);
  afterAll(() => target?.close());

  // (Page code as a string: the tests compile without the DOM library.)
  const standing = (page: Page, selector: string) =>
    page.evaluate(`(() => {
      const scroller = document.querySelector('section.card.task');
      const header = scroller.querySelector('[data-testid=patient-header]').getBoundingClientRect();
      const part = scroller.querySelector(${JSON.stringify(selector)}).getBoundingClientRect();
      return { headerBottom: header.bottom, viewBottom: Math.min(scroller.getBoundingClientRect().bottom, window.innerHeight), top: part.top, bottom: part.bottom };
    })()`) as Promise<Standing>;
  // Whole below the header, or its top just below it when it is taller than the room left.
  const clear = (at: Standing) => at.top >= at.headerBottom - 1 && (at.bottom <= at.viewBottom + 1 || at.top <= at.headerBottom + 24);
  // Scrolled by hand, out of any field (a key in a field is typing).
  const scrollPanel = (page: Page, to: 'top' | 'end') =>
    page.evaluate(`(() => { document.activeElement.blur(); const s = document.querySelector('section.card.task'); s.scrollTo(0, ${to === 'top' ? 0 : 's.scrollHeight'}); })()`);

  it('brings the assessment, the decision and the advice fields whole into view below the header, in Finnish and Swedish', async () => {
    const { page, context } = await signIn(target, 'nurse-anna', 'nurse', { viewport: { width: 1366, height: 768 } });
    await row(page, taskId).getByRole('button', { name: 'Claim' }).click();
    const panel = panelOf(page, taskId);
    await panel.getByTestId('erc-updates').filter({ hasText: 'hissi rikki' }).waitFor();
    await page.keyboard.press('1');
    await panel.locator('textarea[name=symptoms]').waitFor();
    // Reached and assessed, the identity checked: every decision is open to her.
    await panel.locator('input[name=spokeWithPatient][value=yes]').check();
    await panel.locator('input[name=identity][value=verified]').check();
    await panel.locator('textarea[name=symptoms]').fill('Vuoto jatkuu vähäisenä.');
    await panel.getByRole('button', { name: 'Save assessment' }).click();
    await panel.locator('[data-event-type=AssessmentRecorded]').waitFor({ state: 'attached' });
    for (const language of ['fi', 'sv'] as const) {
      await page.getByRole('button', { name: language.toUpperCase(), exact: true }).click();
      await page.locator(`html[lang="${language}"]`).waitFor();
      for (const from of ['top', 'end'] as const) {
        await scrollPanel(page, from);
        await page.keyboard.press('d');
        expect({ from, key: 'd', clear: clear(await standing(page, '[data-section=decision]')) }).toEqual({ from, key: 'd', clear: true });
        await scrollPanel(page, from);
        await page.keyboard.press('a');
        expect({ from, key: 'a', clear: clear(await standing(page, '[data-section=assessment]')) }).toEqual({ from, key: 'a', clear: true });
      }
      await scrollPanel(page, 'top');
      await page.keyboard.press('d');
      await panel.getByTestId('decision-panel').locator('[role=tab]').nth(1).click();
      await panel.locator('textarea[name=safetyNet]').waitFor();
      await page.screenshot({ path: join(ARTIFACTS, `panel-scroll-advice-${language}.png`) });
      for (const field of ['advice', 'safetyNet']) {
        const at = await standing(page, `textarea[name=${field}]`);
        expect({ field, below: at.top >= at.headerBottom - 1, inView: at.bottom <= at.viewBottom + 1 }).toEqual({ field, below: true, inView: true });
      }
      await scrollPanel(page, 'end');
      await page.keyboard.press('a');
      await page.screenshot({ path: join(ARTIFACTS, `panel-scroll-assessment-${language}.png`) });
      await panel.getByTestId('decision-panel').locator('[role=tab]').nth(0).click();
    }
    await context.close();
  }, 120_000);
});
