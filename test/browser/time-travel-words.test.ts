import { ManualClock } from '../../apps/dispatch-api/src/clock/clock';
import { adviceDecision } from '../support/dtask-api';
import { analystInBrowser, HOUR, signInAsAnalyst } from './analyst-steps';

/** 24 November 2026, 00.00 in Helsinki (EET, UTC+2): a fixed day, whatever the hour the test runs at. */
const MIDNIGHT = Date.parse('2026-11-23T22:00:00.000Z');
const DAY = '2026-11-24';

/** QA 6, item 15: time travel's longest wait reads as the wall's, "–" when no new task waits, not "0 s". */
describe('time travel’s longest wait', () => {
  const clock = new ManualClock(new Date(MIDNIGHT + 36 * HOUR).toISOString());
  const analyst = analystInBrowser(clock);

  beforeAll(async () => {
    const { api } = analyst;
    const at = (hours: number) => clock.set(new Date(MIDNIGHT + hours * HOUR));
    // One task received at 10.00 and advised by 10.10; another received at 13.00, left waiting.
    at(10);
    const advised = await api.intake({ receivedAt: clock.now().toISOString(), taskCode: '704' });
    at(10.05);
    await api.post(api.tokens.nurse, `/api/d-tasks/${advised}/claim`).expect(200);
    await api.post(api.tokens.nurse, `/api/d-tasks/${advised}/callbacks`, { outcome: 'reached' }).expect(200);
    await api.post(api.tokens.nurse, `/api/d-tasks/${advised}/assessment`, { redFlags: [], concern: false, symptoms: 'dizzy', existingServices: [], notes: '' }).expect(200);
    at(10.15);
    await api.post(api.tokens.nurse, `/api/d-tasks/${advised}/decision`, adviceDecision()).expect(200);
    at(13);
    await api.intake({ receivedAt: clock.now().toISOString(), taskCode: '745' });
    at(36);
  }, 120_000);

  it('says "–" beside an empty queue, in English and Finnish, and the wait of a task that waits', async () => {
    const day = (await analyst.api.get(analyst.api.tokens.analyst, `/api/replay/day?date=${DAY}&stepMinutes=15`).expect(200)).body as { steps: { at: string }[] };
    const indexAt = (hours: number) => day.steps.findIndex((step) => Date.parse(step.at) === MIDNIGHT + hours * HOUR);
    const page = await (await analyst.browser.newContext()).newPage();
    await signInAsAnalyst(page, analyst.baseUrl);
    await page.fill('input[name=replay-date]', DAY);
    await page.getByRole('button', { name: 'Show' }).click();
    const slider = page.locator('input[name=replay-time]');
    await slider.waitFor({ timeout: 30_000 });
    const oldest = page.getByTestId('replay-oldest-wait');

    await slider.fill(String(indexAt(9)));
    expect(await page.getByTestId('replay-queue-length').textContent()).toBe('0');
    expect(await oldest.textContent()).toBe('–');
    // The figure says what it counts, in the wall's words.
    expect(await page.getByTestId('replay-figures').textContent()).toContain('Longest wait, new tasks');
    await slider.fill(String(indexAt(14)));
    expect(await page.getByTestId('replay-queue-length').textContent()).toBe('1');
    expect(await oldest.textContent()).not.toBe('–');
    expect(await oldest.textContent()).toMatch(/60 min|1 h/);

    await page.getByRole('button', { name: 'FI' }).click();
    await slider.fill(String(indexAt(12)));
    expect(await page.getByTestId('replay-queue-length').textContent()).toBe('0');
    expect(await oldest.textContent()).toBe('–');
    expect(await page.getByTestId('replay-figures').textContent()).toContain('Pisin odotus, uudet tehtävät');
    await page.context().close();
  }, 90_000);
});
