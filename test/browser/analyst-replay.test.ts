import { join } from 'node:path';
import { ManualClock } from '../../apps/dispatch-api/src/clock/clock';
import { helsinkiMidnight } from '../../libs/read-models/src/helsinki-time';
import { ARTIFACTS } from '../support/browser-app';
import { adviceDecision } from '../support/dtask-api';
import { analystInBrowser, HOUR, helsinkiToday, signInAsAnalyst } from './analyst-steps';

/** Nothing is stubbed here: the tasks arrive yesterday on the service's clock, and are replayed. */
describe('analyst time travel against the real replay endpoints', () => {
  const clock = new ManualClock();
  const analyst = analystInBrowser(clock);
  let yesterday: string;
  let midnight: number;

  beforeAll(async () => {
    const [year, monthOfYear, day] = helsinkiToday();
    midnight = helsinkiMidnight(year, monthOfYear - 1, day - 1);
    yesterday = new Date(midnight + 12 * HOUR).toISOString().slice(0, 10);
    // Left waiting: two in the queue from 10:00 yesterday, a third from 13:00.
    const arriveAt = async (hours: number, overrides: Record<string, unknown>) => {
      clock.set(new Date(midnight + hours * HOUR));
      await analyst.api.intake({ receivedAt: clock.now().toISOString(), ...overrides });
    };
    await arriveAt(10, { taskCode: '762', municipality: 'Raahe' });
    await arriveAt(10, { taskCode: '793', municipality: 'Kuusamo' });
    await arriveAt(13, { taskCode: '745', municipality: 'Oulu' });
    // One advised at 11:00 after a first call that went unanswered: S1 after one attempt would have sent it a unit.
    await arriveAt(11, { taskCode: '704', municipality: 'Kempele' });
    const advised = (await analyst.api.get(analyst.api.tokens.supervisor, '/api/d-tasks?status=waiting').expect(200)).body.tasks.find((task: { taskCode: string }) => task.taskCode === '704').taskId;
    const step = async (minutes: number, path: string, body?: unknown) => {
      clock.set(new Date(midnight + 11 * HOUR + minutes * 60_000));
      await analyst.api.post(analyst.api.tokens.nurse, `/api/d-tasks/${advised}/${path}`, body).expect(200);
    };
    await step(1, 'claim');
    await step(2, 'callbacks', { outcome: 'no-answer' });
    await step(3, 'callbacks', { outcome: 'reached' });
    await step(5, 'assessment', { redFlags: [], concern: false, symptoms: 'dizzy', existingServices: [], notes: '' });
    await step(7, 'decision', adviceDecision());
    clock.set(new Date());
  }, 120_000);

  it('the slider shows the queue length of /api/replay/day, and its release the queue of /api/replay/load', async () => {
    const day = (await analyst.api.get(analyst.api.tokens.analyst, `/api/replay/day?date=${yesterday}&stepMinutes=15`).expect(200)).body as { steps: { at: string; queueLength: number }[] };
    const indexAt = (hours: number) => day.steps.findIndex((step) => Date.parse(step.at) === midnight + hours * HOUR);
    const noon = indexAt(12);
    const afternoon = indexAt(14);
    expect(noon).toBeGreaterThanOrEqual(0);
    expect(afternoon).toBeGreaterThan(noon);
    expect(day.steps[noon]!.queueLength).toBe(2);
    expect(day.steps[afternoon]!.queueLength).toBe(3);

    const page = await (await analyst.browser.newContext()).newPage();
    await signInAsAnalyst(page, analyst.baseUrl);
    await page.fill('input[name=replay-date]', yesterday);
    await page.getByRole('button', { name: 'Show' }).click();
    const slider = page.locator('input[name=replay-time]');
    await slider.waitFor({ timeout: 30_000 });

    await slider.fill(String(afternoon));
    expect(await page.getByTestId('replay-queue-length').textContent()).toBe('3');
    await slider.fill(String(noon));
    expect(await page.getByTestId('replay-queue-length').textContent()).toBe('2');
    const queue = page.getByTestId('replay-queue');
    await queue.locator('tr[data-task-id]').nth(1).waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('replay-queue-count').textContent()).toBe('2');
    const text = await queue.locator('tbody').textContent();
    expect(text).toContain('762');
    expect(text).toContain('793');
    expect(text).not.toContain('745');
    await page.context().close();
  }, 90_000);

  it('replays the period under a stricter S1 beside what happened', async () => {
    const page = await (await analyst.browser.newContext()).newPage();
    await signInAsAnalyst(page, analyst.baseUrl);
    await page.fill('input[name=s1FailedAttempts]', '1');
    await page.getByRole('button', { name: 'Replay under these limits' }).click();
    const table = page.getByTestId('what-if-table');
    await table.waitFor({ timeout: 30_000 });
    const cell = (row: string, side: string) => table.locator(`tr[data-row=${row}] td[data-side=${side}]`).textContent();
    expect([await cell('s1UnreachableDispatches', 'actual'), await cell('s1UnreachableDispatches', 'what-if')]).toEqual(['0', '1']);
    expect([await cell('resolvedWithoutUnit', 'actual'), await cell('resolvedWithoutUnit', 'what-if')]).toEqual(['1', '0']);
    expect(await page.getByTestId('tasks-changed').textContent()).toBe('1');
    await page.screenshot({ path: join(ARTIFACTS, 'analyst-what-if.png'), fullPage: true });
    await page.context().close();
  }, 90_000);
});
