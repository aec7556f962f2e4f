import { claimAndReach, deskInBrowser } from './desk-steps';
import { shotsInFinnishAndSwedish } from './language-shots';

/**
 * QA round 6, items 3, 7 and 13: phone advice was confirmed on an empty assessment with the identity
 * never checked (S9); text typed and not saved vanished when the ERC changed the task; and the
 * repeat-call card kept saying "at the top of the queue" on a task the nurse held and then decided.
 */
describe("the nurse's panel keeps what she typed, and asks for S9's identity check", () => {
  const desk = deskInBrowser();

  it('asks for a verified identity and the symptoms before advice or a redirect, never before a unit', async () => {
    const taskId = await desk.api.intake({ municipality: 'Oulu' });
    const { context, page } = await desk.signIn('nurse-anna');
    const panel = await claimAndReach(page, taskId);
    await panel.locator('input[name=spokeWithPatient][value=yes]').check();
    await panel.getByRole('button', { name: 'Save assessment' }).click();
    await panel.locator('[data-event-type=AssessmentRecorded]').waitFor({ state: 'attached' });

    const decision = panel.getByTestId('decision-panel');
    await decision.getByRole('tab', { name: 'Phone advice' }).click();
    const needs = decision.getByTestId('no-unit-needs');
    expect(await needs.textContent()).toMatch(/identity.*verified.*symptoms/is);
    expect(await decision.getByRole('button', { name: 'Confirm' }).isDisabled()).toBe(true);
    await decision.getByRole('tab', { name: 'Redirect' }).click();
    expect(await decision.getByRole('button', { name: 'Confirm' }).isDisabled()).toBe(true);
    await shotsInFinnishAndSwedish(page, 'panel-no-unit-needs', decision);
    await page.getByRole('button', { name: 'FI', exact: true }).click();
    expect(await needs.textContent()).toMatch(/henkilöllisyys.*varmist.*oireet/is);
    await page.getByRole('button', { name: 'SV', exact: true }).click();
    expect(await needs.textContent()).toMatch(/identitet.*bekräft.*symtom/is);
    await page.getByRole('button', { name: 'EN', exact: true }).click();

    // A unit needs neither.
    await decision.getByRole('tab', { name: 'Send a unit' }).click();
    expect(await decision.getByTestId('no-unit-needs').count()).toBe(0);
    expect(await decision.getByRole('button', { name: 'Confirm' }).isDisabled()).toBe(false);

    // The identity alone is not enough; with the symptoms saved as well, advice may be confirmed.
    await panel.locator('input[name=identity][value=verified]').check();
    await panel.getByRole('button', { name: 'Save assessment' }).click();
    await decision.getByRole('tab', { name: 'Phone advice' }).click();
    await needs.filter({ hasText: 'symptoms' }).waitFor();
    expect(await needs.textContent()).not.toMatch(/identity/i);
    await panel.locator('textarea[name=symptoms]').fill('Huimaa aamusta, ei rintakipua');
    await panel.getByRole('button', { name: 'Save assessment' }).click();
    await needs.waitFor({ state: 'detached' });
    expect(await decision.getByRole('button', { name: 'Confirm' }).isDisabled()).toBe(false);
    await context.close();
  }, 120_000);
});
