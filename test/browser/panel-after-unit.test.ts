import { ManualClock } from '../../apps/dispatch-api/src/clock/clock';
import { DeadlineScheduler } from '../../apps/dispatch-api/src/d-tasks/deadline-scheduler';
import { BrowserApp, signIn, startBrowserApp } from '../support/browser-app';
import { startWithRoomToday } from '../support/helsinki-today';
import { cast } from '../support/dtask-api';
import { panelOf, row } from './desk-steps';

const MINUTE = 60_000;

/**
 * QA6's items 6 and 14, the nurse's panel once a unit is on its way. 6: a recall that found the
 * patient worse raised the unit to C, and the panel offered no further escalation (the service
 * takes one while the unit has not reached the scene). 14: the same patient's other task was still
 * offered as open after the ERC cancelled it.
 */
describe("the nurse's panel after the unit is on its way", () => {
  const clock = new ManualClock(startWithRoomToday(150));
  let target: BrowserApp;
  let api: Awaited<ReturnType<typeof cast>>;
  const ids: Record<string, string> = {};
  const personId = '150342-913B';

  beforeAll(async () => {
    target = await startBrowserApp({ SCHEDULER_INTERVAL_MS: '3600000' }, undefined, clock);
    api = await cast(target.app);
    ids.unit = await api.assessed({ receivedAt: clock.now().toISOString() });
    await api.post(api.tokens.nurse, `/api/d-tasks/${ids.unit}/decision`, { kind: 'send-unit', unitLevel: 'basic', urgency: 'D' }).expect(200);
    ids.overdue = await api.assessed({ receivedAt: clock.now().toISOString() });
    await api.post(api.tokens.nurse, `/api/d-tasks/${ids.overdue}/decision`, { kind: 'send-unit', unitLevel: 'basic', urgency: 'D' }).expect(200);
    ids.first = await api.intake({ receivedAt: clock.now().toISOString(), patient: { ageYears: 77, sex: 'male', personId } });
    ids.second = await api.intake({ receivedAt: clock.now().toISOString(), patient: { ageYears: 77, sex: 'male', personId } });
    // S8's first welfare recall falls due 30 min after the D unit's request.
    clock.advance(31 * MINUTE);
  }, 120_000);
  afterAll(() => target?.close());

  const read = async (taskId: string) =>
    (await api.get(api.tokens.supervisor, `/api/d-tasks/${taskId}`).expect(200)).body as { urgency: string; owner: string | null; history: { type: string }[] };
  const until = async (check: () => Promise<boolean>) => {
    for (let tries = 0; tries < 50 && !(await check()); tries += 1) await new Promise((resolve) => setTimeout(resolve, 200));
  };

  it('raises a unit the worse recall put at C on to B, then offers only A, in Swedish', async () => {
    const { page, context } = await signIn(target, 'nurse-anna', 'nurse', { viewport: { width: 1366, height: 900 } });
    await page.getByRole('button', { name: 'SV', exact: true }).click();
    await row(page, ids.unit!).getByRole('button', { name: 'Ta', exact: true }).click();
    const panel = panelOf(page, ids.unit!);
    await panel.locator('button[data-recall-outcome="reached"]').first().click();
    await panel.locator('[data-testid=recall-condition] input[value=worse]').check();
    await panel.getByRole('button', { name: 'Spara samtalets utfall', exact: true }).click();
    await until(async () => (await read(ids.unit!)).urgency === 'C');
    expect((await read(ids.unit!)).urgency).toBe('C');

    const escalation = panel.getByTestId('unit-escalation');
    await escalation.waitFor();
    expect(await escalation.textContent()).toContain('brådskandegrad C');
    // The worse recall's unit ended her hold: the panel's keys are not hers, so no key is shown.
    expect(await escalation.locator('kbd').count()).toBe(0);
    expect(await escalation.locator('select[name=escalateTo] option').evaluateAll((options) => options.map((option) => (option as unknown as { value: string }).value))).toEqual(['A', 'B']);
    await escalation.locator('select[name=escalateTo]').selectOption('B');
    await escalation.locator('input[name=escalationReason]').fill('Andfådd i vila, sämre igen');
    await escalation.getByRole('button', { name: 'Höj brådskandegraden', exact: true }).click();
    await until(async () => (await read(ids.unit!)).urgency === 'B');
    const raised = await read(ids.unit!);
    expect(raised.urgency).toBe('B');
    // The question she took the task up for is answered with the unit: she holds it no longer.
    expect(raised.owner).toBeNull();
    await until(async () => (await escalation.locator('select[name=escalateTo] option').count()) === 1);
    expect(await escalation.locator('select[name=escalateTo] option').allTextContents()).toEqual([expect.stringMatching(/^A/)]);

    // On scene, the crew is with the patient: nothing more to raise from here.
    await api.post(api.tokens.erc, `/api/d-tasks/${ids.unit}/mission`, { stage: 'on-scene', unitId: 'OU-1234' }).expect(200);
    await escalation.waitFor({ state: 'detached' });
    await context.close();
  }, 90_000);

  it("stops offering the same patient's other task once the ERC has cancelled it, in Swedish", async () => {
    const { page, context } = await signIn(target, 'nurse-ben', 'nurse', { viewport: { width: 1920, height: 1080 } });
    await page.getByRole('button', { name: 'SV', exact: true }).click();
    await row(page, ids.second!).getByRole('button', { name: 'Ta', exact: true }).click();
    const panel = panelOf(page, ids.second!);
    const linked = panel.getByTestId('linked-tasks');
    await linked.locator(`button[data-linked-task="${ids.first}"]`).waitFor();

    await api.post(api.tokens.erc, `/api/d-tasks/${ids.first}/cancel`, { reason: 'Potilas lähti itse päivystykseen' }).expect(200);
    await linked.waitFor({ state: 'detached', timeout: 10_000 });
    expect(await panel.textContent()).not.toContain('Samma patient har andra öppna uppdrag');
    await context.close();
  }, 90_000);

  it("lets the supervisor raise an overdue D unit from S8's tile without taking the task, in Finnish", async () => {
    clock.advance(90 * MINUTE);
    await target.app.app.get(DeadlineScheduler).tick();
    const { page, context } = await signIn(target, 'super-sari', 'supervisor', { viewport: { width: 1366, height: 900 } });
    await page.getByRole('button', { name: 'FI', exact: true }).click();
    await page.getByTestId('alert-tile-unit-overdue').locator(`li[data-task-id="${ids.overdue}"]`).getByTestId('open-task').click();
    const escalation = panelOf(page, ids.overdue!).getByTestId('unit-escalation');
    expect(await escalation.textContent()).toContain('Yksikkö on pyydetty kiireellisyydellä D');
    expect(await escalation.locator('select[name=escalateTo] option').count()).toBe(3);
    await escalation.locator('select[name=escalateTo]').selectOption('C');
    await escalation.locator('input[name=escalationReason]').fill('Yksikkö myöhässä, potilas yksin kotona');
    await escalation.getByRole('button', { name: 'Nosta kiireellisyyttä', exact: true }).click();
    await until(async () => (await read(ids.overdue!)).urgency === 'C');
    const raised = await read(ids.overdue!);
    expect(raised.urgency).toBe('C');
    expect(raised.history.filter((event) => event.type === 'DTaskClaimed')).toHaveLength(1);
    await context.close();
  }, 90_000);
});
