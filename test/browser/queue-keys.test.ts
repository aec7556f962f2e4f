import { claimAndReach, deskInBrowser, panelOf, Page$, row } from './desk-steps';
import { shotsInFinnishAndSwedish } from './language-shots';

/** QA 6 (8, 10, 12): the queue's cursor, the keys from a field, and a recall time, as a nurse uses them. */
describe('the nurse desk by keyboard', () => {
  const desk = deskInBrowser();
  const claimed = async () => (await desk.api.get(desk.api.tokens.supervisor, '/api/d-tasks?status=claimed').expect(200)).body.tasks as { taskId: string; owner?: string }[];

  it('never lets an Enter meant for one patient claim another after another nurse took the first', async () => {
    const first = await desk.api.intake({ patient: { ageYears: 89 } });
    const second = await desk.api.intake({ patient: { ageYears: 90 } });
    const { context, page } = await desk.signIn('nurse-bea');
    await row(page, second).waitFor();
    const onCursor = (await page.locator('tr[aria-selected=true]').getAttribute('data-task-id'))!;
    const other = onCursor === first ? second : first;

    await desk.api.post(desk.api.tokens.nurse, `/api/d-tasks/${onCursor}/claim`).expect(200);
    await row(page, onCursor).waitFor({ state: 'detached' });
    const notice = page.getByTestId('cursor-moved');
    expect(await notice.textContent()).toContain('Another nurse took the task you were on');

    await page.locator('table[data-queue]').focus();
    await page.keyboard.press('Enter');
    await page.waitForTimeout(400);
    expect((await claimed()).map((task) => task.taskId)).not.toContain(other);
    expect(await notice.isVisible()).toBe(true);
    await shotsInFinnishAndSwedish(page, 'queue-cursor-moved', notice);

    await page.locator('table[data-queue]').focus();
    await page.keyboard.press('Enter');
    await panelOf(page, other).waitFor();
    expect((await claimed()).find((task) => task.taskId === other)?.owner).toBe('nurse-bea');
    await context.close();
  }, 60_000);

  it('Escape leaves a field, and the keys then work; a box ticked by Space does not stop them', async () => {
    const taskId = await desk.api.intake();
    const { context, page } = await desk.signIn('nurse-keys');
    await row(page, taskId).waitFor();
    const panel = await claimAndReach(page, taskId);
    const focusedName = () =>
      page.evaluate(() => {
        const focused = (globalThis as unknown as Page$).document.activeElement as { name?: string; getAttribute(name: string): string | null };
        return focused.name || focused.getAttribute('role') || '';
      });

    await page.keyboard.press('a');
    expect(await focusedName()).toBe('language');
    await panel.locator('textarea[name=symptoms]').fill('Huimaa seistessä');
    await page.keyboard.press('Escape');
    await page.keyboard.press('d');
    expect(await focusedName()).toBe('tab');
    expect(await panel.locator('textarea[name=symptoms]').inputValue()).toBe('Huimaa seistessä');

    await panel.locator('input[name="chest-pain"]').focus();
    await page.keyboard.press(' ');
    expect(await panel.locator('input[name="chest-pain"]').isChecked()).toBe(true);
    await page.keyboard.press('e');
    expect(await focusedName()).toBe('escalateTo');
    await context.close();
  }, 60_000);

  it('says beside the recall form what is wrong with the time typed', async () => {
    const taskId = await desk.api.intake();
    const { context, page } = await desk.signIn('nurse-recall');
    await row(page, taskId).waitFor();
    const panel = await claimAndReach(page, taskId);
    const form = panel.getByTestId('recall-schedule');
    await form.locator('input[name=recallTime]').fill('25.00');
    await form.getByTestId('schedule-recall').click();
    expect(await form.getByTestId('recall-time-error').textContent()).toContain('hh.mm');
    const history = (await desk.api.get(desk.api.tokens.supervisor, `/api/d-tasks/${taskId}`).expect(200)).body.history as { type: string }[];
    expect(history.map((event) => event.type)).not.toContain('RecallScheduled');
    await context.close();
  }, 60_000);
});
