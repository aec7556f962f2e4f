import { BrowserApp, signIn, startBrowserApp } from '../support/browser-app';
import { cast } from '../support/dtask-api';
import { shotsInFinnishAndSwedish } from './language-shots';

/** The QA walk-through's partner defects: the patient's language missing from the package, Finnish place names in Swedish, a helpline's call said as a visit. */
describe("the receiving service's referral package", () => {
  let target: BrowserApp;
  let api: Awaited<ReturnType<typeof cast>>;

  beforeAll(async () => {
    target = await startBrowserApp();
    api = await cast(target.app);
  }, 180_000);
  afterAll(() => target?.close());

  /** Claimed, reached and assessed by nurse-anna in the patient's language, then redirected to `service`. */
  async function referred(service: string, assessment: Record<string, unknown>) {
    const { post, tokens } = api;
    const taskId = await api.intake({ municipality: 'Oulu', patient: { ageYears: 48, sex: 'female' } });
    await post(tokens.nurse, `/api/d-tasks/${taskId}/claim`).expect(200);
    await post(tokens.nurse, `/api/d-tasks/${taskId}/callbacks`, { outcome: 'reached' }).expect(200);
    await post(tokens.nurse, `/api/d-tasks/${taskId}/assessment`, { redFlags: [], concern: false, symptoms: 'Föll hemma, ont i höften.', existingServices: [], notes: '', ...assessment }).expect(200);
    await post(tokens.nurse, `/api/d-tasks/${taskId}/decision`, { kind: 'redirect', target: service, handoffNote: 'Ruotsinkielinen potilas.', patientInformed: true }).expect(200);
    return taskId;
  }

  it('tells the patient’s language and interpreter need in words, and the municipality as the language names it', async () => {
    const taskId = await referred('oulu-home-care', { language: 'sv', interpreter: true });
    const { page, context } = await signIn(target, 'kotihoito-2', 'partner', { service: 'oulu-home-care' });
    await page.getByTestId('partner-list').locator(`button[data-task-id="${taskId}"]`).click();
    const detail = page.locator(`[data-testid=referral][data-task-id="${taskId}"]`);
    await detail.getByTestId('referral-language').filter({ hasText: 'Swedish, needs an interpreter' }).waitFor();
    await page.getByRole('button', { name: 'FI', exact: true }).click();
    await detail.getByTestId('referral-language').filter({ hasText: /^Ruotsi, tarvitsee tulkin/ }).waitFor();
    await detail.getByRole('heading').filter({ hasText: /^Oulu · / }).waitFor();
    await page.getByRole('button', { name: 'SV', exact: true }).click();
    await detail.getByTestId('referral-language').filter({ hasText: /^Svenska, behöver tolk/ }).waitFor();
    await detail.getByRole('heading').filter({ hasText: /^Uleåborg · Kvinna, 48 år$/ }).waitFor();
    await shotsInFinnishAndSwedish(page, 'partner-package-language');
    await context.close();
  }, 60_000);

  it('has a helpline report its call, not a visit', async () => {
    const taskId = await referred('helpline-116117', {});
    const helpline = await target.app.tokenFor('partner', 'hl-1', 'helpline-116117');
    await api.post(helpline, `/api/d-tasks/${taskId}/handoff/accept`).expect(200);
    const { page, context } = await signIn(target, 'hl-1', 'partner', { service: 'helpline-116117' });
    await page.getByRole('button', { name: 'FI', exact: true }).click();
    await page.getByText('Hyväksytyt: raportoi soitto').waitFor();
    await page.getByTestId('partner-visits').locator(`button[data-task-id="${taskId}"]`).filter({ hasText: 'Raportoi soitto viimeistään' }).click();
    const visit = page.locator(`[data-testid=visit][data-task-id="${taskId}"]`);
    await visit.getByTestId('report-visit').filter({ hasText: 'Potilaalle soitettu' }).waitFor();
    expect(await visit.textContent()).not.toMatch(/[Kk]äynti/);
    await page.getByRole('button', { name: 'SV', exact: true }).click();
    await visit.getByTestId('report-failed').filter({ hasText: 'Samtalet misslyckades' }).waitFor();
    await shotsInFinnishAndSwedish(page, 'partner-helpline-call');
    await page.getByRole('button', { name: 'FI', exact: true }).click();
    await visit.getByTestId('report-visit').click();
    await visit.getByRole('button', { name: 'Lähetä soiton raportti' }).click();
    await page.getByTestId('partner-notice').filter({ hasText: /^✓ Soitto raportoitu: Oulu, nainen, 48 v\./ }).waitFor();
    await context.close();
  }, 60_000);
});
