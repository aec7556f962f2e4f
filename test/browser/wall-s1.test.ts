import { join } from 'node:path';
import { ARTIFACTS, BrowserApp, signIn, startBrowserApp } from '../support/browser-app';
import { cast } from '../support/dtask-api';

/**
 * QA2's first defect: S1's automatic unit stood red "act now" on the wall, its wait counting and in
 * the banner's count, until the task closed. Once the unit is on its way it is information, with the
 * unit's time, and it leaves the tile when the unit is on scene (or the patient is reached again).
 */
describe("the supervisor's wall: S1's unit on its way is information", () => {
  let target: BrowserApp;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    target = await startBrowserApp({ SCHEDULER_INTERVAL_MS: '3600000' });
    const api = await cast(target.app);
    const { post, tokens } = api;
    // Two unanswered calls send a unit (S1).
    const unreachable = async (municipality: string) => {
      const taskId = await api.intake({ municipality, taskCode: '745' });
      await post(tokens.nurse, `/api/d-tasks/${taskId}/claim`).expect(200);
      for (let call = 0; call < 2; call += 1) await post(tokens.nurse, `/api/d-tasks/${taskId}/callbacks`, { outcome: 'no-answer' }).expect(200);
      return taskId;
    };
    ids.onItsWay = await unreachable('Oulu');
    ids.onScene = await unreachable('Raahe');
    await post(tokens.erc, `/api/d-tasks/${ids.onScene}/mission`, { stage: 'on-scene', unitId: 'OU-121' }).expect(200);
  }, 180_000);
  afterAll(() => target?.close());

  it('lists the unit on its way calmly, with its time and no wait, outside the banner; the unit on scene not at all', async () => {
    const { page, context } = await signIn(target, 'super-sari', 'supervisor', { viewport: { width: 1366, height: 900 } });
    const tile = page.getByTestId('alert-tile-unreachable');
    const entry = tile.locator(`li[data-task-id="${ids.onItsWay}"]`);
    for (const [language, words] of [
      ['fi', /yksikkö lähetetty automaattisesti klo \d\d\.\d\d/],
      ['sv', /enhet skickad automatiskt kl\. \d\d\.\d\d/],
    ] as const) {
      await page.getByRole('button', { name: language.toUpperCase(), exact: true }).click();
      await entry.filter({ hasText: words }).waitFor();
      expect(await entry.textContent()).not.toMatch(/odottanut|väntat/);
      expect(await tile.getAttribute('data-severity')).toBe('info');
      expect(await tile.textContent()).not.toMatch(/Toimi heti|Agera genast/);
      expect(await tile.locator('li').count()).toBe(1);
      expect(await page.getByTestId('wall-banner').getAttribute('data-severity')).toBe('ok');
      expect(await page.getByTestId('wall-banner').textContent()).not.toMatch(/tavoitettu|nås inte/);
      await tile.screenshot({ path: join(ARTIFACTS, `wall-s1-tile-${language}.png`) });
      await page.screenshot({ path: join(ARTIFACTS, `wall-s1-${language}-1366.png`), fullPage: true });
    }
    // Full screen, across the room: as calm.
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.getByTestId('wall-mode-toggle').click();
    await page.locator('[data-testid="supervisor-wall"][data-wall-mode="true"]').waitFor();
    expect(await tile.getAttribute('data-severity')).toBe('info');
    await page.screenshot({ path: join(ARTIFACTS, 'wall-s1-sv-1920-full.png') });
    await context.close();
  }, 60_000);
});
