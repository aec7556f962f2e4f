import { join } from 'node:path';
import { Page } from 'playwright-core';
import { DeadlineScheduler } from '../../apps/dispatch-api/src/d-tasks/deadline-scheduler';
import { ARTIFACTS, BrowserApp, signIn, startBrowserApp } from '../support/browser-app';
import { cast } from '../support/dtask-api';
import { panelOf } from './desk-steps';

/**
 * QA6's second defect: a supervisor opening an alert's task held by a nurse read only "you can read
 * it, not change it", and a waiting task's panel had no claim button, though the service lets her
 * release another's task and claim it. From the S2 tile she now takes a nurse's task over (after a
 * confirmation naming the nurse) or claims a waiting one, and works it; a nurse is never offered that.
 */
describe('the supervisor acts from an alert tile', () => {
  let target: BrowserApp;
  let api: Awaited<ReturnType<typeof cast>>;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    target = await startBrowserApp({ SCHEDULER_INTERVAL_MS: '3600000' });
    api = await cast(target.app);
    const { post, tokens } = api;
    // Past S2's alert limit (20 min) and short of its unit (30 min), with no contact.
    const late = () => api.intake({ municipality: 'Oulu', receivedAt: new Date(Date.now() - 25 * 60_000).toISOString() });
    for (const name of ['heldFi', 'heldSv']) {
      ids[name] = await late();
      await post(tokens.nurse, `/api/d-tasks/${ids[name]}/claim`).expect(200);
    }
    ids.waitingFi = await late();
    ids.waitingSv = await late();
    await target.app.app.get(DeadlineScheduler).tick();
  }, 120_000);
  afterAll(() => target?.close());

  const ownerOf = async (taskId: string) => (await api.get(api.tokens.supervisor, `/api/d-tasks/${taskId}`).expect(200)).body.owner as string | null;

  async function openFromS2Tile(page: Page, taskId: string) {
    await page.getByTestId('alert-tile-s2-alert').locator(`li[data-task-id="${taskId}"]`).getByTestId('open-task').click();
    const panel = panelOf(page, taskId);
    await panel.waitFor();
    return panel;
  }

  const words = {
    fi: { takeOver: 'Ota tehtävä itselleni', confirm: 'Ota itselleni', cancel: 'Peruuta', claim: 'Ota tehtävä', notYours: 'sitä hoitaa nurse-anna' },
    sv: { takeOver: 'Ta över uppdraget', confirm: 'Ta över', cancel: 'Avbryt', claim: 'Ta uppdraget', notYours: 'nurse-anna arbetar med det' },
  } as const;

  for (const language of ['fi', 'sv'] as const) {
    it(`takes a nurse's task over after naming her, and claims a waiting one, in ${language}`, async () => {
      const said = words[language];
      const held = language === 'fi' ? ids.heldFi! : ids.heldSv!;
      const waiting = language === 'fi' ? ids.waitingFi! : ids.waitingSv!;
      const { page, context } = await signIn(target, 'super-sari', 'supervisor', { viewport: { width: 1366, height: 900 } });
      await page.getByRole('button', { name: language.toUpperCase(), exact: true }).click();

      const panel = await openFromS2Tile(page, held);
      await panel.getByText(said.notYours).waitFor();
      await panel.getByRole('button', { name: said.takeOver, exact: true }).click();
      const confirmation = panel.getByTestId('take-over-confirmation');
      expect(await confirmation.textContent()).toContain('nurse-anna');
      await panel.screenshot({ path: join(ARTIFACTS, `supervisor-take-over-${language}.png`) });
      // Cancelled, nothing changes hands.
      await confirmation.getByRole('button', { name: said.cancel, exact: true }).click();
      await confirmation.waitFor({ state: 'detached' });
      expect(await ownerOf(held)).toBe('nurse-anna');

      await panel.getByRole('button', { name: said.takeOver, exact: true }).click();
      await confirmation.getByRole('button', { name: said.confirm, exact: true }).click();
      // The full panel: the call to the patient is hers to make now.
      await panel.locator('button[data-outcome="reached"]').waitFor();
      expect(await ownerOf(held)).toBe('super-sari');
      expect(await panel.getByRole('button', { name: said.takeOver, exact: true }).count()).toBe(0);

      const waitingPanel = await openFromS2Tile(page, waiting);
      await waitingPanel.getByRole('button', { name: said.claim, exact: true }).click();
      await waitingPanel.locator('button[data-outcome="reached"]').waitFor();
      expect(await ownerOf(waiting)).toBe('super-sari');
      await context.close();
    }, 90_000);
  }

  it('tells the nurse whose task was taken over who took it and when, and what she had typed', async () => {
    const { post, tokens } = api;
    const taskId = await api.intake();
    await post(tokens.nurse, `/api/d-tasks/${taskId}/claim`).expect(200);
    await post(tokens.nurse, `/api/d-tasks/${taskId}/callbacks`, { outcome: 'reached' }).expect(200);
    const { page, context } = await signIn(target, 'nurse-anna', 'nurse');
    await page.getByTestId('my-tasks').locator(`[data-my-task="${taskId}"]`).click();
    const panel = panelOf(page, taskId);
    await panel.locator('textarea[name=symptoms]').fill('Huimaa aamusta, UNSAVED');

    await post(tokens.supervisor, `/api/d-tasks/${taskId}/release`).expect(200);
    await post(tokens.supervisor, `/api/d-tasks/${taskId}/claim`).expect(200);
    const notice = panel.getByTestId('taken-over');
    for (const [language, said] of [
      ['fi', /super-sari otti tehtävän itselleen klo \d\d\.\d\d/],
      ['sv', /super-sari tog över uppdraget kl\. \d\d\.\d\d/],
    ] as const) {
      await page.getByRole('button', { name: language.toUpperCase(), exact: true }).click();
      await notice.filter({ hasText: said }).waitFor();
      expect(await notice.textContent()).toContain('Huimaa aamusta, UNSAVED');
    }
    await notice.screenshot({ path: join(ARTIFACTS, 'taken-over-nurse-sv.png') });
    expect(await panel.locator('textarea[name=symptoms]').count()).toBe(0);
    await context.close();
  }, 60_000);

  it("offers a nurse no take-over of another nurse's task", async () => {
    const { post, tokens } = api;
    // The same patient twice: nurse-ben opens nurse-anna's task from his own task's link.
    const patient = { ageYears: 67, sex: 'male', personId: '150359-123K' };
    const annas = await api.intake({ patient });
    await post(tokens.nurse, `/api/d-tasks/${annas}/claim`).expect(200);
    const bens = await api.intake({ patient, taskCode: '744' });
    await post(tokens.nurse2, `/api/d-tasks/${bens}/claim`).expect(200);

    const { page, context } = await signIn(target, 'nurse-ben', 'nurse');
    await page.getByTestId('my-tasks').locator(`[data-my-task="${bens}"]`).click();
    await panelOf(page, bens).locator(`[data-linked-task="${annas}"]`).click();
    const panel = panelOf(page, annas);
    await panel.getByText('This task is not claimed by you: you can read it, not change it.').waitFor();
    for (const language of ['fi', 'sv'] as const) {
      await page.getByRole('button', { name: language.toUpperCase(), exact: true }).click();
      await panel.getByText(language === 'fi' ? 'voit lukea sitä, et muuttaa' : 'du kan läsa det, inte ändra det').waitFor();
      expect(await panel.getByRole('button', { name: words[language].takeOver }).count()).toBe(0);
      expect(await panel.getByTestId('take-over').count()).toBe(0);
    }
    expect(await ownerOf(annas)).toBe('nurse-anna');
    await context.close();
  }, 60_000);
});
