import { join } from 'node:path';
import { ARTIFACTS } from '../support/browser-app';
import { adviceDecision } from '../support/dtask-api';
import { deskInBrowser, panelOf, row } from './desk-steps';

/** Whom the nurse calls and what the calls did: the patient's header, S1's automatic unit, the audit of reads. */
describe('the calls at the nurse desk in a real browser', () => {
  const desk = deskInBrowser();
  const { signIn } = desk;

  /** A new task, claimed by `user` in the browser, and its first call unanswered. */
  async function oneCallUnanswered(user: string) {
    const taskId = await desk.api.intake();
    const { context, page } = await signIn(user);
    await row(page, taskId).getByRole('button', { name: 'Claim' }).click();
    const panel = panelOf(page, taskId);
    await panel.locator('button[data-outcome="no-answer"]').click();
    await panel.getByTestId('failed-calls').filter({ hasText: '1/2' }).waitFor();
    return { taskId, context, page, panel };
  }

  it('shows whom to call: number, who, where, what, since when, failed calls and earlier contacts', async () => {
    const personId = '010203-1234';
    const earlier = await desk.api.assessed({ patient: { ageYears: 67, sex: 'male', personId }, callbackPhone: '+358 40 765 4321' });
    await desk.api.post(desk.api.tokens.nurse, `/api/d-tasks/${earlier}/decision`, adviceDecision()).expect(200);
    const taskId = await desk.api.intake({
      taskCode: '781', municipality: 'Kempele', address: 'Kirkkotie 5', patient: { ageYears: 67, sex: 'male', personId },
      callbackPhone: '+358 40 765 4321', ercNotes: 'Abdominal pain since yesterday, walks.',
    });
    const { context, page } = await signIn('nurse-header');
    await row(page, taskId).getByText('Abdominal pain').waitFor();
    await row(page, taskId).getByRole('button', { name: 'Claim' }).click();
    const panel = panelOf(page, taskId);
    await panel.locator('button[data-outcome="no-answer"]').click();
    const header = panel.getByTestId('patient-header');
    await header.getByTestId('failed-calls').filter({ hasText: '1/2' }).waitFor();
    expect(await header.getByTestId('callback-phone').getAttribute('href')).toBe('tel:+358407654321');
    expect(await header.getByTestId('patient-who').textContent()).toContain('67 y, male');
    const text = await header.textContent();
    for (const expected of ['Kirkkotie 5', 'Kempele', '781', 'Abdominal pain', 'Abdominal pain since yesterday, walks.', 'Second contact']) expect(text).toContain(expected);
    await header.getByTestId('earlier-contacts').filter({ hasText: 'phone advice' }).waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'nurse-patient-header.png'), fullPage: true });
    await context.close();
  }, 60_000);

  it('says when S1 sent a unit automatically, why and at what time, and keeps it in the panel', async () => {
    const { context, page, panel } = await oneCallUnanswered('nurse-s1');
    await panel.locator('button[data-outcome="busy"]').click();
    const notice = panel.getByTestId('auto-dispatch-notice');
    await notice.waitFor();
    expect(await notice.textContent()).toMatch(/Unit sent automatically \(S1: patient not reached\) at \d{2}:\d{2}/);
    await panel.getByText('The unit is on its way').waitFor();
    await page.waitForTimeout(500);
    expect(await notice.isVisible()).toBe(true);
    await page.screenshot({ path: join(ARTIFACTS, 'nurse-s1-notice.png'), fullPage: true });
    await context.close();
  }, 60_000);

  it('logs one read per opening of a task, not one per live event', async () => {
    const { taskId, context, page, panel } = await oneCallUnanswered('nurse-audit');
    // Other tasks change while the panel is open.
    for (let i = 0; i < 5; i += 1) await desk.api.intake();
    await page.waitForTimeout(800);
    const auditReads = async () => {
      const { EVENT_STORE } = await import('../../apps/dispatch-api/src/event-store/event-store.module');
      const store = desk.target.app.app.get(EVENT_STORE) as { readStream(id: string): Promise<{ type: string }[]> };
      return (await store.readStream(`audit-dtask-${taskId}`)).filter((event) => event.type === 'PersonalDataAccessed').length;
    };
    expect(await auditReads()).toBe(1);
    // Closing and opening the panel again is another read.
    await panel.getByRole('button', { name: 'Close the panel' }).click();
    await page.getByTestId('my-tasks').locator(`[data-my-task="${taskId}"]`).click();
    await panelOf(page, taskId).getByTestId('patient-header').waitFor();
    expect(await auditReads()).toBe(2);
    await context.close();
  }, 60_000);
});
