import { join } from 'node:path';
import { ARTIFACTS, BrowserApp, signIn, startBrowserApp } from '../support/browser-app';
import { cast } from '../support/dtask-api';

/**
 * A nurse records "no answer"; the service writes it, but the answer is lost on the way back. She
 * presses again, as anyone would. That is still one failed call: S1 must not send a unit for it.
 */
describe('a lost acknowledgement in a real browser', () => {
  let target: BrowserApp;
  beforeAll(async () => {
    target = await startBrowserApp();
  }, 120_000);
  afterAll(() => target?.close());

  it('records one failed call when the nurse presses "no answer" again after its answer was lost', async () => {
    const api = await cast(target.app);
    const taskId = await api.intake();
    const { context, page } = await signIn(target, 'nurse-lost', 'nurse');
    await page.locator(`tr[data-task-id="${taskId}"]`).getByRole('button', { name: 'Claim' }).click();
    const panel = page.locator(`[data-testid=task-panel][data-task-id="${taskId}"]`);
    await panel.locator('button[data-outcome="no-answer"]').waitFor();

    // The first press reaches the service, and its answer is dropped before the browser sees it.
    let dropped = 0;
    await page.route('**/callbacks', async (route) => {
      if (dropped > 0) return route.continue();
      dropped += 1;
      await route.fetch();
      await route.abort('connectionreset');
    });
    await panel.locator('button[data-outcome="no-answer"]').click();
    await panel.getByRole('alert').filter({ hasText: 'Press again' }).waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'nurse-lost-acknowledgement.png'), fullPage: true });
    await panel.locator('button[data-outcome="no-answer"]').click();
    await panel.locator('[data-event-type=CallbackAttempted]').first().waitFor({ state: 'attached' });

    const history = (await api.get(api.tokens.supervisor, `/api/d-tasks/${taskId}`).expect(200)).body;
    expect(history.history.map((event: { type: string }) => event.type)).toEqual(['DTaskReceived', 'DTaskClaimed', 'CallbackAttempted']);
    expect(history.failedAttempts).toBe(1);
    expect(history.unitRequested).toBeNull();

    // A press after an answer came is a new call: the second failed call sends a unit (S1).
    await panel.locator('button[data-outcome="no-answer"]').click();
    await panel.locator('[data-event-type=UnitRequested]').waitFor({ state: 'attached' });
    await context.close();
  }, 120_000);
});
