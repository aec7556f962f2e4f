import { join } from 'node:path';
import { Page } from 'playwright-core';
import { ARTIFACTS, BrowserApp, signIn, startBrowserApp } from '../support/browser-app';
import { cast } from '../support/dtask-api';

/**
 * QA2: with a dozen tasks held, the claimed-tasks card ran past its column (the page 1389 px wide at
 * 1366 in Finnish, 1560 in Swedish), its times wrapped ("13 / min"); and with only a returned task in
 * the queue the longest wait read "0 s", as if someone had just arrived.
 */
describe("the supervisor's wall: its layout with many tasks held, and a queue of a returned task only", () => {
  let target: BrowserApp;
  let returned: string;

  beforeAll(async () => {
    target = await startBrowserApp({ SCHEDULER_INTERVAL_MS: '3600000' });
    const api = await cast(target.app);
    const { post, tokens } = api;
    // The ERC's longest code names, held by two nurses, some with red flags.
    const codes = ['793', '794', '774', '762', '785', '773', '775', '704', '703', '782', '793', '794', '774'];
    for (const [index, taskCode] of codes.entries()) {
      if (index % 3 === 0) await api.assessed({ taskCode, municipality: 'Pyhäjärvi' }, ['chest-pain']);
      else {
        const taskId = await api.intake({ taskCode, municipality: index % 2 ? 'Oulu' : 'Raahe' });
        await post(index % 2 ? tokens.nurse : tokens.nurse2, `/api/d-tasks/${taskId}/claim`).expect(200);
      }
    }
    returned = await api.assessed({ municipality: 'Oulu', taskCode: '745' });
    await post(tokens.nurse, `/api/d-tasks/${returned}/decision`, { kind: 'redirect', target: 'oulu-home-care', handoffNote: 'Käynti tänään.', patientInformed: true }).expect(200);
    await post(tokens.homeCare, `/api/d-tasks/${returned}/handoff/decline`, { reason: 'Ei vapaita käyntiaikoja tänään.' }).expect(200);
  }, 180_000);
  afterAll(() => target?.close());

  const choose = (page: Page, language: 'fi' | 'sv') => page.getByRole('button', { name: language.toUpperCase(), exact: true }).click();
  // (Page code as strings: the tests compile without the DOM library.) A card or cell wider than itself, or a time on two lines.
  const overflowing = (page: Page) =>
    page.evaluate(`[...document.querySelectorAll('.supervisor-wall > *, .supervisor-wall td, .supervisor-wall th')]
      .filter((el) => el.scrollWidth > el.clientWidth + 1 || (el.classList.contains('num') && (() => { const r = document.createRange(); r.selectNodeContents(el); return new Set([...r.getClientRects()].map((rect) => Math.round(rect.top))).size > 1; })()))
      .map((el) => el.className + ': ' + el.textContent.slice(0, 40))`) as Promise<string[]>;
  const pageWidth = (page: Page) => page.evaluate(`[document.documentElement.scrollWidth, document.querySelector('[data-testid="supervisor-wall"]').scrollWidth]`) as Promise<number[]>;

  for (const width of [1366, 1920]) {
    it(`fits the window at ${width} px in Finnish and Swedish, full screen too, no cell cut or time wrapped`, async () => {
      const { page, context } = await signIn(target, 'super-sari', 'supervisor', { viewport: { width, height: 1000 } });
      await page.getByTestId('wall-claimed-tasks').locator('tbody tr').nth(12).waitFor();
      for (const language of ['fi', 'sv'] as const) {
        await choose(page, language);
        await page.getByTestId('wall-claimed-tasks').getByText(language === 'fi' ? 'Hoitolaitossiirto' : 'Förflyttning mellan vårdinrättningar').first().waitFor();
        await page.screenshot({ path: join(ARTIFACTS, `wall-layout-${language}-${width}.png`), fullPage: true });
        for (const size of await pageWidth(page)) expect(size).toBeLessThanOrEqual(width);
        expect(await overflowing(page)).toEqual([]);
        await page.getByTestId('wall-mode-toggle').click();
        await page.locator('[data-testid="supervisor-wall"][data-wall-mode="true"]').waitFor();
        await page.screenshot({ path: join(ARTIFACTS, `wall-layout-${language}-${width}-full.png`) });
        expect((await pageWidth(page))[1]).toBeLessThanOrEqual(width);
        expect(await overflowing(page)).toEqual([]);
        await page.getByTestId('wall-mode-toggle').click();
      }
      await context.close();
    }, 90_000);
  }

  it('shows no longest wait ("–") while the queue holds only a task a service gave back, in the figure and its area', async () => {
    const { page, context } = await signIn(target, 'super-sari', 'supervisor');
    await page.getByTestId('wall-queue-length').filter({ hasText: /^1$/ }).waitFor();
    await choose(page, 'fi');
    await page.getByTestId('wall-oldest-wait').filter({ hasText: /^–$/ }).waitFor();
    const oulu = page.getByTestId('wall-areas').locator('tr').filter({ hasText: 'Oulu ja Hailuoto' });
    expect((await oulu.locator('td').allTextContents()).slice(0, 2)).toEqual(['1', '–']);
    await choose(page, 'sv');
    await page.getByTestId('wall-oldest-wait').filter({ hasText: /^–$/ }).waitFor();
    // The queue under the wall names the municipality in Swedish (placeName): Uleåborg, not Oulu.
    await page.locator(`[data-task-id="${returned}"]`).filter({ hasText: 'Uleåborg' }).first().waitFor();
    await context.close();
  }, 60_000);
});
