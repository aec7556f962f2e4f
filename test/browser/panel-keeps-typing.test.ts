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

  it('shows what was typed and not saved when the ERC raises the urgency or cancels, and keeps it copyable', async () => {
    const taskId = await desk.api.intake();
    const { context, page } = await desk.signIn('nurse-anna');
    const panel = await claimAndReach(page, taskId);
    await panel.locator('textarea[name=symptoms]').fill('Yrsel sedan i morse, UNSAVED');
    await desk.api.post(desk.api.tokens.erc, `/api/d-tasks/${taskId}/erc-update`, { kind: 'urgency-changed', urgency: 'B' }).expect(200);
    await panel.getByTestId('erc-escalated').waitFor();
    const kept = panel.getByTestId('unsaved-draft');
    await kept.waitFor();
    expect(await kept.textContent()).toContain('Yrsel sedan i morse, UNSAVED');
    expect(await kept.textContent()).toMatch(/not saved|not in the/i);
    // Copyable: the text is selectable as it stands, not only painted.
    expect(await kept.locator('pre').evaluate((element) => (globalThis as unknown as { getComputedStyle(e: unknown): { userSelect: string } }).getComputedStyle(element).userSelect)).not.toBe('none');
    await shotsInFinnishAndSwedish(page, 'panel-unsaved-closed', kept);

    // The ERC cancels a task under her: the same.
    const cancelled = await desk.api.intake();
    const other = await claimAndReach(page, cancelled);
    await other.locator('textarea[name=notes]').fill('Huvudvärk UNSAVED 2');
    await desk.api.post(desk.api.tokens.erc, `/api/d-tasks/${cancelled}/cancel`, { reason: 'Potilas lähti itse päivystykseen' }).expect(200);
    await other.getByTestId('unsaved-draft').filter({ hasText: 'Huvudvärk UNSAVED 2' }).waitFor();
    await context.close();
  }, 90_000);

  it('keeps unsaved findings through a repeat call, and words the card for a task she holds, then decided', async () => {
    const taskId = await desk.api.intake({ municipality: 'Oulu' });
    const { context, page } = await desk.signIn('nurse-anna');
    const panel = await claimAndReach(page, taskId);
    await panel.locator('textarea[name=symptoms]').fill('A-DRAFT');
    await desk.api.post(desk.api.tokens.erc, `/api/d-tasks/${taskId}/erc-update`, { kind: 'repeat-call', notes: 'Omainen soitti uudelleen' }).expect(200);
    const card = panel.getByTestId('repeat-call-notice');
    await card.waitFor();
    await panel.getByTestId('recontact-needed').waitFor();
    // The form waits for the call; what she typed is said meanwhile, and comes back with it.
    expect(await panel.getByTestId('unsaved-draft').textContent()).toContain('A-DRAFT');
    // She holds the task: it is not "at the top of the queue" for her.
    expect(await card.textContent()).not.toContain('top of the queue');
    expect(await card.textContent()).toMatch(/call the patient back/i);
    await panel.locator('button[data-outcome="reached"]').click();
    expect(await panel.locator('textarea[name=symptoms]').inputValue()).toBe('A-DRAFT');

    await panel.locator('input[name=identity][value=verified]').check();
    await panel.getByRole('button', { name: 'Save assessment' }).click();
    await panel.getByTestId('reassess-needed').waitFor({ state: 'detached' });
    await panel.getByRole('tab', { name: 'Send a unit' }).click();
    await panel.getByTestId('decision-panel').getByRole('button', { name: 'Confirm' }).click();
    await panel.getByTestId('decided-unit').waitFor();
    // Decided since the call: the card says so, not to call and assess again.
    await card.filter({ hasText: 'decided' }).waitFor();
    expect(await card.textContent()).not.toMatch(/top of the queue|assess again/i);
    await page.getByRole('button', { name: 'FI', exact: true }).click();
    expect(await card.textContent()).not.toContain('jonon kärkeen');
    await page.getByRole('button', { name: 'SV', exact: true }).click();
    expect(await card.textContent()).not.toContain('först i kön');
    await page.getByRole('button', { name: 'EN', exact: true }).click();
    await shotsInFinnishAndSwedish(page, 'panel-repeat-call-decided', card);
    await context.close();
  }, 120_000);
});
