import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, Page } from 'playwright-core';
import { DeadlineScheduler } from '../../apps/dispatch-api/src/d-tasks/deadline-scheduler';
import { ARTIFACTS, BrowserApp, startBrowserApp } from '../support/browser-app';
import { adviceDecision, cast } from '../support/dtask-api';
import type { TestApp } from '../support/test-app';

const SHOTS = process.env.WALL_SHOTS_DIR ?? ARTIFACTS;
const LANGUAGE_BUTTON = { fi: 'FI', sv: 'SV', en: 'EN' } as const;

describe("supervisor's wall in a real browser", () => {
  let target: BrowserApp;
  let baseUrl: string;
  let browser: Browser;
  let app: TestApp;
  let api: Awaited<ReturnType<typeof cast>>;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    target = await startBrowserApp({ SCHEDULER_INTERVAL_MS: '3600000' });
    ({ baseUrl, browser, app } = target);
    api = await cast(app);
  }, 120_000);
  afterAll(() => target?.close());

  async function signInAsSupervisor(page: Page, language: keyof typeof LANGUAGE_BUTTON = 'en') {
    await page.goto(baseUrl);
    await page.getByRole('button', { name: 'EN' }).click();
    await page.fill('input[name=user]', 'super-sari');
    await page.selectOption('select[name=role]', 'supervisor');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByTestId('connection').filter({ hasText: 'Live' }).waitFor();
    if (language !== 'en') await page.getByRole('button', { name: LANGUAGE_BUTTON[language], exact: true }).click();
  }

  /** A second contact (S4): the same patient called again after phone advice; nurse-anna holds it, reached and assessed. */
  async function claimedSecondContact(personId: string, municipality = 'Oulu') {
    const { post, tokens } = api;
    const patient = { ageYears: 79, sex: 'female', personId };
    const first = await api.assessed({ patient, municipality });
    await post(tokens.nurse, `/api/d-tasks/${first}/decision`, adviceDecision()).expect(200);
    const second = await api.assessed({ patient, municipality, taskCode: '744' });
    const events = await api.get(tokens.supervisor, `/api/d-tasks/${second}`).expect(200);
    expect(events.body.flags).toContain('second-contact');
    return second;
  }

  it('names a claimed second contact on its tile; the S4 override from the wall lets the nurse give phone advice', async () => {
    const { post, tokens } = api;
    const taskId = await claimedSecondContact('121249-987X');
    // Before the override, phone advice on it is refused.
    expect((await post(tokens.nurse, `/api/d-tasks/${taskId}/decision`, adviceDecision()).expect(409)).body.reason).toBe('second-contact-needs-override');

    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    const page = await context.newPage();
    await signInAsSupervisor(page);
    const tile = page.getByTestId('alert-tile-second-contact');
    const entry = tile.locator(`li[data-task-id="${taskId}"]`);
    await entry.waitFor();
    // The tile names the task (area, code, age) and who holds it, though it is not in the waiting queue.
    await expect(entry.getByTestId('open-task').textContent()).resolves.toMatch(/Oulu and Hailuoto · 744 Wound · 79\sy.*waited \d+ (s|min) · held by nurse-anna for \d+ (s|min)/);
    expect(await tile.getAttribute('data-severity')).toBe('warning');
    await expect(tile.getByTestId('alert-count-second-contact').textContent()).resolves.toBe('1');
    await expect(page.getByTestId('wall-banner').textContent()).resolves.toContain('1 alert: second contacts 1');
    // The claimed tasks list it too, with its holder.
    await expect(page.getByTestId('wall-claimed-tasks').locator(`tr[data-task-id="${taskId}"]`).textContent()).resolves.toContain('nurse-anna');

    // A click on the task opens it in the desk's task panel.
    await entry.getByTestId('open-task').click();
    await page.locator(`[data-testid="task-panel"][data-task-id="${taskId}"]`).waitFor();

    await entry.getByRole('button', { name: /Allow phone advice \(S4\)/ }).click();
    const form = page.getByTestId(`override-form-${taskId}`);
    // The reason is required: an empty one is refused in the form and nothing is sent.
    await form.getByRole('button', { name: 'Confirm override' }).click();
    await form.getByText('Write the reason first.').waitFor();
    expect((await api.get(tokens.supervisor, `/api/d-tasks/${taskId}`).expect(200)).body.history.map((event: { type: string }) => event.type)).not.toContain('OverrideGranted');
    await form.locator('textarea[name=overrideReason]').fill('Spoke with the patient: stable, daughter present, GP visit tomorrow.');
    await page.screenshot({ path: join(SHOTS, 'wall-override-form.png') });
    await form.getByRole('button', { name: 'Confirm override' }).click();
    await entry.getByTestId('override-outcome').filter({ hasText: 'Override recorded' }).waitFor();
    // The next snapshot shows it overridden.
    await entry.getByTestId('overridden').waitFor();
    await page.screenshot({ path: join(SHOTS, 'wall-overridden.png') });

    const detail = await api.get(tokens.supervisor, `/api/d-tasks/${taskId}`).expect(200);
    const granted = detail.body.history.find((event: { type: string }) => event.type === 'OverrideGranted');
    expect(granted).toMatchObject({ data: { rule: 'S4-second-contact', reason: 'Spoke with the patient: stable, daughter present, GP visit tomorrow.' }, metadata: { actor: { id: 'super-sari', role: 'supervisor' } } });
    // Now the nurse's phone advice is accepted, and the task leaves the tile.
    await post(tokens.nurse, `/api/d-tasks/${taskId}/decision`, adviceDecision()).expect(200);
    await entry.waitFor({ state: 'detached' });
    await context.close();
  }, 90_000);

  it('takes its figures from the live snapshots: no refetch of /api/load per event, the chart once a minute', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const page = await context.newPage();
    await page.clock.install();
    const loadRequests: string[] = [];
    const historyRequests: string[] = [];
    page.on('request', (request) => {
      const path = new URL(request.url()).pathname;
      if (path === '/api/load') loadRequests.push(request.url());
      if (path === '/api/load/history') historyRequests.push(request.url());
    });
    await signInAsSupervisor(page);
    const queue = page.getByTestId('wall-queue-length');
    await queue.filter({ hasText: /^\d+$/ }).waitFor();
    const before = Number(await queue.textContent());
    for (const municipality of ['Raahe', 'Kuusamo', 'Raahe']) await api.intake({ municipality });
    await queue.filter({ hasText: String(before + 3) }).waitFor();
    const raahe = page.getByTestId('wall-areas').locator('tr[data-area="Raahe"]');
    await raahe.getByTestId('area-queue').filter({ hasText: /^[2-9]/ }).waitFor();
    expect(await raahe.locator('th').textContent()).toBe('Raahe');
    expect(loadRequests.length).toBeLessThanOrEqual(1);
    expect(historyRequests).toHaveLength(1);
    const refetch = page.waitForRequest((request) => new URL(request.url()).pathname === '/api/load/history', { timeout: 10_000 });
    await page.clock.fastForward(61_000);
    await refetch;
    expect(historyRequests).toHaveLength(2);

    // With the connection down the figures say how old they are.
    await context.setOffline(true);
    await page.getByTestId('wall-stamp').filter({ hasText: /^⚠ Situation at \d\d:\d\d, connection lost$/ }).waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('supervisor-wall').getAttribute('class')).toContain('wall-stale');
    await context.setOffline(false);
    await page.getByTestId('wall-stamp').filter({ hasText: /^Situation at \d\d:\d\d$/ }).waitFor({ timeout: 20_000 });
    await context.close();
  }, 60_000);

  /** Something on every tile: past the waiting limit, a held second contact, a returned handoff, an unreachable patient. */
  let busyWall: Promise<void> | undefined;
  async function makeTheWallBusy() {
    const { post, tokens } = api;
    await api.intake({ municipality: 'Ylivieska', receivedAt: new Date(Date.now() - 25 * 60_000).toISOString() });
    await api.intake({ municipality: 'Pudasjärvi', receivedAt: new Date(Date.now() - 7 * 60_000).toISOString() });
    await app.app.get(DeadlineScheduler).tick();
    await claimedSecondContact('010150-123B', 'Kempele');
    const redirected = await api.assessed({ municipality: 'Oulu' });
    await post(tokens.nurse, `/api/d-tasks/${redirected}/decision`, {
      kind: 'redirect', target: 'oulu-home-care', handoffNote: 'Visit today, dizzy, lives alone.', patientInformed: true,
    }).expect(200);
    await post(tokens.homeCare, `/api/d-tasks/${redirected}/handoff/decline`, { reason: 'No visit free today.' }).expect(200);
    const unreachable = await api.intake({ municipality: 'Kuusamo' });
    await post(tokens.nurse2, `/api/d-tasks/${unreachable}/claim`).expect(200);
    await post(tokens.nurse2, `/api/d-tasks/${unreachable}/callbacks`, { outcome: 'no-answer' }).expect(200);
    await post(tokens.nurse2, `/api/d-tasks/${unreachable}/callbacks`, { outcome: 'busy' }).expect(200);
    const held = await api.intake({ municipality: 'Raahe' });
    await post(tokens.nurse2, `/api/d-tasks/${held}/claim`).expect(200);
  }

  it.each(['fi', 'sv'] as const)('full-screen wall mode at 1920×1080 (%s)', async (language) => {
    busyWall ??= makeTheWallBusy();
    await busyWall;
    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    const page = await context.newPage();
    await signInAsSupervisor(page, language);
    for (const kind of ['s2-alert', 'second-contact', 'handoff-returned', 'unreachable']) {
      await page.getByTestId(`alert-tile-${kind}`).locator('li').first().waitFor();
    }
    await page.getByTestId('wall-mode-toggle').click();
    const wall = page.getByTestId('supervisor-wall');
    await page.locator('[data-testid="supervisor-wall"][data-wall-mode="true"]').waitFor();
    // The wall covers the screen, readable across the room: large figures.
    const box = (await wall.boundingBox())!;
    expect([box.width, box.height]).toEqual([1920, 1080]);
    // (Page code as strings: the tests compile without the DOM library.)
    const figureSize = Number(await page.evaluate(`parseFloat(getComputedStyle(document.querySelector('[data-testid="wall-queue-length"]')).fontSize)`));
    expect(figureSize).toBeGreaterThanOrEqual(48);
    await page.getByTestId('load-chart').locator('canvas').waitFor();
    await page.screenshot({ path: join(SHOTS, `wall-fullscreen-${language}-1920.png`) });
    if (language === 'fi') await page.screenshot({ path: join(ARTIFACTS, 'supervisor-wall-fullscreen.png') });
    // Opening a task leaves the wall mode for the desk's task panel.
    const s2Task = page.getByTestId('alert-tile-s2-alert').locator('li').first();
    const s2TaskId = await s2Task.getAttribute('data-task-id');
    await s2Task.getByTestId('open-task').click();
    await page.locator('[data-testid="supervisor-wall"][data-wall-mode="false"]').waitFor();
    await page.locator(`[data-testid="task-panel"][data-task-id="${s2TaskId}"]`).waitFor();
    // And the button goes in and out of it.
    await page.getByTestId('wall-mode-toggle').click();
    await page.locator('[data-testid="supervisor-wall"][data-wall-mode="true"]').waitFor();
    await page.getByTestId('wall-mode-toggle').click();
    await page.locator('[data-testid="supervisor-wall"][data-wall-mode="false"]').waitFor();
    await page.setViewportSize({ width: 1366, height: 768 });
    // Nothing of the wall runs off the side of a 1366 px screen (the chart follows the width).
    // (Polled with evaluate: the console's CSP forbids the string evaluation waitForFunction needs.)
    const wallWidth = () => page.evaluate(`document.querySelector('[data-testid="supervisor-wall"]').scrollWidth`) as Promise<number>;
    for (let tries = 0; (await wallWidth()) > 1366 && tries < 50; tries += 1) await page.waitForTimeout(100);
    expect(await wallWidth()).toBeLessThanOrEqual(1366);
    await page.screenshot({ path: join(SHOTS, `wall-${language}-1366.png`), fullPage: true });
    await context.close();
  }, 60_000);
});
