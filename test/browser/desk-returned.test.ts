import { BrowserApp, signIn, startBrowserApp } from '../support/browser-app';
import { cast } from '../support/dtask-api';
import { panelOf } from './desk-steps';
import { shotsInFinnishAndSwedish } from './language-shots';

/**
 * A task a receiving service gave back: the nurse reaches the patient again and records a fresh
 * assessment before any advice or redirect, and the failed calls since the return are S1's count.
 */
describe('a task given back by the receiving service, in the panel', () => {
  let target: BrowserApp;
  let api: Awaited<ReturnType<typeof cast>>;

  beforeAll(async () => {
    target = await startBrowserApp();
    api = await cast(target.app);
  }, 120_000);
  afterAll(() => target?.close());

  /** Assessed, redirected to Oulu's home care, and declined by it: back in the queue. */
  async function returned(ageYears: number) {
    const taskId = await api.assessed({ patient: { ageYears, sex: 'female' } });
    await api.post(api.tokens.nurse, `/api/d-tasks/${taskId}/decision`, {
      kind: 'redirect', target: 'oulu-home-care', handoffNote: 'Käynti tänään.', patientInformed: true, careLevel: 'social-care', within: 'PT8H', transport: 'none',
    }).expect(200);
    await api.post(api.tokens.homeCare, `/api/d-tasks/${taskId}/handoff/decline`, { reason: 'Ei kapasiteettia tänä iltana.' }).expect(200);
    return taskId;
  }

  it('asks to reach the patient and assess again before advice or a redirect, with the calls since the return', async () => {
    const taskId = await returned(81);
    const { context, page } = await signIn(target, 'nurse-back', 'nurse');
    await page.locator(`tr[data-task-id="${taskId}"]`).getByRole('button', { name: 'Claim' }).click();
    const panel = panelOf(page, taskId);
    await panel.getByTestId('recontact-needed').waitFor();
    const view = (await api.get(api.tokens.supervisor, `/api/d-tasks/${taskId}`).expect(200)).body;
    expect(await panel.getByTestId('failed-calls').textContent()).toContain(`${view.failedAttempts}/2`);
    // Before the patient is reached again: the call buttons, no assessment form, only a unit may be sent.
    expect(await panel.locator('button[data-outcome="reached"]').count()).toBe(1);
    expect(await panel.locator('textarea[name=symptoms]').count()).toBe(0);
    expect(await panel.getByRole('tab', { name: 'Phone advice' }).isDisabled()).toBe(true);
    expect(await panel.getByRole('tab', { name: 'Redirect' }).isDisabled()).toBe(true);
    await shotsInFinnishAndSwedish(page, 'desk-returned', panel);

    // Reached again: the assessment form; saved: advice and redirects are open again.
    await panel.locator('button[data-outcome="reached"]').click();
    await panel.locator('textarea[name=symptoms]').fill('Vointi ennallaan, kotihoito ei pääse.');
    expect(await panel.getByRole('tab', { name: 'Phone advice' }).isDisabled()).toBe(true);
    await panel.getByRole('button', { name: 'Save assessment' }).click();
    await panel.getByTestId('recontact-needed').waitFor({ state: 'detached' });
    // The saved assessment comes back in the task's view: the tab opens then, not at the click.
    await panel.getByRole('tab', { name: 'Phone advice', disabled: false }).waitFor();
    expect(await panel.getByRole('tab', { name: 'Phone advice' }).isDisabled()).toBe(false);
    await context.close();
  }, 120_000);

  it('counts the failed calls since the return for S1: the second sends a unit', async () => {
    const taskId = await returned(82);
    const { context, page } = await signIn(target, 'nurse-back', 'nurse');
    await page.locator(`tr[data-task-id="${taskId}"]`).getByRole('button', { name: 'Claim' }).click();
    const panel = panelOf(page, taskId);
    await panel.getByTestId('failed-calls').filter({ hasText: '0/2' }).waitFor();
    await panel.locator('button[data-outcome="no-answer"]').click();
    await panel.getByTestId('failed-calls').filter({ hasText: '1/2' }).waitFor();
    await panel.locator('button[data-outcome="busy"]').click();
    await panel.getByTestId('auto-dispatch-notice').waitFor();
    expect(await panel.getByTestId('recontact-needed').count()).toBe(0);
    await shotsInFinnishAndSwedish(page, 'desk-returned-s1', panel);
    await context.close();
  }, 120_000);
});
