import { Locator } from 'playwright-core';
import { BrowserApp, signIn, startBrowserApp } from '../support/browser-app';
import { cast } from '../support/dtask-api';
import { claimAndAssess, optionTexts, type Page$, panelOf } from './desk-steps';
import { shotsInFinnishAndSwedish } from './language-shots';

/** WCAG's relative luminance of a computed `rgb(…)` colour, and the contrast of two. */
function luminance(rgb: string): number {
  const [r, g, b] = (rgb.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map((value) => {
    const channel = Number(value) / 255;
    return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
const contrast = (a: string, b: string) => {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
};

/**
 * The QA walk-through's decision form (items 1–5): the chosen tab shows as chosen, a refusal shows
 * beside Confirm, self-care asks no time and no transport, a redirect offers only timeframes within
 * the visit limit, and a consult just recorded is the one the decision names.
 */
describe('the decision form as a nurse works it', () => {
  let target: BrowserApp;
  let api: Awaited<ReturnType<typeof cast>>;

  // A visit limit of 8 h, not the default: the redirect's timeframes come from the desk's limits.
  beforeAll(async () => {
    target = await startBrowserApp({ HANDOFF_VISIT_HOURS: '8' });
    api = await cast(target.app);
  }, 120_000);
  afterAll(() => target?.close());

  it('shows the chosen tab as chosen, in colour and weight, and a refusal next to Confirm, in view', async () => {
    const taskId = await api.intake({ municipality: 'Oulu' });
    const { context, page } = await signIn(target, 'nurse-anna', 'nurse', { viewport: { width: 1366, height: 700 } });
    const panel = await claimAndAssess(page, taskId);
    const style = (tab: Locator) => tab.evaluate((element) => {
      const computed = (globalThis as unknown as Page$).getComputedStyle(element);
      return { background: computed.backgroundColor, color: computed.color, weight: computed.fontWeight, underline: computed.borderBottomColor };
    });
    await panel.getByRole('tab', { name: 'Phone advice' }).click();
    const chosen = await style(panel.locator('[role=tab][aria-selected=true]'));
    const other = await style(panel.getByRole('tab', { name: 'Redirect' }));
    expect(chosen.weight).not.toBe(other.weight);
    expect(contrast(chosen.background, other.background)).toBeGreaterThanOrEqual(3);
    expect(contrast(chosen.color, chosen.background)).toBeGreaterThanOrEqual(4.5);
    await shotsInFinnishAndSwedish(page, 'desk-decision-tabs', panel.getByTestId('decision-panel'));

    // Confirm with the advice unwritten: the refusal is beside the button, focused and in sight.
    const confirm = panel.getByTestId('decision-panel').getByRole('button', { name: 'Confirm' });
    await confirm.click();
    const alert = panel.getByTestId('decision-panel').getByRole('alert');
    await alert.filter({ hasText: 'advice' }).waitFor();
    const [alertBox, buttonBox] = [await alert.boundingBox(), await confirm.boundingBox()];
    expect(Math.abs(alertBox!.y - buttonBox!.y)).toBeLessThan(120);
    expect(alertBox!.y).toBeGreaterThanOrEqual(0);
    expect(alertBox!.y + alertBox!.height).toBeLessThanOrEqual(700);
    expect(await alert.evaluate((element) => element === (globalThis as unknown as Page$).document.activeElement)).toBe(true);
    // Only once: not also at the top of the panel.
    expect(await panel.getByRole('alert').count()).toBe(1);
    await shotsInFinnishAndSwedish(page, 'desk-decision-refused', panel.getByTestId('decision-panel'));
    await context.close();
  }, 120_000);

  it("says the service's own refusal of a decision beside Confirm too, in view", async () => {
    const taskId = await api.intake({ municipality: 'Oulu' });
    const { context, page } = await signIn(target, 'nurse-anna', 'nurse', { viewport: { width: 1366, height: 700 } });
    const panel = await claimAndAssess(page, taskId);
    await panel.getByRole('tab', { name: 'Redirect' }).click();
    await panel.locator('select[name=target]').selectOption('oulu-home-care');
    await panel.locator('select[name=careLevel]').selectOption('social-care');
    await panel.locator('select[name=within]').selectOption('PT4H');
    await panel.locator('select[name=transport]').selectOption('none');
    await panel.locator('input[name=patientInformed]').check();
    const decision = panel.getByTestId('decision-panel');
    await decision.getByRole('button', { name: 'Confirm' }).click();
    await decision.getByRole('alert').filter({ hasText: 'Write the handoff note' }).waitFor();
    // Longer than the service takes (4,000 characters): its 400 is said where Confirm was pressed.
    await panel.locator('textarea[name=handoffNote]').fill('Kotihoidon käynti tänään. '.repeat(160));
    await decision.getByRole('button', { name: 'Confirm' }).click();
    const alert = decision.getByRole('alert').filter({ hasText: 'Check the fields: handoff note' });
    await alert.waitFor();
    const box = await alert.boundingBox();
    expect(box!.y).toBeGreaterThanOrEqual(0);
    expect(box!.y + box!.height).toBeLessThanOrEqual(700);
    expect(await panel.getByRole('alert').count()).toBe(1);
    await context.close();
  }, 90_000);

  it('asks self-care for no time and no transport, and sends none even when one was chosen before', async () => {
    const taskId = await api.intake({ municipality: 'Oulu' });
    const { context, page } = await signIn(target, 'nurse-anna', 'nurse');
    const panel = await claimAndAssess(page, taskId);
    await panel.getByRole('tab', { name: 'Phone advice' }).click();
    await panel.locator('textarea[name=advice]').fill('Lepää ja juo.');
    await panel.locator('textarea[name=safetyNet]').fill('Soita 112, jos pahenee.');
    await panel.locator('select[name=careLevel]').selectOption('primary-care');
    await panel.locator('select[name=within]').selectOption('PT2H');
    await panel.locator('select[name=transport]').selectOption('taxi');
    await panel.locator('select[name=careLevel]').selectOption('self-care');
    expect(await panel.locator('select[name=within]').count()).toBe(0);
    expect(await panel.locator('select[name=transport]').count()).toBe(0);
    await shotsInFinnishAndSwedish(page, 'desk-self-care', panel.getByTestId('decision-panel'));
    await panel.locator('input[name=patientInformed]').check();
    await panel.getByRole('button', { name: 'Confirm' }).click();
    await panel.getByTestId('decided-advice').waitFor();
    const history = (await api.get(api.tokens.supervisor, `/api/d-tasks/${taskId}`).expect(200)).body.history as { type: string; data: Record<string, unknown> }[];
    const advice = history.find((event) => event.type === 'PhoneAdviceGiven')!.data;
    expect(advice.careLevel).toBe('self-care');
    expect(advice).not.toHaveProperty('within');
    expect(advice).not.toHaveProperty('transport');
    await context.close();
  }, 90_000);

  it('offers a redirect only timeframes within the visit limit, advice all of them, and names the consult just recorded', async () => {
    const desk = (await api.get(api.tokens.nurse, '/api/desk').expect(200)).body;
    expect(desk.limits.handoffVisitHours).toBe(8);
    const earlier = await api.assessed({ municipality: 'Oulu' });
    await api.post(api.tokens.nurse, `/api/d-tasks/${earlier}/consult`, { consultant: 'on-call-doctor', question: 'Toisen tehtävän kysymys?', advice: 'Toisen tehtävän ohje.' }).expect(200);
    const taskId = await api.intake({ municipality: 'Oulu' });
    const { context, page } = await signIn(target, 'nurse-anna', 'nurse');
    const panel = await claimAndAssess(page, taskId);
    await panel.getByRole('tab', { name: 'Redirect' }).click();
    expect(await optionTexts(panel.locator('select[name=within]'))).toEqual(['Choose…', 'within 1 h', 'within 2 h', 'within 4 h', 'within 8 h']);
    await panel.getByRole('tab', { name: 'Phone advice' }).click();
    expect(await optionTexts(panel.locator('select[name=within]'))).toContain('within 7 days');
    // A timeframe chosen for advice beyond the limit is not carried into the redirect.
    await panel.locator('select[name=careLevel]').selectOption('primary-care');
    await panel.locator('select[name=within]').selectOption('P3D');
    await panel.getByRole('tab', { name: 'Redirect' }).click();
    expect(await panel.locator('select[name=within]').inputValue()).toBe('');

    await panel.getByTestId('consult-form').locator('summary').click();
    await panel.locator('select[name=consultant]').selectOption('ems-physician');
    await panel.locator('textarea[name=consultQuestion]').fill('Riittääkö kotihoito?');
    await panel.locator('textarea[name=consultAdvice]').fill('Riittää, käynti tänään.');
    await panel.getByTestId('record-consult').click();
    await panel.getByTestId('consults').filter({ hasText: 'Riittää, käynti tänään.' }).waitFor();
    const history = (await api.get(api.tokens.supervisor, `/api/d-tasks/${taskId}`).expect(200)).body.history as { type: string; data: { consultId?: string } }[];
    const recorded = history.find((event) => event.type === 'ConsultRecorded')!.data.consultId;
    await panel.locator(`select[name=consultId] option[value="${recorded}"]`).waitFor({ state: 'attached' });
    expect(await panel.locator('select[name=consultId]').inputValue()).toBe(recorded);
    // The other task's consult (an on-call doctor's) is never offered.
    expect(await optionTexts(panel.locator('select[name=consultId]'))).toEqual(['No consult', expect.stringMatching(/^EMS physician at \d{2}:\d{2}$/)]);
    await shotsInFinnishAndSwedish(page, 'desk-redirect-within-limit', panel.getByTestId('decision-panel'));
    await context.close();
  }, 120_000);
});
