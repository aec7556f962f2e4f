import { join } from 'node:path';
import { Page } from 'playwright-core';
import { ARTIFACTS, BrowserApp, signIn, startBrowserApp } from '../support/browser-app';
import { cast } from '../support/dtask-api';

const MINUTE = 60_000;

/**
 * QA 7: the wall mode on a 1366×768 screen broke "Pisin odotus" onto two lines ("11" / "min") and
 * cut the S1 tile at the bottom of the screen. Across the room every figure reads on one line and
 * every alert tile is whole on the screen, in Finnish and Swedish.
 */
describe("the supervisor's wall mode on a 1366×768 screen", () => {
  let target: BrowserApp;

  beforeAll(async () => {
    target = await startBrowserApp({ SCHEDULER_INTERVAL_MS: '3600000' });
    const api = await cast(target.app);
    const { post, tokens } = api;
    // A queue whose oldest has waited 11 minutes (the wait is the service's, from its receipt).
    for (const minutes of [11, 8, 5, 3]) await api.intake({ receivedAt: new Date(Date.now() - minutes * MINUTE).toISOString(), taskCode: '703' });
    // Two tasks S1 sent a unit to, as QA had: the S1 tile lists both.
    for (const municipality of ['Oulu', 'Liminka']) {
      const taskId = await api.intake({ municipality, taskCode: '764' });
      await post(tokens.nurse, `/api/d-tasks/${taskId}/claim`).expect(200);
      for (let call = 0; call < 2; call += 1) await post(tokens.nurse, `/api/d-tasks/${taskId}/callbacks`, { outcome: 'no-answer' }).expect(200);
    }
  }, 180_000);
  afterAll(() => target?.close());

  // (Page code as strings: the tests compile without the DOM library.) A figure on more than one line.
  const wrappedFigures = (page: Page) =>
    page.evaluate(`[...document.querySelectorAll('.wall-mode .wall-figure strong')]
      .filter((el) => { const r = document.createRange(); r.selectNodeContents(el); return new Set([...r.getClientRects()].map((rect) => Math.round(rect.top))).size > 1; })
      .map((el) => el.textContent)`) as Promise<string[]>;
  // An alert tile or headline figure not wholly on the screen, or wider than it.
  const cutTiles = (page: Page) =>
    page.evaluate(`[...document.querySelectorAll('.wall-mode .wall-tile')]
      .filter((el) => { const box = el.getBoundingClientRect(); return box.bottom > window.innerHeight || box.right > window.innerWidth || el.scrollWidth > el.clientWidth + 1; })
      .map((el) => el.textContent.slice(0, 40))`) as Promise<string[]>;

  it('reads every figure on one line and shows every alert tile whole, in Finnish and Swedish', async () => {
    const { page, context } = await signIn(target, 'super-sari', 'supervisor', { viewport: { width: 1366, height: 768 } });
    await page.getByTestId('alert-tile-unreachable').locator('li').nth(1).waitFor();
    for (const language of ['fi', 'sv'] as const) {
      // The language is chosen on the page; the wall mode covers the page's own buttons.
      await page.getByRole('button', { name: language.toUpperCase(), exact: true }).click();
      await page.locator(`html[lang="${language}"]`).waitFor();
      await page.getByTestId('wall-mode-toggle').click();
      await page.locator('[data-testid="supervisor-wall"][data-wall-mode="true"]').waitFor();
      await page.getByTestId('wall-oldest-wait').filter({ hasText: /^1[12] min$/ }).waitFor();
      await page.screenshot({ path: join(ARTIFACTS, `wall-mode-1366-${language}.png`) });
      expect(await wrappedFigures(page)).toEqual([]);
      expect(await cutTiles(page)).toEqual([]);
      await page.getByTestId('wall-mode-toggle').click();
      await page.locator('[data-testid="supervisor-wall"][data-wall-mode="false"]').waitFor();
    }
    await context.close();
  }, 90_000);
});
