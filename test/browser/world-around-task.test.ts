import { join } from 'node:path';
import { Locator, Page } from 'playwright-core';
import { ManualClock } from '../../apps/dispatch-api/src/clock/clock';
import { ARTIFACTS, BrowserApp, signIn, startBrowserApp } from '../support/browser-app';
import { cast } from '../support/dtask-api';
import { startWithRoomToday } from '../support/helsinki-today';

const MINUTE = 60_000;
const row = (page: Page, taskId: string) => page.locator(`tr[data-task-id="${taskId}"]`);
const panelOf = (page: Page, taskId: string) => page.locator(`[data-testid=task-panel][data-task-id="${taskId}"]`);

/** Issue 13 in the console: the ERC, the field commander and the waiting patient, in a real browser against the real service. */
describe('the task as the world around it touches it, in the console', () => {
  let target: BrowserApp;
  let api: Awaited<ReturnType<typeof cast>>;
  // The service's clock, moved by hand: S8's recalls fall due without waiting half an hour, all in today's Helsinki date.
  const clock = new ManualClock(startWithRoomToday(3 * 60));
  const now = () => clock.now().toISOString();

  beforeAll(async () => {
    target = await startBrowserApp({ SCHEDULER_INTERVAL_MS: '3600000' }, undefined, clock);
    api = await cast(target.app);
  }, 120_000);
  afterAll(() => target?.close());

  /** The page in Finnish and in Swedish, then back in English, each saved for a person to look at. */
  async function shots(page: Page, name: string, inView?: Locator) {
    for (const language of ['fi', 'sv'] as const) {
      await page.getByRole('button', { name: language.toUpperCase(), exact: true }).click();
      // The panel scrolls in its own box: a shot of something further down it is of the window as scrolled.
      await inView?.scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(ARTIFACTS, `${name}-${language}.png`), fullPage: !inView });
    }
    await page.getByRole('button', { name: 'EN', exact: true }).click();
  }

  async function claim(page: Page, taskId: string) {
    await row(page, taskId).getByRole('button', { name: 'Claim' }).click();
    const panel = panelOf(page, taskId);
    await panel.getByTestId('patient-header').waitFor();
    return panel;
  }

  it("tells the owner of a repeat call at once, in that task's panel only, until she acknowledges it", async () => {
    const held = await api.intake({ receivedAt: now() });
    const other = await api.intake({ receivedAt: now() });
    const { context, page } = await signIn(target, 'nurse-anna', 'nurse');
    const panel = await claim(page, held);

    // New information first: the header shows the newest number to call and what the ERC said.
    await api.post(api.tokens.erc, `/api/d-tasks/${held}/erc-update`, { kind: 'new-information', notes: 'Daughter on site', callbackPhone: '+358 40 555 1234' }).expect(200);
    await panel.getByTestId('erc-updates').filter({ hasText: 'Daughter on site' }).waitFor();
    await panel.locator('[data-testid=callback-phone][href="tel:+358405551234"]').waitFor();

    clock.advance(2 * MINUTE);
    await api.post(api.tokens.erc, `/api/d-tasks/${held}/erc-update`, { kind: 'repeat-call', notes: 'Daughter called 112 again: breathing worse' }).expect(200);
    const notice = panel.getByTestId('repeat-call-notice');
    await notice.filter({ hasText: 'breathing worse' }).waitFor();
    await panel.locator('[data-flag=repeat-call]').first().waitFor();
    // It does not go by itself.
    await page.waitForTimeout(2500);
    expect(await notice.isVisible()).toBe(true);
    await shots(page, 'world-repeat-call');

    // Another task in the panel: no notice there, and "my tasks" still says which task had the call.
    const otherPanel = await claim(page, other);
    expect(await otherPanel.getByTestId('repeat-call-notice').count()).toBe(0);
    expect(await page.getByTestId('repeat-call-notice').count()).toBe(0);
    await page.locator(`[data-testid=repeat-call-badge][data-task-id="${held}"]`).waitFor();
    expect(await page.locator(`[data-testid=repeat-call-badge][data-task-id="${other}"]`).count()).toBe(0);
    await shots(page, 'world-repeat-call-other-task');

    // Back on its own task, still there until acknowledged; after that not even a reload brings it back.
    await page.locator(`[data-my-task="${held}"]`).click();
    await panelOf(page, held).getByTestId('repeat-call-notice').waitFor();
    await panelOf(page, held).getByTestId('acknowledge-repeat-call').click();
    expect(await page.getByTestId('repeat-call-notice').count()).toBe(0);
    expect(await page.getByTestId('repeat-call-badge').count()).toBe(0);
    await page.reload();
    await page.getByTestId('connection').filter({ hasText: 'Live' }).waitFor();
    await page.locator(`[data-my-task="${held}"]`).click();
    await panelOf(page, held).getByTestId('erc-updates').waitFor();
    expect(await page.getByTestId('repeat-call-notice').count()).toBe(0);

    // A later repeat call is a new notice.
    clock.advance(2 * MINUTE);
    await api.post(api.tokens.erc, `/api/d-tasks/${held}/erc-update`, { kind: 'repeat-call' }).expect(200);
    await panelOf(page, held).getByTestId('repeat-call-notice').filter({ hasText: '2 repeat calls' }).waitFor();
    await context.close();
  }, 120_000);

  it("shows the field commander's unit in the panel of the nurse who holds the task; it is decided, with nothing left to decide", async () => {
    const taskId = await api.intake({ receivedAt: now() });
    const { context, page } = await signIn(target, 'nurse-otto', 'nurse');
    const panel = await claim(page, taskId);
    await panel.locator('[data-section=callback]').waitFor();
    await api.post(api.tokens.erc, `/api/d-tasks/${taskId}/mission`, { stage: 'unit-assigned', unitId: 'OU-131', requestedBy: 'field-commander' }).expect(200);
    await panel.getByTestId('field-unit').filter({ hasText: 'The field commander attached unit OU-131' }).waitFor();
    await panel.locator('[data-section=callback]').waitFor({ state: 'detached' });
    expect(await panel.locator('[data-section=decision]').count()).toBe(0);
    // The patient now waits for that unit (S8): the task closes when its mission ends, not by hand.
    await panel.getByTestId('recalls').locator('li[data-recall-state=pending]').filter({ hasText: 'Welfare call' }).waitFor();
    expect(await panel.getByTestId('close-task').count()).toBe(0);
    await shots(page, 'world-field-unit');
    await context.close();
  }, 90_000);

  it("shows the supervisor the repeat call on its tile, and puts a waiting task with one first in the queue", async () => {
    const older = await api.intake({ receivedAt: new Date(clock.now().getTime() - 40 * MINUTE).toISOString() });
    const waiting = await api.intake({ receivedAt: now() });
    await api.post(api.tokens.erc, `/api/d-tasks/${waiting}/erc-update`, { kind: 'repeat-call', notes: 'Called again' }).expect(200);
    const { context, page } = await signIn(target, 'super-sari', 'supervisor', { viewport: { width: 1920, height: 1080 } });
    await page.getByTestId('alert-tile-repeat-call').locator(`li[data-task-id="${waiting}"]`).waitFor();
    const order = await Promise.all((await page.locator('tbody tr[data-task-id]').all()).map((entry) => entry.getAttribute('data-task-id')));
    expect(order.indexOf(waiting)).toBeGreaterThanOrEqual(0);
    expect(order.indexOf(waiting)).toBeLessThan(order.indexOf(older));
    await row(page, waiting).locator('[data-flag=repeat-call]').waitFor();
    // The field commander's unit of the test before counts in today's decisions.
    await page.getByTestId('mix-field-commander').filter({ hasText: '1' }).waitFor();
    await shots(page, 'world-wall');
    await context.close();
  }, 90_000);

  it('says an unverified identity leaves only a unit: advice and redirect are off, with the reason (S9)', async () => {
    const taskId = await api.intake({ receivedAt: now() });
    const { context, page } = await signIn(target, 'nurse-ida', 'nurse');
    const panel = await claim(page, taskId);
    await panel.locator('button[data-outcome="reached"]').click();
    await panel.locator('select[name=language]').selectOption('sv');
    await panel.locator('select[name=caller]').selectOption('relative');
    await panel.locator('input[name=identity][value=unverified]').check();
    // Said before it is saved, as a red flag is.
    await panel.getByTestId('identity-blocks').waitFor();
    expect(await panel.getByRole('tab', { name: 'Phone advice' }).isDisabled()).toBe(true);
    expect(await panel.getByRole('tab', { name: 'Redirect' }).isDisabled()).toBe(true);
    await panel.locator('textarea[name=symptoms]').fill('Dizzy, cannot tell the identity code.');
    await panel.getByRole('button', { name: 'Save assessment' }).click();
    await panel.locator('[data-event-type=AssessmentRecorded]').waitFor({ state: 'attached' });
    await panel.getByTestId('patient-line').filter({ hasText: 'Language: Swedish · caller: a relative' }).waitFor();
    await panel.getByTestId('patient-header').locator('[data-flag=identity-unverified]').waitFor();
    expect(await panel.getByRole('tab', { name: 'Phone advice' }).isDisabled()).toBe(true);
    // The form shown is the unit's, never a no-unit form that cannot be confirmed.
    expect(await panel.getByRole('tab', { name: 'Send a unit' }).getAttribute('aria-selected')).toBe('true');
    expect(await panel.locator('select[name=unitLevel]').count()).toBe(1);
    expect(await panel.locator('select[name=target]').count()).toBe(0);
    await shots(page, 'world-identity-unverified', panel.getByTestId('decision-panel'));
    await context.close();
  }, 90_000);

  it('links the same patient\u2019s two open tasks, and closes a task the ERC raised to B with nothing left to do', async () => {
    const patient = { ageYears: 71, sex: 'male', personId: '121251-1239' };
    const first = await api.intake({ patient, receivedAt: now() });
    const second = await api.intake({ patient, receivedAt: now(), taskCode: '744' });
    const { context, page } = await signIn(target, 'nurse-eva', 'nurse');
    const panel = await claim(page, second);
    await panel.getByTestId('contact-counts').filter({ hasText: '1 in 7 days, 1 in 30 days' }).waitFor();
    await panel.locator(`[data-linked-task="${first}"]`).click();
    const firstPanel = panelOf(page, first);
    await firstPanel.locator(`[data-linked-task="${second}"]`).waitFor();
    await claim(page, first);
    await firstPanel.locator('[data-section=callback]').waitFor();

    await api.post(api.tokens.erc, `/api/d-tasks/${first}/erc-update`, { kind: 'urgency-changed', urgency: 'B' }).expect(200);
    await firstPanel.getByTestId('erc-escalated').waitFor();
    for (const section of ['[data-section=callback]', '[data-section=decision]', '[data-testid=recall-schedule]', '[data-testid=close-task]']) {
      expect(await firstPanel.locator(section).count()).toBe(0);
    }
    await shots(page, 'world-erc-escalated');
    await context.close();
  }, 90_000);

  it('brings a patient waiting for a D unit back when the S8 recall falls due, and records the recall in the panel', async () => {
    const taskId = await api.assessed({ receivedAt: now() });
    await api.post(api.tokens.nurse, `/api/d-tasks/${taskId}/decision`, { kind: 'send-unit', unitLevel: 'basic', urgency: 'D' }).expect(200);
    clock.advance(31 * MINUTE);
    const { context, page } = await signIn(target, 'nurse-anna', 'nurse');
    await row(page, taskId).getByTestId('queue-recall').filter({ hasText: 'Welfare call while waiting for the unit' }).waitFor();
    const panel = await claim(page, taskId);
    const recalls = panel.getByTestId('recalls');
    const first = recalls.locator('li[data-recall-state=pending]').first();
    await first.locator('button[data-recall-outcome="no-answer"]').click();
    await first.filter({ hasText: 'attempts 1, not reached 1' }).waitFor();
    await first.locator('button[data-recall-outcome="reached"]').click();
    await first.getByTestId('save-recall').click();
    await panel.getByRole('alert').filter({ hasText: "Record the patient's condition" }).waitFor();
    await first.locator('input[value=same]').check();
    await first.getByTestId('save-recall').click();
    await recalls.locator('li[data-recall-state=done]').filter({ hasText: 'condition unchanged' }).waitFor();
    // While the unit is still on its way, the next welfare call is booked.
    await recalls.locator('li[data-recall-state=pending]').filter({ hasText: 'Welfare call' }).waitFor();
    // Taken up again after the decision, she may still record a consult (the service takes it from the holder).
    await panel.getByTestId('consult-form').locator('summary').filter({ hasText: 'Record a consult' }).click();
    await panel.locator('select[name=consultant]').selectOption('field-commander');
    await panel.locator('textarea[name=consultQuestion]').fill('The unit is late and the patient no worse: keep waiting?');
    await panel.locator('textarea[name=consultAdvice]').fill('Keep waiting; the next free unit goes.');
    await panel.getByTestId('record-consult').click();
    await panel.getByTestId('consults').filter({ hasText: 'Field commander' }).filter({ hasText: 'next free unit' }).waitFor();
    await shots(page, 'world-recalls');
    // Done with the call, she lets the task go back to wait for its unit.
    await panel.getByTestId('release').click();
    await page.locator(`[data-my-task="${taskId}"]`).waitFor({ state: 'detached' });
    const history = (await api.get(api.tokens.supervisor, `/api/d-tasks/${taskId}`).expect(200)).body.history as { type: string; data: Record<string, unknown> }[];
    expect(history.filter((event) => event.type === 'RecallCompleted').map((event) => event.data.outcome)).toEqual(['no-answer', 'reached']);
    await context.close();
  }, 90_000);
});
