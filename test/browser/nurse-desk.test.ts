import { join } from 'node:path';
import { ARTIFACTS } from '../support/browser-app';
import { adviceDecision } from '../support/dtask-api';
import { claimAndReach, deskInBrowser, panelOf, row } from './desk-steps';

/** The nurse's desk as a nurse uses it, in a real browser against the real service and store: forms and keys. */
describe('nurse desk in a real browser', () => {
  const desk = deskInBrowser();
  const { signIn, history } = desk;

  it('opens every patient with empty forms: nothing typed for one task is sent for another', async () => {
    const [a, b, c] = [await desk.api.intake(), await desk.api.intake(), await desk.api.intake()];
    const { context, page } = await signIn('nurse-leak');

    // A: a red flag and symptoms, saved, then escalated.
    let panel = await claimAndReach(page, a);
    await panel.locator('input[name="chest-pain"]').check();
    await panel.locator('textarea[name=symptoms]').fill('Pressing chest pain since an hour.');
    await panel.getByRole('button', { name: 'Save assessment' }).click();
    await panel.locator('[data-event-type=AssessmentRecorded]').waitFor({ state: 'attached' });
    await panel.getByTestId('escalation-panel').getByRole('button', { name: 'Escalate' }).click();
    await panel.locator('[data-event-type=UrgencyEscalated]').waitFor({ state: 'attached' });

    // B opens empty, and what is saved for B is B's own.
    panel = await claimAndReach(page, b);
    expect(await panel.locator('input[name="chest-pain"]').isChecked()).toBe(false);
    expect(await panel.locator('textarea[name=symptoms]').inputValue()).toBe('');
    await panel.locator('input[name=identity][value=verified]').check();
    await panel.locator('textarea[name=symptoms]').fill('Dizzy when standing up.');
    await panel.getByRole('button', { name: 'Save assessment' }).click();
    await panel.locator('[data-event-type=AssessmentRecorded]').waitFor({ state: 'attached' });
    await panel.getByRole('tab', { name: 'Phone advice' }).click();
    await panel.locator('textarea[name=advice]').fill('Advice for B: drink, rise slowly.');
    await panel.locator('textarea[name=safetyNet]').fill('B: call 112 if you faint.');
    // Issue 14: advice carries its care level (self-care asks for no timeframe or transport).
    await panel.locator('select[name=careLevel]').selectOption('self-care');
    await panel.locator('input[name=patientInformed]').check();
    await panel.getByRole('button', { name: 'Confirm' }).click();
    await panel.locator('[data-event-type=PhoneAdviceGiven]').waitFor({ state: 'attached' });

    // C opens with an empty decision form; B's advice and the informed tick are not there.
    panel = await claimAndReach(page, c);
    await panel.getByRole('button', { name: 'Save assessment' }).click();
    await panel.getByTestId('decision-panel').waitFor();
    await panel.getByRole('tab', { name: 'Phone advice' }).click();
    expect(await panel.locator('textarea[name=advice]').inputValue()).toBe('');
    expect(await panel.locator('textarea[name=safetyNet]').inputValue()).toBe('');
    expect(await panel.locator('input[name=patientInformed]').isChecked()).toBe(false);
    // C's empty assessment cannot carry advice: the console asks for the identity check and the symptoms first (S9).
    await panel.getByTestId('no-unit-needs').filter({ hasText: 'identity was verified' }).waitFor();
    expect(await panel.getByRole('button', { name: 'Confirm' }).isDisabled()).toBe(true);
    await page.screenshot({ path: join(ARTIFACTS, 'nurse-third-patient.png'), fullPage: true });

    const assessmentOf = async (taskId: string) => (await history(taskId)).filter((event) => event.type === 'AssessmentRecorded').map((event) => event.data);
    expect(await assessmentOf(b)).toEqual([expect.objectContaining({ redFlags: [], symptoms: 'Dizzy when standing up.' })]);
    expect(await assessmentOf(c)).toEqual([expect.objectContaining({ redFlags: [], symptoms: '' })]);
    expect((await history(c)).some((event) => event.type === 'PhoneAdviceGiven')).toBe(false);
    await context.close();
  }, 90_000);

  it('keeps what was typed for each patient when the nurse switches between them, never mixing them', async () => {
    const [a, b] = [await desk.api.intake(), await desk.api.intake()];
    const { context, page } = await signIn('nurse-switch');
    let panel = await claimAndReach(page, a);
    await panel.locator('textarea[name=symptoms]').fill('A: stomach ache since noon');
    panel = await claimAndReach(page, b);
    expect(await panel.locator('textarea[name=symptoms]').inputValue()).toBe('');
    await panel.locator('textarea[name=symptoms]').fill('B: dizzy');
    await page.getByTestId('my-tasks').locator(`[data-my-task="${a}"]`).click();
    expect(await panelOf(page, a).locator('textarea[name=symptoms]').inputValue()).toBe('A: stomach ache since noon');
    await page.getByTestId('my-tasks').locator(`[data-my-task="${b}"]`).click();
    expect(await panelOf(page, b).locator('textarea[name=symptoms]').inputValue()).toBe('B: dizzy');
    await context.close();
  }, 60_000);

  it('saves what the nurse found before escalating on a red flag', async () => {
    const taskId = await desk.api.intake();
    const { context, page } = await signIn('nurse-escalate');
    const panel = await claimAndReach(page, taskId);
    await panel.locator('input[name="chest-pain"]').check();
    await panel.locator('textarea[name=symptoms]').fill('Pressure over the chest, sweating.');
    await panel.getByTestId('escalation-panel').getByRole('button', { name: 'Escalate' }).click();
    await panel.locator('[data-event-type=UrgencyEscalated]').waitFor({ state: 'attached' });
    const events = await history(taskId);
    const assessment = events.find((event) => event.type === 'AssessmentRecorded');
    expect(assessment?.data).toMatchObject({ redFlags: ['chest-pain'], symptoms: 'Pressure over the chest, sweating.' });
    expect(events.findIndex((event) => event.type === 'AssessmentRecorded')).toBeLessThan(events.findIndex((event) => event.type === 'UrgencyEscalated'));
    await context.close();
  }, 60_000);

  it('Enter claims only from the queue, once, and the task in hand can be released', async () => {
    const first = await desk.api.intake({ patient: { ageYears: 91 } });
    const second = await desk.api.intake({ patient: { ageYears: 30 } });
    const { context, page } = await signIn('nurse-enter');
    const rows = page.locator('tbody tr');
    await row(page, second).waitFor();
    const cursorTask = await page.locator('tr[aria-selected=true]').getAttribute('data-task-id');
    const other = cursorTask === first ? second : first;
    // Enter on another row's own button claims that row's task, and not the cursor's too.
    await row(page, other).getByRole('button', { name: 'Claim' }).focus();
    await page.keyboard.press('Enter');
    await panelOf(page, other).waitFor();
    await page.getByTestId('my-tasks').locator(`[data-my-task="${other}"]`).waitFor();
    const owners = async () => (await desk.api.get(desk.api.tokens.supervisor, '/api/d-tasks?status=claimed').expect(200)).body.tasks.map((task: { taskId: string }) => task.taskId);
    expect(await owners()).toContain(other);
    expect(await owners()).not.toContain(cursorTask);
    // Enter on a "my tasks" entry opens it and claims nothing.
    await page.getByTestId('my-tasks').locator(`[data-my-task="${other}"]`).focus();
    await page.keyboard.press('Enter');
    await page.waitForTimeout(300);
    expect(await owners()).not.toContain(cursorTask);
    // Enter on the queue itself claims the task under the cursor.
    await page.locator('table[data-queue]').focus();
    await page.keyboard.press('Enter');
    await panelOf(page, cursorTask!).waitFor();
    expect(await owners()).toContain(cursorTask);
    // Release from the panel returns it to the queue.
    await panelOf(page, cursorTask!).getByTestId('release').click();
    await row(page, cursorTask!).waitFor();
    expect(await owners()).not.toContain(cursorTask);
    expect(await rows.count()).toBeGreaterThan(0);
    await context.close();
  }, 60_000);

  it('lets a supervisor read a nurse\'s task without acting on it, even by a key', async () => {
    const taskId = await desk.api.intake();
    await desk.api.post(desk.api.tokens.nurse, `/api/d-tasks/${taskId}/claim`).expect(200);
    const supervisorPage = await signIn('super-look', 'supervisor');
    // The wall's table of claimed tasks opens the task in the desk's panel.
    const claimedRow = supervisorPage.page.locator(`tr[data-task-id="${taskId}"] button.wall-link`);
    await claimedRow.waitFor();
    await claimedRow.click();
    const panel = panelOf(supervisorPage.page, taskId);
    await panel.waitFor();
    await panel.getByText('not claimed by you').waitFor();
    expect(await panel.locator('button[data-outcome]').count()).toBe(0);
    await panel.focus();
    await supervisorPage.page.keyboard.press('2');
    await supervisorPage.page.waitForTimeout(300);
    expect((await history(taskId)).some((event) => event.type === 'CallbackAttempted')).toBe(false);
    await supervisorPage.context.close();
  }, 60_000);

  it('works a due follow-up call on its own card: keys 1–4 record follow-up outcomes, and two failed ones send a unit', async () => {
    const taskId = await desk.api.assessed();
    await desk.api.post(desk.api.tokens.nurse, `/api/d-tasks/${taskId}/decision`, adviceDecision(new Date(Date.now() + 1500).toISOString())).expect(200);
    const { context, page } = await signIn('nurse-follow');
    await row(page, taskId).getByText('Follow-up call due').waitFor({ timeout: 15_000 });
    await row(page, taskId).getByRole('button', { name: 'Claim' }).click();
    const panel = panelOf(page, taskId);
    const card = panel.getByTestId('follow-up-card');
    await card.waitFor();
    expect(await panel.locator('button[data-outcome]').count()).toBe(0);
    expect(await panel.getByTestId('decision-panel').count()).toBe(0);
    await card.getByText('Failed follow-up calls 0/2').waitFor();
    await panel.focus();
    await page.keyboard.press('2');
    await card.getByText('Failed follow-up calls 1/2').waitFor();
    await page.keyboard.press('3');
    await panel.getByTestId('auto-dispatch-notice').waitFor();
    const types = (await history(taskId)).map((event) => event.type);
    expect(types.filter((type) => type === 'FollowUpCompleted')).toHaveLength(2);
    expect(types.filter((type) => type === 'CallbackAttempted')).toHaveLength(1);
    expect(types).toContain('UnitRequested');
    await context.close();
  }, 60_000);
});
