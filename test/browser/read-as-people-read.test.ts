import { join } from 'node:path';
import { Page } from 'playwright-core';
import { ManualClock } from '../../apps/dispatch-api/src/clock/clock';
import { ARTIFACTS, BrowserApp, signIn, startBrowserApp } from '../support/browser-app';
import { cast } from '../support/dtask-api';
import { panelOf, row } from './desk-steps';

/**
 * QA 4, 8 and 9: time travel titled its chart "Jonon pituus · 2025-12-22"; the charts' legends
 * read "Kuukausi: –", "Kontakter: --" before the pointer was on them; the callback number showed
 * only as "+358400009769", where a nurse reads "040 000 9769".
 */
describe('dates, chart legends and callback numbers as control-room staff read them', () => {
  // The past day is fixed: 22.12.2025, a task received at 10.00 Helsinki time.
  const clock = new ManualClock(new Date('2025-12-22T08:00:00Z'));
  let target: BrowserApp;
  let api: Awaited<ReturnType<typeof cast>>;

  beforeAll(async () => {
    target = await startBrowserApp({ SCHEDULER_INTERVAL_MS: '3600000' }, undefined, clock);
    api = await cast(target.app);
    await api.intake({ receivedAt: clock.now().toISOString(), taskCode: '745' });
    // Sign-in tokens and the live desk work on the real time from here on.
    clock.set(new Date());
  }, 120_000);
  afterAll(() => target?.close());

  const choose = (page: Page, language: 'fi' | 'sv') => page.getByRole('button', { name: language.toUpperCase(), exact: true }).click();
  // No legend cell may hold a placeholder: uPlot's "--", our "–", or a colon with nothing after it.
  const placeholders = (page: Page) =>
    page.evaluate(`[...document.querySelectorAll('.u-legend .u-series')]
      .map((series) => [series.textContent.trim(), getComputedStyle(series.querySelector('th'), '::after').content])
      .filter(([text, after]) => /--|–\\s*$|:\\s*$/.test(text) || (after !== 'none' && after !== 'normal' && series.querySelector('td') && series.querySelector('td').textContent === ''))
      .map(([text]) => text)`) as Promise<string[]>;

  it("titles time travel's chart with the day as staff write it, and its legends read as words, fi and sv", async () => {
    const { page, context } = await signIn(target, 'analyst-alma', 'analyst', { ready: (p) => p.getByRole('region', { name: 'Analysis' }).waitFor() });
    await page.getByTestId('chart-decision-mix').locator('canvas').waitFor();
    await page.fill('input[name=replay-date]', '22.12.2025');
    await page.getByRole('button', { name: 'Show' }).click();
    await page.locator('input[name=replay-time]').waitFor({ timeout: 30_000 });
    for (const [language, title] of [['fi', 'Jonon pituus · 22.12.2025'], ['sv', 'Kölängd · 22.12.2025']] as const) {
      await choose(page, language);
      await page.locator('figcaption').filter({ hasText: title }).waitFor();
      expect(await page.locator('figcaption').allTextContents()).not.toContainEqual(expect.stringMatching(/\d{4}-\d{2}-\d{2}/));
      await page.screenshot({ path: join(ARTIFACTS, `people-read-analyst-${language}.png`), fullPage: true });
      expect(await placeholders(page)).toEqual([]);
    }
    // Under the pointer the legend still gives the figures: the time and the queue then.
    await page.getByTestId('chart-replay-day').locator('.u-over').hover();
    const legend = page.locator('.plot').filter({ has: page.getByTestId('chart-replay-day') }).locator('.u-legend');
    await legend.filter({ hasText: /\d{2}\.\d{2}/ }).waitFor();
    expect(await legend.textContent()).toMatch(/Kölängd\d/);
    await context.close();
  }, 90_000);

  it("the wall's chart legend reads as words too, fi and sv", async () => {
    const { page, context } = await signIn(target, 'super-sari', 'supervisor');
    for (const [language, label] of [['fi', 'Jonon pituus'], ['sv', 'Köns längd']] as const) {
      await choose(page, language);
      await page.locator('.u-legend').filter({ hasText: label }).first().waitFor();
      await page.screenshot({ path: join(ARTIFACTS, `people-read-wall-${language}.png`), fullPage: true });
      expect(await placeholders(page)).toEqual([]);
    }
    await context.close();
  }, 60_000);

  it("shows the nurse the callback number as she reads it, the link still the full international number", async () => {
    const finnish = await api.intake({ callbackPhone: '+358400009769', ercNotes: 'Huimaa aamusta asti.' });
    const { page, context } = await signIn(target, 'nurse-anna', 'nurse');
    await row(page, finnish).getByRole('button', { name: 'Claim' }).click();
    const phone = panelOf(page, finnish).getByTestId('callback-phone');
    for (const [language, call] of [['fi', 'Soita'], ['sv', 'Ring']] as const) {
      await choose(page, language);
      await phone.filter({ hasText: `${call} 040 000 9769` }).waitFor();
      expect(await phone.getAttribute('href')).toBe('tel:+358400009769');
      expect(await phone.textContent()).not.toContain('+358');
      await page.screenshot({ path: join(ARTIFACTS, `people-read-nurse-${language}.png`) });
    }
    // The ERC's new number, in the header's list of what the ERC sent later, reads the same way.
    await api.post(api.tokens.erc, `/api/d-tasks/${finnish}/erc-update`, { kind: 'new-information', notes: 'Tytär paikalla', callbackPhone: '+358 40 555 1234' }).expect(200);
    await panelOf(page, finnish).getByTestId('erc-updates').filter({ hasText: '040 555 1234' }).waitFor();
    await phone.filter({ hasText: 'Ring 040 555 1234' }).waitFor();
    expect(await panelOf(page, finnish).getByTestId('erc-updates').textContent()).not.toContain('+358');
    await context.close();
  }, 60_000);

  it("shows the partner the referral's number the same way; another country's keeps its +country", async () => {
    const referred: Record<string, string> = {};
    for (const phone of ['+358400009769', '+46701234567']) {
      const taskId = await api.assessed({ callbackPhone: phone });
      await api.post(api.tokens.nurse, `/api/d-tasks/${taskId}/decision`, { kind: 'redirect', target: 'oulu-home-care', handoffNote: 'Käynti tänään.', patientInformed: true }).expect(200);
      referred[phone] = taskId;
    }
    const { page, context } = await signIn(target, 'kotihoito-2', 'partner', { service: 'oulu-home-care' });
    for (const [phone, shown] of [['+358400009769', '040 000 9769'], ['+46701234567', '+46701234567']] as const) {
      await page.getByTestId('partner-list').locator(`button[data-task-id="${referred[phone]}"]`).click();
      const link = page.locator(`[data-testid=referral][data-task-id="${referred[phone]}"]`).getByTestId('referral-phone');
      await link.filter({ hasText: shown }).waitFor();
      expect(await link.textContent()).toBe(shown);
      expect(await link.getAttribute('href')).toBe(`tel:${phone}`);
    }
    await page.getByTestId('partner-list').locator(`button[data-task-id="${referred['+358400009769']}"]`).click();
    for (const language of ['fi', 'sv'] as const) {
      await choose(page, language);
      await page.getByTestId('referral-phone').filter({ hasText: '040 000 9769' }).waitFor();
      await page.screenshot({ path: join(ARTIFACTS, `people-read-partner-${language}.png`) });
    }
    await context.close();
  }, 60_000);
});
