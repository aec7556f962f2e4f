import { ManualClock } from '../../apps/dispatch-api/src/clock/clock';
import { DeadlineScheduler } from '../../apps/dispatch-api/src/d-tasks/deadline-scheduler';
import { BrowserApp, signIn, startBrowserApp } from '../support/browser-app';
import { cast } from '../support/dtask-api';
import { shotsInFinnishAndSwedish } from './language-shots';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/**
 * Issue 14, item 1 in the console: the receiving service reads the referral package, accepts it, and
 * reports the visit done (the task closes as redirected) or failed (back to the top of the queue);
 * an unreported visit passes its limit; the supervisor's wall shows the open referrals and the
 * overdue visit. The service's clock is moved by hand, ahead of the browser's, so a visit reported
 * "now" is never later than the service's now.
 */
describe('the closed loop of a redirect, in the console', () => {
  let target: BrowserApp;
  let api: Awaited<ReturnType<typeof cast>>;
  const clock = new ManualClock();

  beforeAll(async () => {
    target = await startBrowserApp({ SCHEDULER_INTERVAL_MS: '3600000' }, undefined, clock);
    api = await cast(target.app);
  }, 120_000);
  afterAll(() => target?.close());

  const status = async (taskId: string) => (await api.get(api.tokens.supervisor, `/api/d-tasks/${taskId}`).expect(200)).body as { status: string; closedOutcome: string | null; flags: string[] };

  /** Redirected to Oulu's home care by nurse-anna, with its disposition. */
  let phones = 0;
  async function referred(patient: Record<string, unknown>, address: string, note: string) {
    // A number of their own: patients sharing one would be linked as the same patient.
    phones += 1;
    const taskId = await api.assessed({ municipality: 'Oulu', address, callbackPhone: `+358 40 765 432${phones}`, patient });
    await api
      .post(api.tokens.nurse, `/api/d-tasks/${taskId}/decision`, {
        kind: 'redirect', target: 'oulu-home-care', handoffNote: note, patientInformed: true, careLevel: 'social-care', within: 'PT4H', transport: 'none',
      })
      .expect(200);
    return taskId;
  }

  it('reads the package, accepts, and reports one visit done and another failed; nothing typed follows to the other patient', async () => {
    const aino = await referred({ ageYears: 88, sex: 'female' }, 'Rantakatu 4 B 7', 'Käynti tänään: lääkkeet ja ruokailu tarkistettava.');
    const bertil = await referred({ ageYears: 76, sex: 'male' }, 'Koulukatu 9', 'Yksin kotona, tarvitsee apua iltaisin.');
    clock.advance(5 * MINUTE);
    const { context, page } = await signIn(target, 'kotihoito-2', 'partner', { service: 'oulu-home-care' });
    const inbox = page.getByTestId('partner-list');
    await inbox.locator(`button[data-task-id="${aino}"]`).click();
    const referral = page.locator(`[data-testid=referral][data-task-id="${aino}"]`);
    // The package: why, the note, the disposition in words, and whom to call where.
    await referral.getByTestId('referral-note').filter({ hasText: 'lääkkeet ja ruokailu' }).waitFor();
    const facts = await referral.locator('.partner-facts').textContent();
    expect(facts).toContain('Social care');
    expect(facts).toContain('within 4 h');
    expect(facts).toContain('No transport needed');
    expect(await referral.getByTestId('referral-address').textContent()).toBe('Rantakatu 4 B 7');
    expect(await referral.getByTestId('referral-phone').getAttribute('href')).toBe('tel:+358407654321');
    await shotsInFinnishAndSwedish(page, 'closed-loop-partner-referral');

    // Accepted, it moves to the second list, counting down to the visit limit (24 h by default).
    await referral.getByRole('button', { name: 'Accept the patient' }).click();
    await page.getByTestId('partner-notice').filter({ hasText: 'Accepted: Oulu, female, 88 years' }).waitFor();
    const visits = page.getByTestId('partner-visits');
    await visits.locator(`button[data-task-id="${aino}"]`).waitFor();
    expect((await status(aino)).status).toBe('awaiting-visit');
    await inbox.locator(`button[data-task-id="${bertil}"]`).click();
    await page.locator(`[data-testid=referral][data-task-id="${bertil}"]`).getByRole('button', { name: 'Accept the patient' }).click();
    await visits.locator(`button[data-task-id="${bertil}"]`).waitFor();
    await page.getByTestId('partner-empty').waitFor();

    // Half a report on Aino's visit does not follow to Bertil's, nor come back when she is reopened.
    await visits.locator(`button[data-task-id="${aino}"]`).click();
    const visit = page.locator(`[data-testid=visit][data-task-id="${aino}"]`);
    // Due when the 4 hours the nurse asked for end, counted from her redirect (not 24 h from acceptance).
    expect(await visit.getByTestId('visit-by').textContent()).toMatch(/^Report the visit by .+ \([34] h \d{2} min\)$/);
    await visit.getByTestId('report-visit').click();
    await visit.locator('textarea[name=visitNotes]').fill('Ainon käynti kirjoitettu');
    await visits.locator(`button[data-task-id="${bertil}"]`).click();
    const other = page.locator(`[data-testid=visit][data-task-id="${bertil}"]`);
    expect(await other.getByTestId('visit-form').count()).toBe(0);
    await visits.locator(`button[data-task-id="${aino}"]`).click();
    expect(await visit.getByTestId('visit-form').count()).toBe(0);

    // A time in the future is refused in words; the visit as it was is sent and closes the task.
    await visit.getByTestId('report-visit').click();
    await visit.locator('input[name=visitedAtTime]').fill('25.00');
    await visit.getByRole('button', { name: 'Send the visit report' }).click();
    await visit.getByRole('alert').filter({ hasText: 'Write the time as hh.mm' }).waitFor();
    await visit.locator('input[name=visitedAtTime]').fill(new Date().toLocaleTimeString('fi-FI', { timeZone: 'Europe/Helsinki', hour: '2-digit', minute: '2-digit' }));
    await visit.locator('textarea[name=visitNotes]').fill('Lääkkeet otettu, ruokaa jääkaapissa. Seuraava käynti huomenna.');
    await shotsInFinnishAndSwedish(page, 'closed-loop-partner-visit-form');
    await visit.getByRole('button', { name: 'Send the visit report' }).click();
    await page.getByTestId('partner-notice').filter({ hasText: 'Visit reported: Oulu, female, 88 years' }).waitFor();
    await visits.locator(`button[data-task-id="${aino}"]`).waitFor({ state: 'detached' });
    expect(await status(aino)).toMatchObject({ status: 'closed', closedOutcome: 'redirect' });
    const history = (await api.get(api.tokens.supervisor, `/api/d-tasks/${aino}`).expect(200)).body.history as { type: string; data: Record<string, unknown> }[];
    expect(history.find((event) => event.type === 'HandoffCompleted')?.data).toMatchObject({ target: 'oulu-home-care', notes: 'Lääkkeet otettu, ruokaa jääkaapissa. Seuraava käynti huomenna.' });

    // Bertil's visit failed: with a reason, and the task is back first in the nurses' queue.
    await visits.locator(`button[data-task-id="${bertil}"]`).click();
    await other.getByTestId('report-failed').click();
    const sendFail = other.getByRole('button', { name: 'Send the report' });
    expect(await sendFail.isDisabled()).toBe(true);
    await other.locator('textarea[name=failReason]').fill('Ei avannut ovea, puhelimeen ei vastattu.');
    await shotsInFinnishAndSwedish(page, 'closed-loop-partner-fail-form');
    await sendFail.click();
    await page.getByTestId('partner-notice').filter({ hasText: 'Reported as failed: Oulu, male, 76 years' }).waitFor();
    await page.getByTestId('partner-visits-empty').waitFor();
    expect((await status(bertil)).status).toBe('waiting');
    const queue = (await api.get(api.tokens.nurse, '/api/d-tasks?status=waiting').expect(200)).body.tasks as { taskId: string }[];
    expect(queue[0]?.taskId).toBe(bertil);
    await shotsInFinnishAndSwedish(page, 'closed-loop-partner-after');
    await context.close();

    // The nurse who takes it up reads what the service said.
    const nurse = await signIn(target, 'nurse-anna', 'nurse');
    await nurse.page.locator(`tr[data-task-id="${bertil}"]`).getByRole('button', { name: 'Claim' }).click();
    const panel = nurse.page.locator(`[data-testid=task-panel][data-task-id="${bertil}"]`);
    await panel.getByTestId('handoff-failed').filter({ hasText: 'Ei avannut ovea' }).waitFor();
    await panel.getByTestId('decided-redirect').filter({ hasText: 'Social care within 4 h · No transport needed' }).waitFor();
    await shotsInFinnishAndSwedish(nurse.page, 'closed-loop-nurse-failed-visit');
    await nurse.context.close();
  }, 150_000);

  it('shows the supervisor the open referrals, and a visit not reported in time returns the task and tells the partner', async () => {
    const cecilia = await referred({ ageYears: 81, sex: 'female' }, 'Torikatu 2', 'Kotihoidon arvio tänään.');
    const waiting = await referred({ ageYears: 69, sex: 'male' }, 'Asemakatu 5', 'Sosiaalityöntekijän yhteydenotto.');
    await api.post(api.tokens.homeCare, `/api/d-tasks/${cecilia}/handoff/accept`).expect(200);
    const partner = await signIn(target, 'kotihoito-2', 'partner', { service: 'oulu-home-care' });
    await partner.page.getByTestId('partner-visits').locator(`button[data-task-id="${cecilia}"]`).click();
    const wall = await signIn(target, 'super-sari', 'supervisor', { viewport: { width: 1920, height: 1080 } });
    const referrals = wall.page.getByTestId('wall-referrals');
    await referrals.getByTestId('wall-referrals-visit').locator(`li[data-task-id="${cecilia}"]`).filter({ hasText: 'Oulun kotihoito' }).waitFor();
    await referrals.getByTestId('wall-referrals-answer').locator(`li[data-task-id="${waiting}"]`).waitFor();
    await wall.page.getByTestId('wall-awaiting-visit').filter({ hasText: '1' }).waitFor();
    await shotsInFinnishAndSwedish(wall.page, 'closed-loop-wall-referrals');

    // The visit limit passes with no report: back to the queue, on the wall and gone from the partner's list.
    clock.advance(25 * HOUR);
    await target.app.app.get(DeadlineScheduler).tick();
    expect((await status(cecilia)).status).toBe('waiting');
    await partner.page.getByTestId('partner-notice').filter({ hasText: 'This visit no longer waits for your report' }).waitFor();
    await referrals.getByTestId('wall-overdue-visits').locator(`li[data-task-id="${cecilia}"]`).filter({ hasText: 'back with the nurses since' }).waitFor();
    // It opens in the panel, where the nurse reads why it came back.
    await referrals.getByTestId('wall-overdue-visits').locator(`li[data-task-id="${cecilia}"] button`).click();
    await wall.page.locator(`[data-testid=task-panel][data-task-id="${cecilia}"]`).getByTestId('handoff-visit-overdue').waitFor();
    await shotsInFinnishAndSwedish(wall.page, 'closed-loop-wall-overdue');
    await partner.context.close();
    await wall.context.close();
  }, 120_000);

  it('takes an accepted patient back from the service at a repeat call to 112, and says so to both', async () => {
    const taskId = await referred({ ageYears: 92, sex: 'female' }, 'Kirkkokatu 1', 'Käynti illalla.');
    await api.post(api.tokens.homeCare, `/api/d-tasks/${taskId}/handoff/accept`).expect(200);
    const partner = await signIn(target, 'kotihoito-2', 'partner', { service: 'oulu-home-care' });
    await partner.page.getByTestId('partner-visits').locator(`button[data-task-id="${taskId}"]`).click();
    await partner.page.locator(`[data-testid=visit][data-task-id="${taskId}"]`).getByTestId('report-visit').click();
    await api.post(api.tokens.erc, `/api/d-tasks/${taskId}/erc-update`, { kind: 'repeat-call', notes: 'Tytär soitti: kaatunut uudelleen' }).expect(200);
    // The half-written report goes with the visit it was for, and the partner is told why.
    await partner.page.getByTestId('partner-notice').filter({ hasText: 'This visit no longer waits for your report' }).waitFor();
    expect(await partner.page.getByTestId('visit-form').count()).toBe(0);
    const nurse = await signIn(target, 'nurse-anna', 'nurse');
    await nurse.page.locator(`tr[data-task-id="${taskId}"]`).getByRole('button', { name: 'Claim' }).click();
    const panel = nurse.page.locator(`[data-testid=task-panel][data-task-id="${taskId}"]`);
    await panel.getByTestId('handoff-withdrawn').waitFor();
    // The task's history says it too, and why, in every language.
    await panel.locator('summary', { hasText: 'History' }).click();
    const withdrawn = panel.locator('li[data-event-type=HandoffWithdrawn]');
    const said: string[] = [];
    for (const language of ['EN', 'FI', 'SV']) {
      await nurse.page.getByRole('button', { name: language, exact: true }).click();
      said.push(((await withdrawn.textContent()) ?? '').split(' · ')[1]!);
    }
    expect(said).toEqual(['Referral taken back from the service: the patient called 112 again', 'Ohjaus peruttu palvelulta: potilas soitti uudelleen 112:een', 'Hänvisningen återtagen från tjänsten: patienten ringde 112 igen']);
    await nurse.page.getByRole('button', { name: 'EN', exact: true }).click();
    await shotsInFinnishAndSwedish(nurse.page, 'closed-loop-nurse-withdrawn');
    await partner.context.close();
    await nurse.context.close();
  }, 90_000);
});
