import { join } from 'node:path';
import { ARTIFACTS, BrowserApp, signIn, startBrowserApp } from '../support/browser-app';
import { cast } from '../support/dtask-api';

describe('console in a real browser', () => {
  let target: BrowserApp;
  let api: Awaited<ReturnType<typeof cast>>;

  beforeAll(async () => {
    target = await startBrowserApp();
    api = await cast(target.app);
  }, 120_000);
  afterAll(() => target?.close());


  it('a nurse triages a task to phone advice while a supervisor watches the wall change live', async () => {
    const taskId = await api.intake({ municipality: 'Oulu', patient: { ageYears: 82 } });
    const { context: nurseContext, page: nurse } = await signIn(target, 'nurse-anna', 'nurse');
    const { context: supervisorContext, page: supervisor } = await signIn(target, 'super-sari', 'supervisor');

    const wallQueue = supervisor.getByTestId('wall-queue-length');
    await wallQueue.filter({ hasText: /^[1-9]/ }).waitFor();
    const queueBefore = Number(await wallQueue.textContent());
    const adviceBefore = Number(await supervisor.getByTestId('mix-advice').textContent());

    const row = nurse.locator(`tr[data-task-id="${taskId}"]`);
    await row.getByRole('button', { name: 'Claim' }).click();
    const panel = nurse.getByTestId('task-panel');
    await panel.locator('button[data-outcome="no-answer"]').click();
    await panel.locator('[data-event-type=CallbackAttempted]').first().waitFor({ state: 'attached' });
    await panel.locator('button[data-outcome="reached"]').click();
    await panel.locator('input[name=identity][value=verified]').check();
    await panel.locator('textarea[name=symptoms]').fill('Dizzy since the morning, no chest pain.');
    await panel.getByRole('button', { name: 'Save assessment' }).click();
    await panel.locator('[data-event-type=AssessmentRecorded]').waitFor({ state: 'attached' });
    await panel.getByRole('tab', { name: 'Phone advice' }).click();
    await panel.locator('textarea[name=advice]').fill('Rest, drink, take your usual medicines.');
    await panel.locator('textarea[name=safetyNet]').fill('Call 112 again if you faint or get chest pain.');
    // Issue 14: advice carries its care level (self-care asks for no timeframe or transport).
    await panel.locator('select[name=careLevel]').selectOption('self-care');
    await panel.locator('input[name=patientInformed]').check();
    await nurse.screenshot({ path: join(ARTIFACTS, 'nurse-desk.png'), fullPage: true });
    await panel.getByRole('button', { name: 'Confirm' }).click();

    await row.waitFor({ state: 'detached' });
    // The supervisor's wall follows without a reload.
    await supervisor.getByTestId('mix-advice').filter({ hasText: String(adviceBefore + 1) }).waitFor();
    await wallQueue.filter({ hasText: String(queueBefore - 1) }).waitFor();
    await supervisor.screenshot({ path: join(ARTIFACTS, 'supervisor-wall.png'), fullPage: true });
    await nurseContext.close();
    await supervisorContext.close();
  }, 60_000);

  it('shows a lost connection, then catches up with what happened meanwhile', async () => {
    const { context, page } = await signIn(target, 'nurse-cai', 'nurse');
    await context.setOffline(true);
    await page.getByTestId('connection').filter({ hasText: 'reconnecting' }).waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'reconnecting.png') });
    const taskId = await api.intake({ municipality: 'Kuusamo' });
    await context.setOffline(false);
    await page.getByTestId('connection').filter({ hasText: 'Live' }).waitFor({ timeout: 20_000 });
    await page.locator(`tr[data-task-id="${taskId}"]`).waitFor({ timeout: 10_000 });
    await context.close();
  }, 60_000);

  it('a red flag turns the decision panel into escalation', async () => {
    const taskId = await api.intake();
    const { context, page } = await signIn(target, 'nurse-ben', 'nurse');
    await page.locator(`tr[data-task-id="${taskId}"]`).getByRole('button', { name: 'Claim' }).click();
    const panel = page.getByTestId('task-panel');
    await panel.locator('button[data-outcome="reached"]').click();
    await panel.getByTestId('decision-panel').waitFor();
    await panel.locator('input[name="chest-pain"]').check();
    await panel.getByTestId('escalation-panel').waitFor();
    expect(await panel.getByTestId('decision-panel').count()).toBe(0);
    await page.screenshot({ path: join(ARTIFACTS, 'escalation.png'), fullPage: true });
    await context.close();
  }, 60_000);
});
