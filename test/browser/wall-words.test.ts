import { Page } from 'playwright-core';
import { ManualClock } from '../../apps/dispatch-api/src/clock/clock';
import { helsinkiTime } from '../../apps/console/src/format';
import { BrowserApp, signIn, startBrowserApp } from '../support/browser-app';
import { cast } from '../support/dtask-api';
import { startWithRoomToday } from '../support/helsinki-today';
import { panelOf, row } from './desk-steps';
import { shotsInFinnishAndSwedish } from './language-shots';

const MINUTE = 60_000;
const assessment = { redFlags: [], concern: false, symptoms: 'Kaatui kotona, ei kipuja', existingServices: [], notes: '', identity: 'verified' };

/**
 * QA pass 6 on the wall's words: a task given phone advice said "unit sent" on its tile, the longest
 * wait read "–" while returned tasks waited, 1.25 unit hours read "1 enhetstimmar"; and the nurse
 * was told less of the field commander's unit than of one S1 or S2 sent.
 */
describe("the wall's words and the field commander's unit", () => {
  let target: BrowserApp;
  let api: Awaited<ReturnType<typeof cast>>;
  // One Helsinki day holds all: today's figures count the advice.
  const clock = new ManualClock(startWithRoomToday(3 * 60));
  const ids: Record<string, string> = {};
  let followUpAt = '';

  beforeAll(async () => {
    target = await startBrowserApp({ SCHEDULER_INTERVAL_MS: '3600000' }, undefined, clock);
    api = await cast(target.app);
    const { post, tokens } = api;
    const reachAndAssess = async (taskId: string) => {
      await post(tokens.nurse, `/api/d-tasks/${taskId}/callbacks`, { outcome: 'reached' }).expect(200);
      await post(tokens.nurse, `/api/d-tasks/${taskId}/assessment`, assessment).expect(200);
    };
    // The report's steps: reached, a repeat call, reached and assessed again, advice with a follow-up.
    ids.advised = await api.intake({ receivedAt: clock.now().toISOString(), taskCode: '745', municipality: 'Oulu' });
    await post(tokens.nurse, `/api/d-tasks/${ids.advised}/claim`).expect(200);
    await reachAndAssess(ids.advised);
    clock.advance(2 * MINUTE);
    await post(tokens.erc, `/api/d-tasks/${ids.advised}/erc-update`, { kind: 'repeat-call', notes: 'Tytär soitti uudelleen' }).expect(200);
    clock.advance(2 * MINUTE);
    await reachAndAssess(ids.advised);
    followUpAt = new Date(clock.now().getTime() + 45 * MINUTE).toISOString();
    await post(tokens.nurse, `/api/d-tasks/${ids.advised}/decision`, {
      kind: 'phone-advice', advice: 'Lepää ja juo.', safetyNet: 'Soita 112, jos vointi huononee.', patientInformed: true, careLevel: 'self-care', followUpAt,
    }).expect(200);
    // Advice with no follow-up closes the task: resolved without a unit, 75 min of a unit saved.
    ids.closed = await api.assessed({ receivedAt: clock.now().toISOString() });
    await post(tokens.nurse, `/api/d-tasks/${ids.closed}/decision`, { kind: 'phone-advice', advice: 'Lepää.', safetyNet: 'Soita 112.', patientInformed: true, careLevel: 'self-care' }).expect(200);
    // A task home care gave back: it waits in the queue, but not for its first decision.
    ids.returned = await api.assessed({ receivedAt: clock.now().toISOString(), municipality: 'Oulu' });
    await post(tokens.nurse, `/api/d-tasks/${ids.returned}/decision`, { kind: 'redirect', target: 'oulu-home-care', handoffNote: 'Käykää tänään.', patientInformed: true }).expect(200);
    await post(tokens.homeCare, `/api/d-tasks/${ids.returned}/handoff/decline`, { reason: 'Ei vapaita käyntiaikoja.' }).expect(200);
  }, 180_000);
  afterAll(() => target?.close());

  const choose = (page: Page, language: 'fi' | 'sv' | 'en') => page.getByRole('button', { name: language.toUpperCase(), exact: true }).click();

  async function wall() {
    const { page, context } = await signIn(target, 'super-sari', 'supervisor', { viewport: { width: 1920, height: 1080 } });
    await page.getByTestId('alert-tile-repeat-call').locator(`li[data-task-id="${ids.advised}"]`).waitFor();
    return { page, context };
  }

  it('says on the tile the decision made: advice with its follow-up call, not a unit sent', async () => {
    const { page, context } = await wall();
    const tile = page.getByTestId('alert-tile-repeat-call').locator(`li[data-task-id="${ids.advised}"]`);
    await choose(page, 'fi');
    await tile.filter({ hasText: `neuvottu puhelimessa, takaisinsoitto klo ${helsinkiTime(followUpAt, 'fi')}` }).waitFor();
    expect(await tile.textContent()).not.toContain('yksikkö lähetetty');
    await choose(page, 'sv');
    await tile.filter({ hasText: `telefonrådgivning given, återuppringning kl. ${helsinkiTime(followUpAt, 'sv')}` }).waitFor();
    expect(await tile.textContent()).not.toContain('enhet skickad');
    await shotsInFinnishAndSwedish(page, 'wall-words');
    await context.close();
  }, 90_000);

  it('says what the longest wait counts, and that the queue holds others when it reads "–"', async () => {
    const { page, context } = await wall();
    const oldest = page.locator('.wall-figure').filter({ has: page.getByTestId('wall-oldest-wait') });
    await choose(page, 'fi');
    await oldest.filter({ hasText: 'Pisin odotus, uudet tehtävät' }).waitFor();
    expect(await page.getByTestId('wall-oldest-wait').textContent()).toBe('–');
    expect(await oldest.textContent()).toContain('jonossa on takaisinsoittoja tai palautuneita');
    await choose(page, 'sv');
    await oldest.filter({ hasText: 'Längsta väntan, nya uppdrag' }).waitFor();
    // The longer words still leave every tile whole on a 1366×768 wall (page code as a string: no DOM library here).
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.getByTestId('wall-mode-toggle').click();
    await page.locator('[data-testid="supervisor-wall"][data-wall-mode="true"]').waitFor();
    const cut = await page.evaluate(`[...document.querySelectorAll('.wall-mode .wall-tile')]
      .filter((el) => { const box = el.getBoundingClientRect(); return box.bottom > window.innerHeight || box.right > window.innerWidth || el.scrollWidth > el.clientWidth + 1; })
      .map((el) => el.textContent.slice(0, 40))`);
    expect(cut).toEqual([]);
    await context.close();
  }, 90_000);

  it('writes 1.25 unit hours with one decimal as each language does', async () => {
    const { page, context } = await wall();
    const reduction = page.locator('.wall-reduction');
    await reduction.filter({ hasText: '1.3 unit-hours avoided' }).waitFor();
    await choose(page, 'fi');
    await reduction.filter({ hasText: 'säästetty 1,3 yksikkötuntia' }).waitFor();
    await choose(page, 'sv');
    await reduction.filter({ hasText: '1,3 enhetstimmar sparade' }).waitFor();
    expect(await reduction.textContent()).not.toMatch(/\b1 enhetstimmar/);
    await context.close();
  }, 90_000);

  /** A task a nurse holds, the field commander's unit put on it while she does. */
  async function fieldUnit() {
    const taskId = await api.intake({ receivedAt: clock.now().toISOString() });
    const { context, page } = await signIn(target, 'nurse-otto', 'nurse');
    await row(page, taskId).getByRole('button', { name: 'Claim' }).click();
    const panel = panelOf(page, taskId);
    await panel.locator('[data-section=callback]').waitFor();
    await api.post(api.tokens.erc, `/api/d-tasks/${taskId}/mission`, { stage: 'unit-assigned', unitId: 'OU-1234', requestedBy: 'field-commander' }).expect(200);
    await panel.getByTestId('field-unit').filter({ hasText: 'The field commander attached unit OU-1234' }).waitFor();
    return { taskId, context, page, panel };
  }

  it("tells the nurse what to do while the field commander's unit is on its way, as for S1's and S2's", async () => {
    const { context, page, panel } = await fieldUnit();
    const unit = panel.getByTestId('field-unit');
    await choose(page, 'fi');
    await unit.filter({ hasText: 'jos tavoitat potilaan ja vointi on huonontunut, ilmoita kenttäjohtajalle' }).waitFor();
    await choose(page, 'sv');
    await unit.filter({ hasText: 'om du når patienten och tillståndet har försämrats, meddela fältchefen' }).waitFor();
    await context.close();
  }, 90_000);

  it("says how the unit's mission ended: whether the patient was conveyed", async () => {
    const { taskId, context, page, panel } = await fieldUnit();
    clock.advance(40 * MINUTE);
    await api.post(api.tokens.erc, `/api/d-tasks/${taskId}/mission`, { stage: 'completed', unitId: 'OU-1234', conveyed: false, xCode: 'X-5' }).expect(200);
    const ended = panel.getByTestId('mission-completed');
    await choose(page, 'sv');
    await ended.filter({ hasText: 'patienten transporterades inte (X-5)' }).waitFor();
    await choose(page, 'fi');
    await ended.filter({ hasText: `Yksikön OU-1234 tehtävä päättyi klo ${helsinkiTime(clock.now().toISOString(), 'fi')}: potilasta ei kuljetettu (X-5).` }).waitFor();
    await shotsInFinnishAndSwedish(page, 'panel-field-unit-ended', panel);
    await context.close();
  }, 90_000);
});
