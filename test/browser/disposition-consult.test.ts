import { BrowserApp, signIn, startBrowserApp } from '../support/browser-app';
import { cast } from '../support/dtask-api';
import { claimAndAssess, optionTexts, panelOf } from './desk-steps';
import { shotsInFinnishAndSwedish } from './language-shots';

/**
 * Issue 14, items 2 and 3 in the console: the decision form asks advice and redirects for the care
 * level, the timeframe and the way there, offers only the services serving the patient's
 * municipality, and records a consult the decision then names; nothing typed for one task shows on another.
 */
describe('dispositions and consults in the decision form', () => {
  let target: BrowserApp;
  let api: Awaited<ReturnType<typeof cast>>;

  beforeAll(async () => {
    target = await startBrowserApp();
    api = await cast(target.app);
  }, 120_000);
  afterAll(() => target?.close());

  it('records a consult, asks for the disposition, and sends advice naming both', async () => {
    const raahe = await api.intake({ municipality: 'Raahe', address: 'Rantakatu 12', callbackPhone: '+358 40 111 0001', patient: { ageYears: 72, sex: 'male' } });
    const oulu = await api.intake({ municipality: 'Oulu', callbackPhone: '+358 40 111 0002', patient: { ageYears: 64, sex: 'female' } });
    const { context, page } = await signIn(target, 'nurse-anna', 'nurse');
    const panel = await claimAndAssess(page, raahe);

    // Redirect: only the services that serve Raahe, as the directory names them.
    await panel.getByRole('tab', { name: 'Redirect' }).click();
    const offered = (await optionTexts(panel.locator('select[name=target]'))).slice(1);
    const serving = (await api.get(api.tokens.nurse, '/api/services?municipality=Raahe').expect(200)).body.services.map((service: { name: string }) => service.name);
    expect(offered).toEqual(serving);
    expect(offered).not.toContain('Oulun kotihoito');

    // A consult half written here stays with this task.
    await panel.getByTestId('consult-form').locator('summary').click();
    await panel.locator('select[name=consultant]').selectOption('ems-physician');
    await panel.locator('textarea[name=consultQuestion]').fill('Riittääkö terveysasema kahden tunnin sisällä?');
    const other = await claimAndAssess(page, oulu);
    // The other task's consult form opens closed, and empty.
    expect(await other.getByTestId('consult-form').getAttribute('open')).toBeNull();
    await other.getByTestId('consult-form').locator('summary').click();
    expect(await other.locator('textarea[name=consultQuestion]').inputValue()).toBe('');
    expect(await other.locator('select[name=consultant]').inputValue()).toBe('');
    await page.locator(`[data-my-task="${raahe}"]`).click();
    await panelOf(page, raahe).getByTestId('patient-header').waitFor();
    expect(await panel.locator('textarea[name=consultQuestion]').inputValue()).toBe('Riittääkö terveysasema kahden tunnin sisällä?');

    await panel.getByTestId('record-consult').click();
    await panel.getByRole('alert').filter({ hasText: 'Choose whom you consulted' }).waitFor();
    await panel.locator('textarea[name=consultAdvice]').fill('Terveysasemalle kahden tunnin sisällä, taksilla.');
    await panel.getByTestId('record-consult').click();
    await panel.getByTestId('consults').filter({ hasText: 'EMS physician' }).filter({ hasText: 'taksilla' }).waitFor();

    // Phone advice asks for the care level, then for the time and the way there.
    await panel.getByRole('tab', { name: 'Phone advice' }).click();
    await panel.locator('textarea[name=advice]').fill('Terveysasemalle tänään.');
    await panel.locator('textarea[name=safetyNet]').fill('Soita 112, jos huimaus pahenee tai tulee rintakipua.');
    await panel.locator('input[name=patientInformed]').check();
    await panel.getByRole('button', { name: 'Confirm' }).click();
    await panel.getByRole('alert').filter({ hasText: 'Choose the care level.' }).waitFor();
    await panel.locator('select[name=careLevel]').selectOption('primary-care');
    await panel.getByRole('button', { name: 'Confirm' }).click();
    await panel.getByRole('alert').filter({ hasText: 'Choose how soon the patient should be seen.' }).waitFor();
    expect(await optionTexts(panel.locator('select[name=within]'))).toEqual(['Choose…', 'within 1 h', 'within 2 h', 'within 4 h', 'within 8 h', 'within 1 day', 'within 3 days', 'within 7 days']);
    await panel.locator('select[name=within]').selectOption('PT2H');
    await panel.locator('select[name=transport]').selectOption('taxi');
    await panel.locator('select[name=consultId]').selectOption({ index: 1 });
    for (const [language, words] of [
      ['FI', ['2 h kuluessa', '1 vrk kuluessa', '3 vrk kuluessa']],
      ['SV', ['inom 2 h', 'inom 1 dygn', 'inom 3 dygn']],
    ] as const) {
      await page.getByRole('button', { name: language, exact: true }).click();
      expect(await optionTexts(panel.locator('select[name=within]'))).toEqual(expect.arrayContaining([...words]));
    }
    expect(await optionTexts(panel.locator('select[name=consultId]'))).toEqual(['Ingen konsultation', expect.stringMatching(/^Akutvårdsläkare kl\. \d{2}[.:]\d{2}$/)]);
    await page.getByRole('button', { name: 'EN', exact: true }).click();
    await shotsInFinnishAndSwedish(page, 'disposition-decision-form', panel.getByTestId('decision-panel'));
    await panel.getByRole('button', { name: 'Confirm' }).click();
    await panel.getByTestId('decided-advice').filter({ hasText: 'Primary care within 2 h · By taxi · consulted: EMS physician' }).waitFor();
    await shotsInFinnishAndSwedish(page, 'disposition-decided', panel.getByTestId('task-outcome'));

    const history = (await api.get(api.tokens.supervisor, `/api/d-tasks/${raahe}`).expect(200)).body.history as { type: string; data: Record<string, unknown> }[];
    const consult = history.find((event) => event.type === 'ConsultRecorded')!.data;
    expect(consult).toMatchObject({ consultant: 'ems-physician', question: 'Riittääkö terveysasema kahden tunnin sisällä?', advice: 'Terveysasemalle kahden tunnin sisällä, taksilla.' });
    expect(history.find((event) => event.type === 'PhoneAdviceGiven')!.data).toMatchObject({ careLevel: 'primary-care', within: 'PT2H', transport: 'taxi', consultId: consult.consultId });
    await context.close();
  }, 150_000);

  it('redirects to home care within a day, no transport needed, and names no consult when none was made', async () => {
    const taskId = await api.intake({ municipality: 'Oulu', callbackPhone: '+358 40 111 0003', patient: { ageYears: 90, sex: 'female' } });
    const { context, page } = await signIn(target, 'nurse-ben', 'nurse');
    const panel = await claimAndAssess(page, taskId);
    await panel.getByRole('tab', { name: 'Redirect' }).click();
    await panel.locator('select[name=target]').selectOption('oulu-home-care');
    await panel.locator('textarea[name=handoffNote]').fill('Kotihoidon käynti huomiseen mennessä.');
    await panel.locator('select[name=careLevel]').selectOption('social-care');
    await panel.locator('select[name=within]').selectOption('P1D');
    await panel.locator('select[name=transport]').selectOption('none');
    // No consult recorded: the decision offers none to name.
    expect(await panel.locator('select[name=consultId]').count()).toBe(0);
    await panel.locator('input[name=patientInformed]').check();
    await panel.getByRole('button', { name: 'Confirm' }).click();
    await panel.getByTestId('decided-redirect').filter({ hasText: 'Social care within 1 day · No transport needed' }).waitFor();
    const history = (await api.get(api.tokens.supervisor, `/api/d-tasks/${taskId}`).expect(200)).body.history as { type: string; data: Record<string, unknown> }[];
    expect(history.find((event) => event.type === 'RedirectRequested')!.data).toMatchObject({ target: 'oulu-home-care', careLevel: 'social-care', within: 'P1D', transport: 'none' });
    await context.close();
  }, 90_000);
});
