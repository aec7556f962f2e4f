import { Page } from 'playwright-core';
import { adviceDecision } from '../support/dtask-api';
import { claimAndAssess, deskInBrowser, panelOf, row } from './desk-steps';
import { shotsInFinnishAndSwedish } from './language-shots';

/** Chooses the console's language and waits until the desk speaks it. */
async function speak(page: Page, language: 'fi' | 'sv') {
  await page.getByRole('button', { name: language.toUpperCase(), exact: true }).click();
  await page.locator(`html[lang=${language}]`).waitFor({ state: 'attached' });
}

/**
 * The desk in Swedish names a municipality by its Swedish name (Uleåborg, Brahestad), in Finnish by
 * its Finnish one; and the disposition's care level is where care continues, not a unit's level.
 */
describe('the nurse desk in Finnish and Swedish', () => {
  const desk = deskInBrowser();

  it('says Uleåborg and Brahestad in Swedish, Oulu and Raahe in Finnish: queue, My tasks, the header, closed tasks', async () => {
    const { api } = desk;
    const waiting = await api.intake({ municipality: 'Oulu' });
    const mine = await api.intake({ municipality: 'Raahe', address: 'Rantakatu 3' });
    await api.post(api.tokens.nurse, `/api/d-tasks/${mine}/claim`).expect(200);
    const closed = await api.assessed({ municipality: 'Oulu' });
    await api.post(api.tokens.nurse, `/api/d-tasks/${closed}/decision`, adviceDecision()).expect(200);

    const { context, page } = await desk.signIn('nurse-anna');
    const myEntry = page.getByTestId('my-tasks').locator(`[data-my-task="${mine}"]`);
    await myEntry.click();
    const address = panelOf(page, mine).getByTestId('patient-address');
    await page.getByTestId('closed-tasks').locator('summary').click();
    const closedEntry = page.getByTestId('closed-tasks').locator(`[data-closed-task="${closed}"]`);
    await closedEntry.waitFor();
    const places = () => Promise.all([row(page, waiting), myEntry, address, closedEntry].map((place) => place.textContent()));

    // The Finnish name never shows in Swedish, nor the Swedish one in Finnish.
    for (const [language, oulu, raahe, other] of [['sv', 'Uleåborg', 'Brahestad', 'Oulu'], ['fi', 'Oulu', 'Raahe', 'Uleåborg']] as const) {
      await speak(page, language);
      const [queueText, mineText, addressText, closedText] = await places();
      expect(queueText).toContain(oulu);
      expect(queueText).not.toContain(other);
      expect(mineText).toContain(raahe);
      expect(addressText).toBe(`Rantakatu 3, ${raahe}`);
      expect(closedText).toContain(oulu);
    }
    // A new task is read out by the same name.
    await speak(page, 'sv');
    const live = page.locator('.queue [aria-live=polite]');
    await api.intake({ municipality: 'Oulu' });
    await live.filter({ hasText: 'Nytt uppdrag i kön' }).waitFor();
    expect(await live.textContent()).toContain('Uleåborg');
    await shotsInFinnishAndSwedish(page, 'desk-place-names');
    await context.close();
  }, 60_000);

  it('asks where the patient’s care continues ("Jatkohoito", "Fortsatt vård"), not a level like a unit’s "Hoitotaso"', async () => {
    const taskId = await desk.api.intake();
    const { context, page } = await desk.signIn('nurse-words');
    const panel = await claimAndAssess(page, taskId);
    await panel.getByRole('tab', { name: 'Phone advice' }).click();
    // The label's own words, before the select's options.
    const label = panel.locator('label:has(select[name=careLevel])');
    const labelText = () => label.evaluate((element: { firstChild: { textContent: string } }) => element.firstChild.textContent);
    await speak(page, 'fi');
    expect(await labelText()).toBe('Jatkohoito');
    await speak(page, 'sv');
    expect(await labelText()).toBe('Fortsatt vård');
    await shotsInFinnishAndSwedish(page, 'desk-care-continues', panel.getByTestId('disposition'));
    await context.close();
  }, 60_000);

  it('offers a redirect to the services of Uleåborg in Swedish, of Oulu in Finnish, the helpline by its Swedish name', async () => {
    const taskId = await desk.api.intake({ municipality: 'Oulu' });
    const { context, page } = await desk.signIn('nurse-redirect');
    const panel = await claimAndAssess(page, taskId);
    await panel.getByRole('tab', { name: 'Redirect' }).click();
    const targets = panel.locator('label:has(select[name=target])');
    await speak(page, 'sv');
    expect(await targets.getAttribute('title')).toBe('Tjänster som betjänar Uleåborg');
    // The national helpline has an official Swedish name; Oulu's own services are named in Finnish only.
    const helpline = panel.locator('select[name=target] option[value="helpline-116117"]');
    expect([await helpline.textContent(), await panel.locator('select[name=target] option[value="oulu-home-care"]').textContent()]).toEqual(['Jourhjälpen 116117', 'Oulun kotihoito']);
    await speak(page, 'fi');
    expect(await targets.getAttribute('title')).toBe('Kuntaa Oulu palvelevat palvelut');
    expect(await helpline.textContent()).toBe('Päivystysapu 116117');
    await context.close();
  }, 60_000);
});
