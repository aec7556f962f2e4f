import { helsinkiDate, helsinkiDay } from '../../apps/console/src/format';
import { BrowserApp, signIn, startBrowserApp } from '../support/browser-app';
import { adviceDecision, cast } from '../support/dtask-api';
import { panelOf } from './desk-steps';
import { shotsInFinnishAndSwedish } from './language-shots';

const HOUR = 3_600_000;

/**
 * The QA walk-through's lists and words (items 6, 8, 13): closed and own tasks say their day when it
 * is not today and how a closed one ended; the queue's announcement follows the chosen language and
 * calls a task a service gave back returned; a decision's consult is a sentence of its own.
 */
describe("the nurse's lists and what is read out", () => {
  let target: BrowserApp;
  let api: Awaited<ReturnType<typeof cast>>;

  beforeAll(async () => {
    target = await startBrowserApp();
    api = await cast(target.app);
  }, 120_000);
  afterAll(() => target?.close());

  /** Phone advice with no follow-up call by nurse-anna, which closes the task; its outcome as the service closed it. */
  async function closed(receivedAt: string) {
    const taskId = await api.assessed({ receivedAt });
    const decided = await api.post(api.tokens.nurse, `/api/d-tasks/${taskId}/decision`, adviceDecision()).expect(200);
    expect(decided.body.status).toBe('closed');
    return { taskId, outcome: decided.body.closedOutcome as string };
  }

  // (An own task received yesterday cannot be held here: S2 sends it a unit at once. My tasks say the day by the same whenText.)
  it('says the day of a closed task received before today, and how it ended', async () => {
    const earlierIso = new Date(Date.now() - 23.5 * HOUR).toISOString();
    const otherDay = helsinkiDate(Date.parse(earlierIso)) !== helsinkiDate(Date.now());
    const old = await closed(earlierIso);
    const today = await closed(new Date().toISOString());

    const { context, page } = await signIn(target, 'nurse-anna', 'nurse');
    await page.getByTestId('closed-tasks').locator('summary').click();
    const entry = (taskId: string) => page.locator(`[data-closed-task="${taskId}"]`);
    const words: Record<string, string> = { 'phone-advice': 'phone advice', 'unit-mission': 'unit mission', escalated: 'escalated' };
    expect(await entry(old.taskId).textContent()).toContain(words[old.outcome] ?? old.outcome);
    expect(await entry(today.taskId).textContent()).toMatch(/received \d{2}:\d{2} · phone advice$/);
    if (otherDay) {
      const day = helsinkiDay(earlierIso, 'en');
      expect(await entry(old.taskId).textContent()).toContain(day);
    }
    await shotsInFinnishAndSwedish(page, 'desk-closed-list', page.getByTestId('closed-tasks'));
    await page.getByRole('button', { name: 'FI', exact: true }).click();
    expect(await entry(today.taskId).textContent()).toMatch(/vastaanotettu klo \d{2}\.\d{2} · puhelinneuvonta$/);
    if (otherDay) expect(await entry(old.taskId).textContent()).toContain(`${helsinkiDay(earlierIso, 'fi')} klo`);
    await page.getByRole('button', { name: 'SV', exact: true }).click();
    expect(await entry(today.taskId).textContent()).toMatch(/mottaget kl\. \d{2}\.\d{2} · telefonrådgivning$/);
    await context.close();
  }, 120_000);

  it('announces a new task in the language chosen, and a task a service gave back as returned', async () => {
    const returned = await api.assessed({ patient: { ageYears: 77, sex: 'male' } });
    await api.post(api.tokens.nurse, `/api/d-tasks/${returned}/decision`, {
      kind: 'redirect', target: 'oulu-home-care', handoffNote: 'Käynti tänään.', patientInformed: true, careLevel: 'social-care', within: 'PT8H', transport: 'none',
    }).expect(200);
    const { context, page } = await signIn(target, 'nurse-listen', 'nurse');
    await page.getByRole('button', { name: 'SV', exact: true }).click();
    const live = page.locator('.queue [aria-live=polite]');
    const fresh = await api.intake({ taskCode: '745' });
    await page.locator(`tr[data-task-id="${fresh}"]`).waitFor();
    await live.filter({ hasText: 'Nytt uppdrag i kön: 745 Fall' }).waitFor();
    await page.getByRole('button', { name: 'FI', exact: true }).click();
    await live.filter({ hasText: 'Uusi tehtävä jonossa: 745 Kaatuminen' }).waitFor();
    await page.getByRole('button', { name: 'SV', exact: true }).click();

    await api.post(api.tokens.homeCare, `/api/d-tasks/${returned}/handoff/decline`, { reason: 'Ingen kapacitet i kväll.' }).expect(200);
    await page.locator(`tr[data-task-id="${returned}"]`).waitFor();
    await live.filter({ hasText: 'återkom till kön från den mottagande tjänsten' }).waitFor();
    expect(await live.textContent()).not.toContain('Nytt');
    await context.close();
  }, 90_000);

  it('joins a decision and its consult as two sentences, the second with a capital', async () => {
    const taskId = await api.assessed();
    await api.post(api.tokens.nurse, `/api/d-tasks/${taskId}/consult`, { consultant: 'field-commander', question: 'Behövs enhet?', advice: 'Skicka en grundnivåenhet.' }).expect(200);
    const { context, page } = await signIn(target, 'nurse-anna', 'nurse');
    await page.locator(`[data-my-task="${taskId}"]`).click();
    const panel = panelOf(page, taskId);
    await panel.getByTestId('patient-header').waitFor();
    await panel.getByRole('tab', { name: 'Send a unit' }).click();
    await panel.getByRole('button', { name: 'Confirm' }).click();
    const decided = panel.getByTestId('decided-unit');
    await decided.waitFor();
    expect(await decided.textContent()).toMatch(/urgency D\. Consulted: Field commander$/);
    await page.getByRole('button', { name: 'SV', exact: true }).click();
    expect(await decided.textContent()).toMatch(/brådskandegrad D\. Konsulterad: Fältchef$/);
    await shotsInFinnishAndSwedish(page, 'desk-unit-consulted', panel.getByTestId('task-outcome'));
    await context.close();
  }, 90_000);
});
