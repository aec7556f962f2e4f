import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Browser, Page, Request } from 'playwright-core';
import { helsinkiMidnight } from '../../libs/read-models/src/helsinki-time';
import { ManualClock } from '../../apps/dispatch-api/src/clock/clock';
import { adviceDecision, cast } from '../support/dtask-api';
import { launchChromium } from '../support/chromium';
import { startTestApp, TestApp } from '../support/test-app';

const SHOTS = process.env.SHOTS_DIR ?? join(__dirname, '..', 'artifacts');

/**
 * A generated year may end long before today: the analyst's default period is the last 12 months
 * of the data held, not of the calendar. And time travel asks for the queue once the slider rests.
 */
describe('analyst defaults and time travel pacing in a real browser', () => {
  let app: TestApp;
  let baseUrl: string;
  let browser: Browser;

  beforeAll(async () => {
    execFileSync(process.execPath, [join(__dirname, '..', '..', 'scripts', 'build-console-if-stale.js')], { stdio: 'ignore' });
    mkdirSync(SHOTS, { recursive: true });
    const clock = new ManualClock();
    app = await startTestApp({ SCHEDULER_INTERVAL_MS: '60000' }, undefined, clock);
    await app.app.listen(0, '127.0.0.1');
    baseUrl = `http://127.0.0.1:${(app.app.getHttpServer().address() as AddressInfo).port}`;
    const api = await cast(app);
    // Tasks of a past year only: January and June 2025.
    for (const receivedAt of ['2025-01-15T09:00:00.000Z', '2025-06-20T12:00:00.000Z', '2025-06-20T13:30:00.000Z']) {
      // Received, called back and advised then, on the service's clock, as a generated year is.
      clock.set(new Date(Date.parse(receivedAt) + 60_000));
      const taskId = await api.assessed({ receivedAt });
      await api.post(api.tokens.nurse, `/api/d-tasks/${taskId}/decision`, adviceDecision()).expect(200);
    }
    clock.set(new Date());
    browser = await launchChromium();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  /** The language as a returning user left it (localStorage), so the page opens in it. */
  async function signIn(page: Page, language: 'EN' | 'FI' | 'SV' = 'EN') {
    await page.addInitScript(`localStorage.setItem('dtask-language', '${language.toLowerCase()}')`);
    await page.goto(baseUrl);
    await page.fill('input[name=user]', 'analyst-alma');
    await page.selectOption('select[name=role]', 'analyst');
    await page.locator('form.sign-in button[type=submit]').click();
    await page.locator('.analyst').waitFor();
  }

  it('opens on the last 12 months of the data held, says where the data is, and leads back to it', async () => {
    const page = await (await browser.newContext({ viewport: { width: 1366, height: 768 } })).newPage();
    const chartRequests: string[] = [];
    page.on('request', (request) => request.url().includes('/api/reports/charts') && chartRequests.push(request.url()));
    await signIn(page);
    // Dates as the language writes them (English: day first, as en-GB).
    expect(await page.inputValue('input[name=from]')).toBe('01/07/2024');
    expect(await page.inputValue('input[name=to]')).toBe('20/06/2025');
    const june = page.locator('tr[data-month="2025-06"]');
    await june.waitFor();
    expect(await june.locator('td[data-column="tasks"]').textContent()).toBe('2');
    expect(await june.locator('td[data-column="phoneAdvice"]').textContent()).toBe('2');
    expect(await page.locator('tr[data-month="2025-01"] td[data-column="tasks"]').textContent()).toBe('1');
    // One charts request, for the data's period: the view waits for the span instead of asking for today's empty year first.
    expect(chartRequests).toHaveLength(1);
    expect(Date.parse(new URL(chartRequests[0]!).searchParams.get('from')!)).toBe(helsinkiMidnight(2024, 6, 1));
    const held = await page.getByTestId('data-held').textContent();
    expect(held).toContain('15/01/2025');
    expect(held).toContain('20/06/2025');
    expect(held).toContain('(3 tasks)');

    // A period without data says where the data is, and one click brings it back.
    await page.fill('input[name=from]', '2026-01-01');
    await page.fill('input[name=to]', '2026-03-31');
    await page.getByRole('button', { name: 'Update' }).click();
    const outside = page.getByTestId('period-outside-data');
    await outside.waitFor();
    expect(await outside.textContent()).toContain('The data held runs from 15/01/2025');
    await outside.getByRole('button', { name: 'Show the last 12 months of the data' }).click();
    await june.waitFor();
    expect(await page.inputValue('input[name=from]')).toBe('01/07/2024');
    // Time travel opens on the data's last day.
    expect(await page.inputValue('input[name=replay-date]')).toBe('20/06/2025');
    await page.context().close();
  }, 60_000);

  it('asks for the past queue once the slider rests, not per step, and a newer request supersedes one in flight', async () => {
    const page = await (await browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage();
    const date = '2025-06-20';
    const start = helsinkiMidnight(2025, 5, 20);
    const steps = Array.from({ length: 96 }, (_, i) => ({
      at: new Date(start + i * 15 * 60_000).toISOString(),
      queueLength: i % 7,
      oldestWaitSeconds: (i % 7) * 300,
      claimed: i % 3,
      awaitingHandoff: i % 2,
      nursesActive: 4,
      decisions: i % 5,
    }));
    const loads: string[] = [];
    const failed: string[] = [];
    let releaseFirst: () => void = () => undefined;
    const firstHeld = new Promise<void>((resolve) => (releaseFirst = resolve));
    page.on('requestfailed', (request: Request) => request.url().includes('/api/replay/load') && failed.push(request.url()));
    await page.route((url) => url.pathname === '/api/replay/day', (route) => route.fulfill({ json: { date, steps } }));
    await page.route((url) => url.pathname === '/api/replay/load', async (route) => {
      const at = new URL(route.request().url()).searchParams.get('at')!;
      loads.push(at);
      if (loads.length === 1) await firstHeld;
      const task = { taskId: `5b0c1f4e-0000-4e8b-9c2f-00000000000${loads.length}`, status: 'waiting', urgency: 'D', taskCode: '745', area: 'muu', municipality: 'x', receivedAt: at, waitingSeconds: 1260, flags: ['second-contact'], priority: 1 };
      await route.fulfill({ json: { at, load: {}, queue: { tasks: [task] } } }).catch(() => undefined); // aborted by the page: nothing to answer
    });
    await signIn(page);
    await page.fill('input[name=replay-date]', date);
    await page.getByRole('button', { name: 'Show', exact: true }).click();
    const slider = page.locator('input[name=replay-time]');
    await slider.waitFor();
    expect(await slider.inputValue()).toBe('48');

    // Ten steps with the keyboard, as fast as a hand: every press is a `change`, yet one request follows.
    await slider.focus();
    for (let i = 0; i < 10; i += 1) {
      await page.keyboard.press('ArrowRight');
      await page.waitForTimeout(40);
    }
    expect(await page.getByTestId('replay-at').textContent()).toBe('14:30');
    expect(loads).toHaveLength(0);
    await page.waitForTimeout(700);
    expect(loads).toEqual([steps[58]!.at]);

    // The first is still in flight; moving on supersedes it.
    await page.keyboard.press('ArrowRight');
    await page.getByTestId('replay-queue').waitFor();
    expect(loads).toEqual([steps[58]!.at, steps[59]!.at]);
    expect(failed).toHaveLength(1);
    releaseFirst();
    await page.waitForTimeout(300);
    const heading = await page.getByTestId('replay-queue').locator('h3').textContent();
    expect(heading).toContain('14:45');
    // Codes in words: the flag and the area outside the region.
    const row = await page.getByTestId('replay-queue').locator('tbody').textContent();
    expect(row).toContain('Second contact');
    expect(row).toContain('Other area');
    expect(row).not.toContain('second-contact');
    await page.context().close();
  }, 60_000);

  it('looks right in Finnish and Swedish at the centre’s two screen sizes', async () => {
    for (const [language, width, height] of [
      ['FI', 1920, 1080],
      ['SV', 1366, 768],
    ] as const) {
      const page = await (await browser.newContext({ viewport: { width, height } })).newPage();
      await signIn(page, language);
      await page.locator('tr[data-month="2025-06"]').waitFor();
      await page.getByTestId('chart-decision-mix').locator('canvas').waitFor();
      const held = await page.getByTestId('data-held').textContent();
      expect(held).toMatch(language === 'FI' ? /^Aineisto: tehtävät vastaanotettu 15\.1\.2025/ : /^Data: uppdrag mottagna 15\.1\.2025/);
      expect(await page.locator('html').getAttribute('lang')).toBe(language.toLowerCase());
      await page.screenshot({ path: join(SHOTS, `analyst-${language.toLowerCase()}-${width}.png`), fullPage: true });
      await page.context().close();
    }
  }, 60_000);
});
