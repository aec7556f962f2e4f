import { Page } from 'playwright-core';
import { ManualClock } from '../../apps/dispatch-api/src/clock/clock';
import { DeadlineScheduler } from '../../apps/dispatch-api/src/d-tasks/deadline-scheduler';
import { BrowserApp, signIn, startBrowserApp } from '../support/browser-app';
import { cast } from '../support/dtask-api';
import { claimAndReach, panelOf, row } from './desk-steps';
import { shotsInFinnishAndSwedish } from './language-shots';

const MINUTE = 60_000;

/**
 * The QA walk-through's second round, in the nurse's panel: a task S6 gave back asks for the patient
 * again; the history names the rule that wrote an event (S2, S8), never the nurse; a helpline's
 * failed report is of a call; `c` closes whenever its button is shown; warnings go once settled.
 */
describe("the nurse's panel after a return, a rule and a helpline", () => {
  let target: BrowserApp;
  let api: Awaited<ReturnType<typeof cast>>;
  // The service's deadlines are driven by hand: the scheduler never fires on its own.
  const clock = new ManualClock();
  const tick = () => target.app.app.get(DeadlineScheduler).tick();

  beforeAll(async () => {
    target = await startBrowserApp({ SCHEDULER_INTERVAL_MS: '3600000' }, undefined, clock);
    api = await cast(target.app);
  }, 120_000);
  afterAll(() => target?.close());

  const redirect = (taskId: string, service: string) =>
    api.post(api.tokens.nurse, `/api/d-tasks/${taskId}/decision`, {
      kind: 'redirect', target: service, handoffNote: 'Soitto tänään.', patientInformed: true, careLevel: 'primary-care', within: 'PT8H', transport: 'none',
    }).expect(200);
  const lang = (page: Page, language: 'FI' | 'SV' | 'EN') => page.getByRole('button', { name: language, exact: true }).click();

  it('asks to reach the patient again after S6 (no answer in time), and names S8 for the welfare recall on the call that sent S1', async () => {
    const taskId = await api.assessed({ receivedAt: clock.now().toISOString(), patient: { ageYears: 77, sex: 'male' } });
    await redirect(taskId, 'oulu-home-care');
    clock.advance(31 * MINUTE);
    await tick();
    const { context, page } = await signIn(target, 'nurse-s6', 'nurse');
    await row(page, taskId).getByRole('button', { name: 'Claim' }).click();
    const panel = panelOf(page, taskId);
    await panel.getByTestId('recontact-needed').waitFor();
    expect(await panel.getByTestId('handoff-timed-out').textContent()).toContain('(S6)');
    expect(await panel.locator('li[data-event-type=HandoffTimedOut]').textContent()).toContain('automatically (S6)');
    expect(await panel.getByRole('tab', { name: 'Phone advice' }).isDisabled()).toBe(true);
    await shotsInFinnishAndSwedish(page, 'panel-s6-returned', panel);

    // Two calls without an answer: S1 sends a unit in the nurse's command, and S8 books its first welfare recall.
    await panel.locator('button[data-outcome="no-answer"]').click();
    await panel.getByTestId('failed-calls').filter({ hasText: '1/2' }).waitFor();
    await panel.locator('button[data-outcome="no-answer"]').click();
    await panel.getByTestId('auto-dispatch-notice').waitFor();
    const recall = panel.locator('li[data-event-type=RecallScheduled]');
    expect(await recall.textContent()).toContain('automatically (S8)');
    expect(await recall.textContent()).not.toContain('nurse-s6');
    await lang(page, 'FI');
    expect(await recall.textContent()).toContain('automaattisesti (S8)');
    await lang(page, 'SV');
    expect(await recall.textContent()).toContain('automatiskt (S8)');
    await lang(page, 'EN');
    await panel.locator('details summary').filter({ hasText: 'History' }).click();
    await shotsInFinnishAndSwedish(page, 'panel-history-s8', recall);
    await context.close();
  }, 120_000);

  it("names S2 for its alert, not \"safety rule\"; the alert is no warning once the patient is reached", async () => {
    const alerted = await api.intake({ receivedAt: new Date(clock.now().getTime() - 21 * MINUTE).toISOString() });
    await tick();
    const { context, page } = await signIn(target, 'nurse-s2', 'nurse', { viewport: { width: 1366, height: 1400 } });
    await row(page, alerted).getByRole('button', { name: 'Claim' }).click();
    const panel = panelOf(page, alerted);
    const alert = panel.getByTestId('task-outcome').locator('p').filter({ hasText: 'No contact' });
    expect(await alert.getAttribute('class')).toContain('notice-severe');
    await panel.locator('button[data-outcome="reached"]').click();
    await panel.locator('textarea[name=symptoms]').waitFor();
    expect(await alert.getAttribute('class')).not.toContain('notice-severe');
    expect(await alert.textContent()).not.toContain('⚠');
    expect(await panel.locator('li[data-event-type=WaitingLimitReached]').textContent()).toContain('automatically (S2)');
    await shotsInFinnishAndSwedish(page, 'panel-s2-reached', panel.getByTestId('task-outcome'));
    await context.close();
  }, 120_000);

  it("says a helpline's failed report is of its call, and after the reached call asks only for the new assessment", async () => {
    const taskId = await api.assessed({ receivedAt: clock.now().toISOString(), patient: { ageYears: 66, sex: 'female' } });
    await redirect(taskId, 'helpline-116117');
    const helpline = await target.app.tokenFor('partner', 'paivystysapu-1', 'helpline-116117');
    await api.post(helpline, `/api/d-tasks/${taskId}/handoff/accept`).expect(200);
    await api.post(helpline, `/api/d-tasks/${taskId}/handoff/fail`, { reason: 'Ei vastannut kolmeen soittoon.' }).expect(200);
    const { context, page } = await signIn(target, 'nurse-helpline', 'nurse', { viewport: { width: 1366, height: 1400 } });
    await row(page, taskId).getByRole('button', { name: 'Claim' }).click();
    const panel = panelOf(page, taskId);
    const failed = panel.getByTestId('handoff-failed');
    const history = panel.locator('li[data-event-type=HandoffFailed]');
    await lang(page, 'FI');
    await failed.waitFor();
    expect(await failed.textContent()).toContain('ettei soitto potilaalle onnistunut');
    expect(await history.textContent()).toContain('ettei soitto onnistunut');
    await lang(page, 'SV');
    expect(await failed.textContent()).toContain('samtalet till patienten misslyckades');
    expect(await history.textContent()).toContain('samtalet misslyckades');
    for (const text of [await failed.textContent(), await history.textContent()]) expect(text).not.toMatch(/käynti|besök/);
    await lang(page, 'EN');

    // Reached: no longer "reach the patient again", only the new assessment; once saved, neither.
    await panel.getByTestId('recontact-needed').waitFor();
    await panel.locator('button[data-outcome="reached"]').click();
    await panel.getByTestId('reassess-needed').waitFor();
    expect(await panel.getByTestId('recontact-needed').count()).toBe(0);
    expect(await failed.getAttribute('class')).not.toContain('notice-severe');
    await shotsInFinnishAndSwedish(page, 'panel-helpline-reached', panel);
    await panel.locator('textarea[name=symptoms]').fill('Vointi ennallaan.');
    await panel.getByRole('button', { name: 'Save assessment' }).click();
    await panel.getByTestId('reassess-needed').waitFor({ state: 'detached' });

    // Redirected again, to home care, which fails too: each report is worded by its own service.
    const nurse = await target.app.tokenFor('nurse', 'nurse-helpline');
    await api.post(nurse, `/api/d-tasks/${taskId}/decision`, {
      kind: 'redirect', target: 'oulu-home-care', handoffNote: 'Käynti tänään.', patientInformed: true, careLevel: 'social-care', within: 'PT8H', transport: 'none',
    }).expect(200);
    await api.post(api.tokens.homeCare, `/api/d-tasks/${taskId}/handoff/accept`).expect(200);
    await api.post(api.tokens.homeCare, `/api/d-tasks/${taskId}/handoff/fail`, { reason: 'Ei avannut ovea.' }).expect(200);
    await failed.nth(1).waitFor();
    expect(await failed.nth(0).textContent()).toContain('call to the patient did not succeed');
    expect(await failed.nth(1).textContent()).toContain('the visit failed');
    await context.close();
  }, 120_000);

  it('closes with c after an escalation, as its button says; the legend shows c only when it acts', async () => {
    const taskId = await api.intake({ receivedAt: clock.now().toISOString() });
    const { context, page } = await signIn(target, 'nurse-c', 'nurse');
    const panel = await claimAndReach(page, taskId);
    expect(await panel.locator('.shortcuts kbd').allTextContents()).not.toContain('c');
    expect(await panel.locator('.shortcuts kbd').allTextContents()).toContain('a');
    await panel.locator('input[name="chest-pain"]').check();
    await panel.getByTestId('escalation-panel').getByRole('button', { name: 'Escalate' }).click();
    await panel.getByTestId('close-task').waitFor();
    await shotsInFinnishAndSwedish(page, 'panel-close-key', panel);
    await page.locator('body').press('c');
    await panel.locator('[data-event-type=DTaskClosed]').waitFor({ state: 'attached' });
    await context.close();
  }, 120_000);

  it('says a new task in the queue in Swedish by its Swedish place name, and no more once another nurse took it', async () => {
    const { context, page } = await signIn(target, 'nurse-live', 'nurse');
    await lang(page, 'SV');
    const live = page.locator('.queue [aria-live=polite]');
    const taskId = await api.intake({ receivedAt: clock.now().toISOString(), municipality: 'Raahe' });
    await live.filter({ hasText: 'Nytt uppdrag i kön' }).waitFor();
    expect(await live.textContent()).toContain('Brahestad');
    await api.post(api.tokens.nurse2, `/api/d-tasks/${taskId}/claim`).expect(200);
    await live.filter({ hasText: 'Nytt uppdrag i kön' }).waitFor({ state: 'detached' });
    expect(await live.textContent()).toBe('');
    await context.close();
  }, 120_000);

  it('names the report limit, not "safety rule", for a visit not reported in time', async () => {
    const taskId = await api.assessed({ receivedAt: clock.now().toISOString(), patient: { ageYears: 70, sex: 'male' } });
    await redirect(taskId, 'oulu-home-care');
    await api.post(api.tokens.homeCare, `/api/d-tasks/${taskId}/handoff/accept`).expect(200);
    clock.advance(25 * 60 * MINUTE);
    await tick();
    const { context, page } = await signIn(target, 'nurse-overdue', 'nurse');
    await row(page, taskId).getByRole('button', { name: 'Claim' }).click();
    const overdue = panelOf(page, taskId).locator('li[data-event-type=HandoffVisitOverdue]');
    await overdue.waitFor({ state: 'attached' });
    expect(await overdue.textContent()).toContain('automatically (report limit)');
    await lang(page, 'FI');
    expect(await overdue.textContent()).toContain('automaattisesti (raportointiaika)');
    await lang(page, 'SV');
    expect(await overdue.textContent()).toContain('automatiskt (rapporteringstid)');
    await context.close();
  }, 120_000);
});
