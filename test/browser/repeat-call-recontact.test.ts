import { deskInBrowser, panelOf } from './desk-steps';
import { shotsInFinnishAndSwedish } from './language-shots';

const assessment = { redFlags: [], concern: false, symptoms: 'Huimaa, ei rintakipua', existingServices: [], notes: '', identity: 'verified' };

/**
 * QA found it: after a relative called 112 again, the panel offered phone advice on the call and the
 * assessment made before. It now asks for the patient again, says why, and offers only a unit until then.
 */
describe("the nurse's panel after a repeat call to 112", () => {
  const desk = deskInBrowser();

  it('asks to call the patient again, then for a new assessment, before advice', async () => {
    const { target, api } = desk;
    const token = await target.app.tokenFor('nurse', 'nurse-rc');
    const post = (path: string, body: unknown = {}) => target.app.http.post(path).set('Authorization', `Bearer ${token}`).send(body as object);
    const taskId = await api.intake();
    await post(`/api/d-tasks/${taskId}/claim`).expect(200);
    await post(`/api/d-tasks/${taskId}/callbacks`, { outcome: 'reached' }).expect(200);
    await post(`/api/d-tasks/${taskId}/assessment`, assessment).expect(200);
    await api.post(api.tokens.erc, `/api/d-tasks/${taskId}/erc-update`, { kind: 'repeat-call', notes: 'Omainen soitti uudelleen, huolissaan' }).expect(200);

    const { context, page } = await desk.signIn('nurse-rc');
    await page.getByTestId('my-tasks').locator(`[data-my-task="${taskId}"]`).click();
    const panel = panelOf(page, taskId);
    expect(await panel.getByTestId('recontact-needed').textContent()).toContain('called 112 again');
    expect(await panel.getByRole('tab', { name: 'Phone advice' }).isDisabled()).toBe(true);
    await shotsInFinnishAndSwedish(page, 'panel-repeat-call-recontact', panel);

    await panel.locator('button[data-outcome="reached"]').click();
    await panel.getByTestId('reassess-needed').waitFor();
    expect(await panel.getByRole('tab', { name: 'Phone advice' }).isDisabled()).toBe(true);
    await context.close();
  }, 90_000);
});
