import { join } from 'node:path';
import { helsinkiMidnight, helsinkiMonth } from '../../libs/read-models/src/helsinki-time';
import { ARTIFACTS } from '../support/browser-app';
import { adviceDecision } from '../support/dtask-api';
import { analystInBrowser, helsinkiToday, signInAsAnalyst } from './analyst-steps';

describe('analyst view in a real browser', () => {
  const analyst = analystInBrowser();
  let month: string;

  beforeAll(async () => {
    // All received at one instant, so they fall in one month whenever the test runs.
    const receivedAt = new Date(Date.now() - 10_000).toISOString();
    month = helsinkiMonth(Date.parse(receivedAt)).key;
    const { post, tokens } = analyst.api;
    for (let i = 0; i < 2; i += 1) {
      const advised = await analyst.api.assessed({ receivedAt });
      await post(tokens.nurse, `/api/d-tasks/${advised}/decision`, adviceDecision()).expect(200);
    }
    const unit = await analyst.api.assessed({ receivedAt });
    await post(tokens.nurse, `/api/d-tasks/${unit}/decision`, { kind: 'send-unit', unitLevel: 'basic', urgency: 'D' }).expect(200);
    const redirected = await analyst.api.assessed({ receivedAt });
    await post(tokens.nurse, `/api/d-tasks/${redirected}/decision`, { kind: 'redirect', target: 'oulu-home-care', handoffNote: 'visit today', patientInformed: true }).expect(200);
    await post(tokens.homeCare, `/api/d-tasks/${redirected}/handoff/accept`).expect(200);
    await post(tokens.homeCare, `/api/d-tasks/${redirected}/handoff/complete`, { visitedAt: new Date().toISOString() }).expect(200);
    const unreachable = await analyst.api.intake({ receivedAt });
    await post(tokens.nurse, `/api/d-tasks/${unreachable}/claim`).expect(200);
    await post(tokens.nurse, `/api/d-tasks/${unreachable}/callbacks`, { outcome: 'no-answer' }).expect(200);
    await post(tokens.nurse, `/api/d-tasks/${unreachable}/callbacks`, { outcome: 'no-answer' }).expect(200);
    const escalated = await analyst.api.assessed({ receivedAt }, ['chest-pain']);
    await post(tokens.nurse, `/api/d-tasks/${escalated}/escalation`, { urgency: 'B', reason: 'chest pain at rest' }).expect(200);
  }, 120_000);

  it('lands an analyst on the four charts with the month’s figures, in three languages', async () => {
    const context = await analyst.browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    await signInAsAnalyst(page, analyst.baseUrl);

    // Six tasks: two advised, one unit, one redirect accepted and visited, one S1 automatic unit, one escalated.
    const row = page.locator(`tr[data-month="${month}"]`);
    const cell = (column: string) => row.locator(`td[data-column="${column}"]`);
    await row.waitFor();
    const expected = { tasks: 6, unitRequested: 3, phoneAdvice: 2, redirect: 1, escalated: 1, autoDispatch: 1, resolvedWithoutUnit: 3, cumulativeResolvedWithoutUnit: 3 };
    for (const [column, value] of Object.entries(expected)) expect([column, await cell(column).textContent()]).toEqual([column, String(value)]);
    // Five contacts (not the unreachable one), all within seconds.
    expect(await page.getByTestId('contact-count').textContent()).toBe('5');
    expect(await page.getByTestId('contact-median').textContent()).toMatch(/^\d+ s$/);

    const legends: Record<string, string[]> = {
      'chart-decision-mix': ['Unit requested', 'Phone advice', 'Redirect', 'Of the units: escalated', 'Of the units: sent automatically'],
      'chart-load-reduction': ['Resolved without a unit, cumulative', 'Reference 1,500 / year'],
      'chart-time-to-contact': ['Contacts', 'Median', '90th percentile'],
      'chart-second-contacts': ['Within 24 h', 'Within 72 h'],
    };
    for (const [testId, labels] of Object.entries(legends)) {
      const chart = page.getByTestId(testId);
      await chart.locator('canvas').waitFor();
      const legend = await chart.locator('.u-legend').textContent();
      for (const label of labels) expect(legend).toContain(label);
    }
    await page.screenshot({ path: join(ARTIFACTS, 'analyst-view.png'), fullPage: true });

    await page.getByRole('button', { name: 'FI', exact: true }).click();
    await page.getByTestId('chart-decision-mix').locator('.u-legend').filter({ hasText: 'Puhelinneuvonta' }).waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'analyst-view-fi.png'), fullPage: true });
    await page.getByRole('button', { name: 'SV', exact: true }).click();
    await page.getByTestId('chart-decision-mix').locator('.u-legend').filter({ hasText: 'Telefonrådgivning' }).waitFor();
    await page.getByTestId('monthly-table').getByRole('columnheader', { name: 'Månad' }).waitFor();
    await context.close();
  }, 60_000);

  it('downloads the measures CSV and the events NDJSON of the chosen period with the bearer token', async () => {
    const context = await analyst.browser.newContext();
    const page = await context.newPage();
    await signInAsAnalyst(page, analyst.baseUrl);
    const [year, monthOfYear, day] = helsinkiToday();

    for (const [button, path] of [
      ['Download measures (CSV)', '/api/export/measures.csv'],
      ['Download events (NDJSON)', '/api/export/events.ndjson'],
    ] as const) {
      const [request] = await Promise.all([page.waitForRequest((r) => r.url().includes(path)), page.getByRole('button', { name: button }).click()]);
      const url = new URL(request.url());
      expect(url.pathname).toBe(path);
      // The default period: the last 12 months, from the first of the month eleven months back to the end of today.
      expect(Date.parse(url.searchParams.get('from')!)).toBe(helsinkiMidnight(year, monthOfYear - 12, 1));
      expect(Date.parse(url.searchParams.get('to')!)).toBe(helsinkiMidnight(year, monthOfYear - 1, day + 1));
      expect((await request.allHeaders()).authorization).toMatch(/^Bearer [\w-]+\.[\w-]+\.[\w-]+$/);
    }
    await context.close();
  }, 60_000);

  it('time travel says so when the server has no replay routes (404 stubbed in the browser)', async () => {
    const context = await analyst.browser.newContext();
    const page = await context.newPage();
    await page.route((url) => url.pathname.startsWith('/api/replay/'), (route) => route.fulfill({ status: 404, contentType: 'application/json', body: JSON.stringify({ statusCode: 404, message: 'Not Found' }) }));
    await signInAsAnalyst(page, analyst.baseUrl);
    await page.getByRole('button', { name: 'Show' }).click();
    await page.getByRole('region', { name: 'Time travel: a past day' }).getByRole('alert').filter({ hasText: 'Not available on this server yet.' }).waitFor();
    await context.close();
  }, 60_000);

  it('time travel follows the slider and shows the queue on release (replay answers stubbed in the browser, in the agreed shape)', async () => {
    const context = await analyst.browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    const date = '2025-03-12';
    const start = helsinkiMidnight(2025, 2, 12);
    const steps = Array.from({ length: 96 }, (_, i) => ({
      at: new Date(start + i * 15 * 60_000).toISOString(),
      queueLength: i % 7,
      oldestWaitSeconds: (i % 7) * 300,
      claimed: i % 3,
      awaitingHandoff: i % 2,
      nursesActive: 4,
      decisions: i % 5,
    }));
    let releaseLoad: () => void = () => undefined;
    const loadAnswered = new Promise<void>((resolve) => (releaseLoad = resolve));
    const loadRequests: string[] = [];
    await page.route((url) => url.pathname === '/api/replay/day', (route) => route.fulfill({ json: { date, steps } }));
    await page.route((url) => url.pathname === '/api/replay/load', async (route) => {
      loadRequests.push(route.request().url());
      await loadAnswered;
      const at = new URL(route.request().url()).searchParams.get('at');
      const task = (taskId: string, taskCode: string, area: string, flags: string[]) => ({
        taskId, status: 'waiting', urgency: 'D', taskCode, area, municipality: area, receivedAt: at, waitingSeconds: 1260, flags, priority: 1,
      });
      await route.fulfill({
        json: { at, load: {}, queue: { tasks: [task('5b0c1f4e-0000-4e8b-9c2f-000000000001', '762', 'Raahe', ['s2-alert']), task('5b0c1f4e-0000-4e8b-9c2f-000000000002', '793', 'Koillismaa', [])] } },
      });
    });
    await signInAsAnalyst(page, analyst.baseUrl);
    await page.fill('input[name=replay-date]', date);
    await page.getByRole('button', { name: 'Show' }).click();
    const slider = page.locator('input[name=replay-time]');
    await slider.waitFor();
    await page.getByTestId('chart-replay-day').locator('canvas').waitFor();

    await slider.fill('41'); // 10:15 in Helsinki
    expect(await page.getByTestId('replay-at').textContent()).toBe('10:15');
    expect(await page.getByTestId('replay-queue-length').textContent()).toBe(String(41 % 7));
    expect(await page.getByTestId('replay-decisions').textContent()).toBe(String(41 % 5));
    await page.getByText('Replaying the events… this can take a few seconds.').waitFor();
    expect(loadRequests).toHaveLength(1);
    expect(Date.parse(new URL(loadRequests[0]!).searchParams.get('at')!)).toBe(Date.parse(steps[41]!.at));
    releaseLoad();
    const queue = page.getByTestId('replay-queue');
    await queue.locator('tr[data-task-id]').nth(1).waitFor();
    expect(await queue.locator('tbody').textContent()).toContain('762');
    expect(await page.getByTestId('replay-queue-count').textContent()).toBe('2');
    await page.screenshot({ path: join(ARTIFACTS, 'analyst-time-travel.png'), fullPage: true });
    await context.close();
  }, 60_000);
});
