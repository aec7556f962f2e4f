import { join } from 'node:path';
import { ARTIFACTS, BrowserApp, signIn, startBrowserApp } from '../support/browser-app';
import { cast } from '../support/dtask-api';

/**
 * Issue 14, item 4 in the console: a patient the assessment found Swedish-speaking is marked so in
 * the queue (ruotsinkielinen / svenskspråkig), where the nurse picks the next task, and in her own tasks.
 */
describe('Swedish-speaking patients in the queue', () => {
  let target: BrowserApp;
  let api: Awaited<ReturnType<typeof cast>>;

  beforeAll(async () => {
    target = await startBrowserApp();
    api = await cast(target.app);
  }, 120_000);
  afterAll(() => target?.close());

  /** Assessed by nurse-anna in `language`, then handed back to the queue for another nurse. */
  async function assessedIn(language: string | undefined, callbackPhone: string) {
    const taskId = await api.intake({ municipality: 'Oulu', callbackPhone, patient: { ageYears: 80, sex: 'female' } });
    await api.post(api.tokens.nurse, `/api/d-tasks/${taskId}/claim`).expect(200);
    await api.post(api.tokens.nurse, `/api/d-tasks/${taskId}/callbacks`, { outcome: 'reached' }).expect(200);
    await api
      .post(api.tokens.nurse, `/api/d-tasks/${taskId}/assessment`, { redFlags: [], concern: false, symptoms: 'yrsel', notes: '', existingServices: [], ...(language ? { language, interpreter: false } : {}) })
      .expect(200);
    await api.post(api.tokens.nurse, `/api/d-tasks/${taskId}/release`).expect(200);
    return taskId;
  }

  it('marks the Swedish speaker in the queue and in my tasks, in words, and no one else', async () => {
    const swedish = await assessedIn('sv', '+358 40 222 0001');
    const finnish = await assessedIn('fi', '+358 40 222 0002');
    const untold = await assessedIn(undefined, '+358 40 222 0003');
    const { context, page } = await signIn(target, 'nurse-ben', 'nurse');
    const mark = (taskId: string) => page.locator(`tr[data-task-id="${taskId}"] [data-testid=language-mark]`);
    await mark(swedish).filter({ hasText: 'Swedish-speaking' }).waitFor();
    expect(await mark(finnish).count()).toBe(0);
    expect(await mark(untold).count()).toBe(0);
    for (const [language, word] of [
      ['FI', 'Ruotsinkielinen'],
      ['SV', 'Svenskspråkig'],
    ] as const) {
      await page.getByRole('button', { name: language, exact: true }).click();
      expect(await mark(swedish).textContent()).toBe(word);
      await page.screenshot({ path: join(ARTIFACTS, `swedish-speaking-queue-${language.toLowerCase()}.png`) });
    }
    await page.getByRole('button', { name: 'EN', exact: true }).click();
    // Claimed, the mark goes with the task into "my tasks".
    await page.locator(`tr[data-task-id="${swedish}"]`).getByRole('button', { name: 'Claim' }).click();
    await page.locator(`[data-my-task="${swedish}"] [data-testid=language-mark]`).filter({ hasText: 'Swedish-speaking' }).waitFor();
    await page.getByRole('button', { name: 'SV', exact: true }).click();
    await page.screenshot({ path: join(ARTIFACTS, 'swedish-speaking-my-tasks-sv.png') });
    await context.close();
  }, 90_000);
});
