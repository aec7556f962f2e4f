import { ManualClock } from '../../apps/dispatch-api/src/clock/clock';
import { DeadlineScheduler } from '../../apps/dispatch-api/src/d-tasks/deadline-scheduler';
import { BrowserApp, signIn, startBrowserApp } from '../support/browser-app';
import { startWithRoomToday } from '../support/helsinki-today';
import { cast } from '../support/dtask-api';
import { panelOf } from './desk-steps';

const MINUTE = 60_000;

/**
 * QA6's second defect, S8's tiles: "unit overdue" opened a panel that offered only to book another
 * recall, and "recalls failed" on a nurse's task offered nothing. The supervisor now claims the task
 * no one holds, or takes the nurse's over, and records the due recall herself.
 */
describe("the supervisor acts from S8's tiles", () => {
  const clock = new ManualClock(startWithRoomToday(150));
  let target: BrowserApp;
  let api: Awaited<ReturnType<typeof cast>>;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    target = await startBrowserApp({ SCHEDULER_INTERVAL_MS: '3600000' }, undefined, clock);
    api = await cast(target.app);
    const { post, tokens } = api;
    const waitingForUnit = async () => {
      const taskId = await api.assessed({ receivedAt: clock.now().toISOString() });
      await post(tokens.nurse, `/api/d-tasks/${taskId}/decision`, { kind: 'send-unit', unitLevel: 'basic', urgency: 'D' }).expect(200);
      return taskId;
    };
    ids.overdue = await waitingForUnit();
    ids.failed = await waitingForUnit();
    clock.advance(31 * MINUTE);
    // nurse-anna calls twice and does not reach the patient: S8 alerts, and she still holds the task.
    await post(tokens.nurse, `/api/d-tasks/${ids.failed}/claim`).expect(200);
    const recallId = ((await api.get(tokens.nurse, `/api/d-tasks/${ids.failed}`).expect(200)).body.recalls as { recallId: string }[])[0]!.recallId;
    for (let call = 0; call < 2; call += 1) await post(tokens.nurse, `/api/d-tasks/${ids.failed}/recalls/${recallId}`, { outcome: 'no-answer' }).expect(200);
    clock.advance(90 * MINUTE);
    await target.app.app.get(DeadlineScheduler).tick();
  }, 120_000);
  afterAll(() => target?.close());

  /** Who recorded the task's recall attempts. */
  const recordedBy = async (taskId: string) =>
    ((await api.get(api.tokens.supervisor, `/api/d-tasks/${taskId}`).expect(200)).body.history as { type: string; metadata: { actor: { id: string } } }[])
      .filter((event) => event.type === 'RecallCompleted')
      .map((event) => event.metadata.actor.id);
  const ownerOf = async (taskId: string) => (await api.get(api.tokens.supervisor, `/api/d-tasks/${taskId}`).expect(200)).body.owner as string | null;

  it('claims the overdue unit\'s task in Finnish and takes over the failed recalls\' task in Swedish, then records the recall', async () => {
    const { page, context } = await signIn(target, 'super-sari', 'supervisor', { viewport: { width: 1366, height: 900 } });
    const open = async (kind: string, taskId: string) => {
      await page.getByTestId(`alert-tile-${kind}`).locator(`li[data-task-id="${taskId}"]`).getByTestId('open-task').click();
      return panelOf(page, taskId);
    };

    await page.getByRole('button', { name: 'FI', exact: true }).click();
    const overdue = await open('unit-overdue', ids.overdue!);
    await overdue.getByRole('button', { name: 'Ota tehtävä', exact: true }).click();
    await overdue.locator('button[data-recall-outcome="no-answer"]').first().click();
    for (let tries = 0; tries < 50 && !(await recordedBy(ids.overdue!)).includes('super-sari'); tries += 1) await page.waitForTimeout(200);
    expect(await recordedBy(ids.overdue!)).toContain('super-sari');
    expect(await ownerOf(ids.overdue!)).toBe('super-sari');

    await page.getByRole('button', { name: 'SV', exact: true }).click();
    const failed = await open('recalls-failed', ids.failed!);
    await failed.getByRole('button', { name: 'Ta över uppdraget', exact: true }).click();
    expect(await failed.getByTestId('take-over-confirmation').textContent()).toContain('nurse-anna');
    await failed.getByTestId('take-over-confirmation').getByRole('button', { name: 'Ta över', exact: true }).click();
    await failed.locator('button[data-recall-outcome="reached"]').first().waitFor();
    expect(await ownerOf(ids.failed!)).toBe('super-sari');
    await context.close();
  }, 90_000);
});
