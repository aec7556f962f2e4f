import { Page } from 'playwright-core';
import { BrowserApp, signIn, startBrowserApp } from '../support/browser-app';
import { cast } from '../support/dtask-api';
import { type Page$, panelOf } from './desk-steps';
import { shotsInFinnishAndSwedish } from './language-shots';

const row = (page: Page, taskId: string) => page.locator(`tr[data-task-id="${taskId}"]`);
const SEVERE_RED = 'rgb(245, 183, 177)';

/**
 * The QA walk-through's task panel (items 7, 9–12, 14): keys from the moment the desk loads, a form
 * scrolled to is never under the patient's header, S1's own actions are not the nurse's, no red
 * "act now" once a unit is on its way, no keys in a panel only read, and a helpline's stage in its words.
 */
describe('the task panel as a nurse works it', () => {
  let target: BrowserApp;
  let api: Awaited<ReturnType<typeof cast>>;

  beforeAll(async () => {
    target = await startBrowserApp();
    api = await cast(target.app);
  }, 120_000);
  afterAll(() => target?.close());

  it('takes the keys as soon as the desk loads, never while typing, and keeps a form clear of the header', async () => {
    const taskId = await api.intake({ patient: { ageYears: 101 } });
    const { context, page } = await signIn(target, 'nurse-keys', 'nurse', { viewport: { width: 1366, height: 700 } });
    await row(page, taskId).waitFor();
    // No click anywhere: j/k move the cursor, Enter claims the task under it.
    const cursor = () => page.locator('tr[aria-selected=true]').getAttribute('data-task-id');
    const rows = await page.locator('tbody tr').count();
    for (let step = 0; step < rows && (await cursor()) !== taskId; step += 1) await page.keyboard.press('j');
    expect(await cursor()).toBe(taskId);
    await page.keyboard.press('Enter');
    const panel = panelOf(page, taskId);
    await panel.getByTestId('patient-header').waitFor();
    await page.keyboard.press('1');
    await panel.locator('textarea[name=symptoms]').waitFor();
    // Typing a key's letter in a field is typing.
    await panel.locator('textarea[name=symptoms]').fill('');
    await panel.locator('textarea[name=symptoms]').pressSequentially('jade');
    expect(await panel.locator('textarea[name=symptoms]').inputValue()).toBe('jade');
    expect(await panel.getByTestId('decision-panel').locator('[role=tab][aria-selected=true]').evaluate((tab) => tab === (globalThis as unknown as Page$).document.activeElement)).toBe(false);

    // Scrolled to the end, `a` brings the assessment back below the sticky header, not under it.
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.locator('section.card.task').evaluate((element) => {
      const box = element as unknown as { scrollTo(x: number, y: number): void; scrollHeight: number };
      box.scrollTo(0, box.scrollHeight);
    });
    await page.keyboard.press('a');
    // The assessment's first field, the patient's language (a select), not the first box after it.
    const focused = panel.locator('[data-section=assessment] :is(input, select, textarea)').first();
    expect(await focused.getAttribute('name')).toBe('language');
    expect(await focused.evaluate((input) => input === (globalThis as unknown as Page$).document.activeElement)).toBe(true);
    const [header, input] = [await panel.getByTestId('patient-header').boundingBox(), await focused.boundingBox()];
    expect(input!.y).toBeGreaterThanOrEqual(header!.y + header!.height);
    await page.keyboard.press('d');
    const [header2, tab] = [await panel.getByTestId('patient-header').boundingBox(), await panel.locator('[role=tab][aria-selected=true]').boundingBox()];
    expect(tab!.y).toBeGreaterThanOrEqual(header2!.y + header2!.height);

    // With a task open, Enter with focus lost (on nothing) claims nothing more.
    const other = await api.intake({ patient: { ageYears: 100 } });
    await row(page, other).waitFor();
    const claims: string[] = [];
    page.on('request', (request) => void (request.url().endsWith('/claim') && claims.push(request.url())));
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Enter');
    // A request sent after the key: any claim the key made would have gone before it.
    await Promise.all([page.waitForResponse((response) => response.url().includes('status=closed')), page.getByTestId('closed-tasks').locator('summary').click()]);
    expect(claims).toEqual([]);
    await context.close();
  }, 90_000);

  it('after S1 sends a unit: no red "act now", and the history says S1 sent it, not the nurse', async () => {
    const taskId = await api.intake({ patient: { ageYears: 102 } });
    const { context, page } = await signIn(target, 'nurse-s1', 'nurse');
    await row(page, taskId).getByRole('button', { name: 'Claim' }).click();
    const panel = panelOf(page, taskId);
    await panel.locator('button[data-outcome="no-answer"]').click();
    await panel.getByTestId('failed-calls').filter({ hasText: '1/2' }).waitFor();
    await panel.locator('button[data-outcome="busy"]').click();
    await panel.getByTestId('auto-dispatch-notice').waitFor();
    await panel.getByText('The unit is on its way').waitFor();
    expect(await panel.locator('.notice-severe').count()).toBe(0);
    const chip = panel.getByTestId('patient-header').locator('[data-flag=unreachable]');
    expect(await chip.textContent()).not.toContain('⚠');
    expect(await chip.evaluate((element) => (globalThis as unknown as Page$).getComputedStyle(element).backgroundColor)).not.toBe(SEVERE_RED);
    await panel.locator('details', { hasText: 'History' }).locator('summary').click();
    const unit = panel.locator('[data-event-type=UnitRequested]');
    expect(await unit.textContent()).toMatch(/automatically \(S1\)$/);
    expect(await unit.textContent()).not.toContain('nurse-s1');
    await shotsInFinnishAndSwedish(page, 'desk-after-s1', panel);
    await page.getByRole('button', { name: 'FI', exact: true }).click();
    expect(await unit.textContent()).toMatch(/automaattisesti \(S1\)$/);
    await page.getByRole('button', { name: 'SV', exact: true }).click();
    expect(await unit.textContent()).toMatch(/automatiskt \(S1\)$/);
    await context.close();
  }, 90_000);

  it("shows a supervisor reading a nurse's task no key legend, and a helpline's stage as a call, not a visit", async () => {
    const held = await api.intake({ patient: { ageYears: 103 } });
    await api.post(api.tokens.nurse, `/api/d-tasks/${held}/claim`).expect(200);
    const helpline = await api.assessed({ patient: { ageYears: 104 } });
    await api.post(api.tokens.nurse, `/api/d-tasks/${helpline}/decision`, {
      kind: 'redirect', target: 'helpline-116117', handoffNote: 'Soittakaa potilaalle illalla.', patientInformed: true, careLevel: 'primary-care', within: 'PT8H', transport: 'own',
    }).expect(200);
    const helplineToken = await target.app.tokenFor('partner', 'hl-1', 'helpline-116117');
    await api.post(helplineToken, `/api/d-tasks/${helpline}/handoff/accept`).expect(200);

    const { context, page } = await signIn(target, 'super-look', 'supervisor');
    const open = async (taskId: string) => {
      const link = page.locator(`[data-task-id="${taskId}"] :is(button.wall-link, button.wall-task)`).first();
      await link.waitFor();
      await link.click();
      await panelOf(page, taskId).getByTestId('patient-header').waitFor();
      return panelOf(page, taskId);
    };
    const readOnly = await open(held);
    await readOnly.getByText('not claimed by you').waitFor();
    expect(await readOnly.locator('.shortcuts').count()).toBe(0);

    const called = await open(helpline);
    const title = called.locator('.panel-title h2');
    // Worded once the directory has told what kind of service it is.
    await title.filter({ hasText: /call/i }).waitFor();
    expect(await title.textContent()).not.toMatch(/visit/i);
    expect(await called.getByTestId('handoff-accepted').textContent()).toMatch(/calls the patient and reports the call by/);
    await shotsInFinnishAndSwedish(page, 'desk-helpline-stage', called);
    await page.getByRole('button', { name: 'FI', exact: true }).click();
    expect(await title.textContent()).toMatch(/soitto/);
    await page.getByRole('button', { name: 'SV', exact: true }).click();
    expect(await title.textContent()).toMatch(/ring/);
    await context.close();
  }, 90_000);
});
