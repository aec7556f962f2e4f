import { join } from 'node:path';
import { Page } from 'playwright-core';
import { DeadlineScheduler } from '../../apps/dispatch-api/src/d-tasks/deadline-scheduler';
import { ARTIFACTS, BrowserApp, signIn, startBrowserApp } from '../support/browser-app';
import { cast } from '../support/dtask-api';

/**
 * The QA walk-through's wall defects: tiles that let long Finnish and Swedish words run past their
 * edge, failed and overdue visits counted as S6's returned handoffs, and a helpline's call said as a visit.
 */
describe("the supervisor's wall: its figures and tiles", () => {
  let target: BrowserApp;
  let api: Awaited<ReturnType<typeof cast>>;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    target = await startBrowserApp({ SCHEDULER_INTERVAL_MS: '3600000' });
    api = await cast(target.app);
    const { post, tokens } = api;
    const helpline = await target.app.tokenFor('partner', 'hl-1', 'helpline-116117');
    const redirect = (taskId: string, to: string) =>
      post(tokens.nurse, `/api/d-tasks/${taskId}/decision`, { kind: 'redirect', target: to, handoffNote: 'Soittakaa tai käykää tänään.', patientInformed: true }).expect(200);
    // Past the waiting limit, with the longest words the ERC's codes have.
    for (const taskCode of ['774', '794', '762']) await api.intake({ taskCode, municipality: 'Pyhäjärvi', receivedAt: new Date(Date.now() - 25 * 60_000).toISOString() });
    await target.app.app.get(DeadlineScheduler).tick();
    ids.declined = await api.assessed({ municipality: 'Oulu', taskCode: '774' });
    await redirect(ids.declined, 'oulu-home-care');
    await post(tokens.homeCare, `/api/d-tasks/${ids.declined}/handoff/decline`, { reason: 'Ei vapaita käyntiaikoja tänään.' }).expect(200);
    ids.failed = await api.assessed({ municipality: 'Oulu', taskCode: '793' });
    await redirect(ids.failed, 'oulu-home-care');
    await post(tokens.homeCare, `/api/d-tasks/${ids.failed}/handoff/accept`).expect(200);
    await post(tokens.homeCare, `/api/d-tasks/${ids.failed}/handoff/fail`, { reason: 'Potilas ei avannut ovea.' }).expect(200);
    ids.helpline = await api.assessed({ municipality: 'Raahe', taskCode: '782' });
    await redirect(ids.helpline, 'helpline-116117');
    await post(helpline, `/api/d-tasks/${ids.helpline}/handoff/accept`).expect(200);
    // A helpline's call that did not reach the patient is a failed call, not a failed visit.
    ids.helplineFailed = await api.assessed({ municipality: 'Raahe', taskCode: '703' });
    await redirect(ids.helplineFailed, 'helpline-116117');
    await post(helpline, `/api/d-tasks/${ids.helplineFailed}/handoff/accept`).expect(200);
    await post(helpline, `/api/d-tasks/${ids.helplineFailed}/handoff/fail`, { reason: 'Potilas ei vastannut.' }).expect(200);
    ids.homeVisit = await api.assessed({ municipality: 'Oulu', taskCode: '745' });
    await redirect(ids.homeVisit, 'oulu-home-care');
    await post(tokens.homeCare, `/api/d-tasks/${ids.homeVisit}/handoff/accept`).expect(200);
  }, 180_000);
  afterAll(() => target?.close());

  const choose = (page: Page, language: 'fi' | 'sv') => page.getByRole('button', { name: language.toUpperCase(), exact: true }).click();

  it('counts a failed visit on its own, not as a returned handoff (S6), and says so in the banner', async () => {
    const { page, context } = await signIn(target, 'super-sari', 'supervisor', { viewport: { width: 1920, height: 1080 } });
    const s6 = page.getByTestId('alert-tile-handoff-returned');
    await s6.locator(`li[data-task-id="${ids.declined}"]`).waitFor();
    expect(await Promise.all((await s6.locator('li').all()).map((item) => item.getAttribute('data-task-id')))).toEqual([ids.declined]);
    expect(await page.getByTestId('alert-count-handoff-returned').textContent()).toBe('1');
    const failed = page.getByTestId('wall-failed-visits');
    await failed.locator(`li[data-task-id="${ids.failed}"]`).filter({ hasText: /visit failed, reported at \d\d:\d\d/ }).waitFor();
    await choose(page, 'fi');
    await failed.getByText('Epäonnistuneet käynnit ja soitot').waitFor();
    await page.getByTestId('wall-banner').filter({ hasText: 'palautuneita siirtoja 1' }).filter({ hasText: 'epäonnistuneita käyntejä tai soittoja 2' }).waitFor();
    // Each by its service's kind: home care's visit, the helpline's call.
    const call = failed.locator(`li[data-task-id="${ids.helplineFailed}"]`);
    await call.filter({ hasText: /soitto ei tavoittanut potilasta, ilmoitettu klo \d\d\.\d\d/ }).waitFor();
    expect(await call.textContent()).not.toContain('käynti');
    await failed.locator(`li[data-task-id="${ids.failed}"]`).filter({ hasText: /käynti epäonnistui, ilmoitettu klo \d\d\.\d\d/ }).waitFor();
    await choose(page, 'sv');
    await failed.getByText('Misslyckade besök och samtal').waitFor();
    await call.filter({ hasText: /samtalet nådde inte patienten, anmält kl\. \d\d\.\d\d/ }).waitFor();
    expect(await call.textContent()).not.toContain('besök');
    await choose(page, 'fi');
    // Recalls due have a figure of their own beside the longest wait.
    await page.getByTestId('wall-recalls-due').filter({ hasText: /^0$/ }).waitFor();
    await context.close();
  }, 60_000);

  it('says a helpline calls the patient and home care visits, in Finnish and Swedish', async () => {
    const { page, context } = await signIn(target, 'super-sari', 'supervisor', { viewport: { width: 1920, height: 1080 } });
    const awaiting = page.getByTestId('wall-referrals-visit');
    const helpline = awaiting.locator(`li[data-task-id="${ids.helpline}"]`);
    const homeVisit = awaiting.locator(`li[data-task-id="${ids.homeVisit}"]`);
    await helpline.filter({ hasText: 'Päivystysapu 116117' }).waitFor();
    await choose(page, 'fi');
    await helpline.filter({ hasText: 'soitto raportoitava viimeistään' }).waitFor();
    await homeVisit.filter({ hasText: 'käynti raportoitava viimeistään' }).waitFor();
    expect(await helpline.textContent()).not.toContain('käynti');
    await page.getByText('Odottaa käyntiä tai soittoa').waitFor();
    await choose(page, 'sv');
    await helpline.filter({ hasText: 'samtalet rapporteras senast' }).waitFor();
    // The areas by their Swedish names where they have one.
    await page.getByTestId('wall-areas').getByText('Uleåborgs södra').waitFor();
    await context.close();
  }, 60_000);

  for (const width of [1366, 1920]) {
    it(`lets nothing run past a tile's edge at ${width} px, in Finnish and Swedish, on the desk and full screen`, async () => {
      const { page, context } = await signIn(target, 'super-sari', 'supervisor', { viewport: { width, height: 1080 } });
      await page.getByTestId('alert-tile-s2-alert').locator('li').nth(2).waitFor();
      // (Page code as a string: the tests compile without the DOM library.)
      const overflowing = () =>
        page.evaluate(`[...document.querySelectorAll('.wall-tile, .wall-tile *, .wall-referral-group, .wall-referral-group *')]
          .filter((el) => el.clientWidth > 0 && el.scrollWidth > el.clientWidth + 1)
          .map((el) => el.className + ': ' + el.textContent.slice(0, 60))`) as Promise<string[]>;
      for (const language of ['fi', 'sv'] as const) {
        // The language first: full screen covers its buttons.
        await choose(page, language);
        await page.getByTestId('wall-banner').filter({ hasText: language === 'fi' ? 'varoitus' : 'varning' }).waitFor();
        for (const wallMode of [false, true]) {
          if (wallMode) await page.getByTestId('wall-mode-toggle').click();
          await page.locator(`[data-testid="supervisor-wall"][data-wall-mode="${wallMode}"]`).waitFor();
          await page.screenshot({ path: join(ARTIFACTS, `wall-tiles-${language}-${width}${wallMode ? '-full' : ''}.png`), fullPage: !wallMode });
          expect(await overflowing()).toEqual([]);
        }
        await page.getByTestId('wall-mode-toggle').click();
      }
      await context.close();
    }, 90_000);
  }
});
