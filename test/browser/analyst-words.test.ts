import { Page } from 'playwright-core';
import { BrowserApp, signIn, startBrowserApp } from '../support/browser-app';
import { adviceDecision, cast } from '../support/dtask-api';
import { shotsInFinnishAndSwedish } from './language-shots';

/**
 * The QA walk-through's analyst defects: dates shown month first, two re-contact measures no one
 * could tell apart, and a what-if without issue 14's measures and with its summary run together.
 */
describe("the analyst's view in the centre's languages", () => {
  let target: BrowserApp;

  beforeAll(async () => {
    target = await startBrowserApp();
    const api = await cast(target.app);
    const { post, tokens } = api;
    // Advice after one unanswered call (a stricter S1 would have sent a unit), and a visit that failed.
    const advised = await api.intake({ municipality: 'Kempele' });
    await post(tokens.nurse, `/api/d-tasks/${advised}/claim`).expect(200);
    await post(tokens.nurse, `/api/d-tasks/${advised}/callbacks`, { outcome: 'no-answer' }).expect(200);
    await post(tokens.nurse, `/api/d-tasks/${advised}/callbacks`, { outcome: 'reached' }).expect(200);
    await post(tokens.nurse, `/api/d-tasks/${advised}/assessment`, { redFlags: [], concern: false, symptoms: 'huimaus', existingServices: [], notes: '' }).expect(200);
    await post(tokens.nurse, `/api/d-tasks/${advised}/decision`, { ...adviceDecision(), careLevel: 'self-care' }).expect(200);
    const failed = await api.assessed({ municipality: 'Oulu' });
    await post(tokens.nurse, `/api/d-tasks/${failed}/decision`, { kind: 'redirect', target: 'oulu-home-care', handoffNote: 'Käynti tänään.', patientInformed: true, careLevel: 'social-care' }).expect(200);
    await post(tokens.homeCare, `/api/d-tasks/${failed}/handoff/accept`).expect(200);
    await post(tokens.homeCare, `/api/d-tasks/${failed}/handoff/fail`, { reason: 'Ei avannut ovea.' }).expect(200);
  }, 180_000);
  afterAll(() => target?.close());

  const analyst = () => signIn(target, 'analyst-alma', 'analyst', { viewport: { width: 1366, height: 900 }, ready: (page) => page.getByRole('region', { name: 'Analysis' }).waitFor() });
  const choose = (page: Page, language: 'FI' | 'SV' | 'EN') => page.getByRole('button', { name: language, exact: true }).click();

  it('shows and reads the dates day first in Finnish and Swedish, and says when a date is none', async () => {
    const { page, context } = await analyst();
    for (const language of ['FI', 'SV'] as const) {
      await choose(page, language);
      for (const name of ['from', 'to', 'replay-date']) expect(await page.inputValue(`input[name=${name}]`)).toMatch(/^\d{1,2}\.\d{1,2}\.\d{4}$/);
    }
    await choose(page, 'FI');
    await page.fill('input[name=from]', '1.1.2026');
    await page.getByRole('button', { name: 'Päivitä' }).click();
    // The period read as 1 January: its months start there.
    await page.locator('[data-testid=monthly-table] tbody tr').first().and(page.locator('tr[data-month="2026-01"]')).waitFor();
    await page.fill('input[name=to]', '31.2.2026');
    await page.getByRole('alert').filter({ hasText: 'Kirjoita päivämäärä muodossa p.k.vvvv' }).waitFor();
    expect(await page.getByRole('button', { name: 'Päivitä' }).isDisabled()).toBe(true);
    await choose(page, 'SV');
    await page.getByRole('alert').filter({ hasText: 'Skriv datumet som d.m.åååå' }).waitFor();
    await shotsInFinnishAndSwedish(page, 'analyst-dates', page.locator('form.inline').first());
    await context.close();
  }, 60_000);

  it('says of each re-contact measure what it counts and over which window', async () => {
    const { page, context } = await analyst();
    await choose(page, 'FI');
    await page.getByTestId('explained-second-contacts').filter({ hasText: '24 tai 72 tunnin kuluessa puhelinneuvonnasta' }).waitFor();
    await page.getByTestId('explained-recontacts').filter({ hasText: '24 tai 72 tunnin kuluessa mistä tahansa päätöksestämme' }).waitFor();
    await choose(page, 'SV');
    await page.getByTestId('explained-second-contacts').filter({ hasText: 'inom 24 eller 72 timmar efter telefonrådgivning' }).waitFor();
    await page.getByTestId('explained-recontacts').filter({ hasText: 'inom 24 eller 72 timmar efter vilket beslut som helst' }).waitFor();
    await shotsInFinnishAndSwedish(page, 'analyst-recontacts', page.getByTestId('analyst-measures'));
    await context.close();
  }, 60_000);

  it('heads the monthly columns of escalations and automatic dispatches as part of the units requested, so no one adds them again', async () => {
    const { page, context } = await analyst();
    const headers = page.getByTestId('monthly-table').locator('thead th');
    for (const [language, ofWhich] of [['FI', /^Yksiköistä: /], ['SV', /^Av enheterna: /], ['EN', /^Of the units: /]] as const) {
      await choose(page, language);
      const names = await headers.allTextContents();
      const unitColumn = names.findIndex((name) => ['Yksikkö pyydetty', 'Enhet begärd', 'Unit requested'].includes(name));
      expect(unitColumn).toBeGreaterThan(0);
      // The two columns right after advice and redirect are parts of the unit column, and say so.
      expect([names[unitColumn + 3], names[unitColumn + 4]].every((name) => ofWhich.test(name ?? ''))).toBe(true);
    }
    await context.close();
  }, 60_000);

  it('compares issue 14’s measures on both sides of the what-if, in words, and lists the refused actions one a line', async () => {
    const { page, context } = await analyst();
    await page.fill('input[name=s1FailedAttempts]', '1');
    await page.getByRole('button', { name: 'Replay under these limits' }).click();
    const table = page.getByTestId('what-if-table');
    await table.waitFor({ timeout: 30_000 });
    for (const key of ['within-target', 'over-triage', 'recontacts', 'consults', 'interpreter', 'failed-visits', 'care-levels']) {
      for (const side of ['actual', 'what-if']) expect(await table.locator(`tr[data-row=${key}] td[data-side=${side}]`).textContent()).not.toBe('–');
    }
    expect(await table.locator('tr[data-row=failed-visits] td[data-side=actual]').textContent()).toBe('1');
    await choose(page, 'FI');
    expect(await table.locator('tr[data-row=care-levels] td[data-side=actual]').textContent()).toMatch(/Omahoito 1.*Sosiaalihuolto 1|sosiaalihuolto 1/i);
    const refused = await page.getByTestId('what-if-refused').locator('li').allTextContents();
    expect(refused.length).toBeGreaterThan(0);
    for (const line of refused) expect(line).toMatch(/^\p{Lu}[^.]*: \d[\d\s]*$/u);
    await shotsInFinnishAndSwedish(page, 'analyst-what-if-measures', table);
    await shotsInFinnishAndSwedish(page, 'analyst-what-if-summary', page.getByTestId('what-if-summary'));
    await context.close();
  }, 90_000);
});
