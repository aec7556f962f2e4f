import { mkdirSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Browser, Page } from 'playwright-core';
import { ARTIFACTS, BrowserApp, startBrowserApp } from '../support/browser-app';
import { cast } from '../support/dtask-api';
import { startTestApp } from '../support/test-app';

const SHOTS = '/tmp/shots/partner';

describe('the receiving service answers a redirect in a real browser', () => {
  let target: BrowserApp;
  let baseUrl: string;
  let browser: Browser;
  let api: Awaited<ReturnType<typeof cast>>;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    target = await startBrowserApp();
    ({ baseUrl, browser } = target);
    api = await cast(target.app);
  }, 180_000);
  afterAll(() => target?.close());

  /** Claimed, reached and assessed by nurse-anna, not yet decided. */
  async function assessed(overrides: Record<string, unknown>, symptoms: string) {
    const { post, tokens } = api;
    const taskId = await api.intake(overrides);
    await post(tokens.nurse, `/api/d-tasks/${taskId}/claim`).expect(200);
    await post(tokens.nurse, `/api/d-tasks/${taskId}/callbacks`, { outcome: 'reached' }).expect(200);
    await post(tokens.nurse, `/api/d-tasks/${taskId}/assessment`, { redFlags: [], concern: false, symptoms, existingServices: ['home-care'], notes: '' }).expect(200);
    return taskId;
  }
  const redirect = (taskId: string, handoffNote: string) =>
    api.post(api.tokens.nurse, `/api/d-tasks/${taskId}/decision`, { kind: 'redirect', target: 'oulu-home-care', handoffNote, patientInformed: true }).expect(200);

  async function signInAsHomeCare(page: Page, language: 'EN' | 'FI' | 'SV' = 'EN') {
    await page.goto(baseUrl);
    await page.getByRole('button', { name: 'EN' }).click();
    await page.fill('input[name=user]', 'kotihoito-2');
    await page.selectOption('select[name=role]', 'partner');
    // The sign-in offers the directory's services as a select (or, until it does, a text field).
    const select = page.locator('select[name=service]');
    if (await select.count()) await select.selectOption('oulu-home-care');
    else await page.fill('input[name=service]', 'oulu-home-care');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByTestId('connection').filter({ hasText: 'Live' }).waitFor();
    if (language !== 'EN') await page.getByRole('button', { name: language, exact: true }).click();
  }

  it('reads a referral, cancels a decline without sending it, declines with a reason, and the task returns to the queue', async () => {
    const aino = await assessed(
      { municipality: 'Oulu', address: 'Kirkkokatu 5 B 12', callbackPhone: '+358 40 111 2233', patient: { ageYears: 91, sex: 'female', personId: '010135-123A' } },
      'Kaatunut kotona, ei pääse ylös omin avuin.',
    );
    const bertil = await assessed({ municipality: 'Hailuoto', address: 'Marjaniementie 3', callbackPhone: '+358409998877', patient: { ageYears: 78, sex: 'male' } }, 'Kotona pärjääminen heikentynyt.');
    await redirect(aino, 'Käynti tänään, lääkkeet jääneet ottamatta.');
    await redirect(bertil, 'Tarvitsee apua iltaisin.');

    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const page = await context.newPage();
    const answers: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && /\/handoff\//.test(request.url())) answers.push(request.url());
    });
    await signInAsHomeCare(page);

    const list = page.getByTestId('partner-list');
    await list.locator(`button[data-task-id="${aino}"]`).click();
    const detail = page.locator(`[data-testid=referral][data-task-id="${aino}"]`);
    await expect(detail.getByTestId('referral-reason').textContent()).resolves.toBe('Kaatunut kotona, ei pääse ylös omin avuin.');
    await expect(detail.getByTestId('referral-note').textContent()).resolves.toBe('Käynti tänään, lääkkeet jääneet ottamatta.');
    await expect(detail.getByTestId('referral-patient').textContent()).resolves.toBe('Female, 91 years');
    await expect(detail.getByTestId('referral-address').textContent()).resolves.toBe('Kirkkokatu 5 B 12');
    await expect(detail.getByTestId('referral-phone').getAttribute('href')).resolves.toBe('tel:+358401112233');
    expect(await detail.getByTestId('answer-by').textContent()).toMatch(/^Answer by \d{2}:\d{2} \((29|30) min\)$/);
    expect(await detail.textContent()).not.toContain('010135-123A');

    // A decline started on one patient does not follow to another.
    await detail.getByRole('button', { name: 'Decline…' }).click();
    await detail.locator('textarea[name=declineReason]').fill('kirjoitettu Ainon lähetteeseen');
    await list.locator(`button[data-task-id="${bertil}"]`).click();
    const other = page.locator(`[data-testid=referral][data-task-id="${bertil}"]`);
    await expect(other.getByTestId('referral-patient').textContent()).resolves.toBe('Male, 78 years');
    expect(await other.getByTestId('decline-form').count()).toBe(0);
    await list.locator(`button[data-task-id="${aino}"]`).click();
    expect(await detail.getByTestId('decline-form').count()).toBe(0);

    // Decline, then cancel: nothing is sent and the referral still waits.
    await detail.getByRole('button', { name: 'Decline…' }).click();
    const send = detail.getByRole('button', { name: 'Send the decline' });
    expect(await send.isDisabled()).toBe(true);
    await detail.locator('textarea[name=declineReason]').fill('   ');
    expect(await send.isDisabled()).toBe(true);
    await detail.locator('textarea[name=declineReason]').fill('Ei vapaata käyntiaikaa');
    expect(await send.isDisabled()).toBe(false);
    await detail.getByRole('button', { name: 'Cancel' }).click();
    expect(await detail.getByTestId('decline-form').count()).toBe(0);
    await page.waitForTimeout(300);
    expect(answers).toEqual([]);
    const stillWaiting = (await api.get(api.tokens.nurse, '/api/d-tasks?status=awaiting-handoff').expect(200)).body.tasks.map((task: { taskId: string }) => task.taskId);
    expect(stillWaiting).toContain(aino);

    // Decline with a reason.
    await detail.getByRole('button', { name: 'Decline…' }).click();
    await detail.locator('textarea[name=declineReason]').fill('Ei vapaata käyntiaikaa tänään, soittakaa huomenna.');
    await page.screenshot({ path: join(SHOTS, 'partner-decline-en-1366.png'), fullPage: true });
    await send.click();
    const notice = page.getByTestId('partner-notice');
    await notice.filter({ hasText: 'Declined: Oulu, female, 91 years' }).waitFor();
    await page.screenshot({ path: join(SHOTS, 'partner-declined-en-1366.png'), fullPage: true });
    await list.locator(`button[data-task-id="${aino}"]`).waitFor({ state: 'detached' });
    expect(answers).toEqual([`${baseUrl}/api/d-tasks/${aino}/handoff/decline`]);

    // Back in the nurses' queue, first, flagged as a returned handoff, with the partner's reason on record.
    const queue = (await api.get(api.tokens.nurse, '/api/d-tasks?status=waiting').expect(200)).body.tasks;
    expect(queue[0]).toMatchObject({ taskId: aino, flags: expect.arrayContaining(['handoff-returned']) });
    const history = (await api.get(api.tokens.supervisor, `/api/d-tasks/${aino}`).expect(200)).body.history;
    expect(history.at(-1)).toMatchObject({ type: 'HandoffDeclined', data: { reason: 'Ei vapaata käyntiaikaa tänään, soittakaa huomenna.', target: 'oulu-home-care' } });

    // Redirected here again after a new call: it is back in the list, as a new referral.
    await api.post(api.tokens.nurse, `/api/d-tasks/${aino}/claim`).expect(200);
    // A returned patient is reached and assessed again before a new redirect (domain.md).
    await api.post(api.tokens.nurse, `/api/d-tasks/${aino}/callbacks`, { outcome: 'reached' }).expect(200);
    await api.post(api.tokens.nurse, `/api/d-tasks/${aino}/assessment`, { redFlags: [], concern: false, symptoms: 'Kaatunut kotona, pääsee nyt ylös.', existingServices: ['home-care'], notes: '' }).expect(200);
    await redirect(aino, 'Soitettu uudelleen: käynti huomenna aamulla.');
    await list.locator(`button[data-task-id="${aino}"]`).click();
    await expect(detail.getByTestId('referral-note').textContent()).resolves.toBe('Soitettu uudelleen: käynti huomenna aamulla.');
    await detail.getByRole('button', { name: 'Accept the patient' }).click();
    await list.locator(`button[data-task-id="${aino}"]`).waitFor({ state: 'detached' });

    // Accept the other one: the list is empty and says so.
    await list.locator(`button[data-task-id="${bertil}"]`).click();
    await other.getByRole('button', { name: 'Accept the patient' }).click();
    await notice.filter({ hasText: 'Accepted: Hailuoto, male, 78 years' }).waitFor();
    await page.getByTestId('partner-empty').waitFor();
    await context.close();
  }, 90_000);

  it('refetches the inbox when redirects arrive live, at most once per 500 ms', async () => {
    const tasks: string[] = [];
    for (let i = 0; i < 6; i += 1) tasks.push(await assessed({ municipality: i % 2 ? 'Hailuoto' : 'Oulu', patient: { ageYears: 70 + i, sex: 'female' } }, `oire ${i}`));
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const page = await context.newPage();
    await signInAsHomeCare(page);
    await page.getByTestId('partner-empty').waitFor();
    const fetches: number[] = [];
    page.on('request', (request) => {
      if (request.method() === 'GET' && request.url().endsWith('/api/handoffs')) fetches.push(Date.now());
    });
    // A burst: six redirects at once, six live events within a few milliseconds.
    await Promise.all(tasks.map((taskId, i) => redirect(taskId, `viesti ${i}`)));
    for (const taskId of tasks) await page.getByTestId('partner-list').locator(`button[data-task-id="${taskId}"]`).waitFor();
    await page.waitForTimeout(1200);
    expect(fetches.length).toBeGreaterThanOrEqual(1);
    expect(fetches.length).toBeLessThan(tasks.length);
    const gaps = fetches.slice(1).map((at, i) => at - fetches[i]!);
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(450);
    for (const taskId of tasks) {
      await api.post(api.tokens.homeCare, `/api/d-tasks/${taskId}/handoff/accept`).expect(200);
      // Accepted stays in the inbox until the visit is reported (v1.1): report it, so the inbox is empty again.
      await api.post(api.tokens.homeCare, `/api/d-tasks/${taskId}/handoff/complete`, { visitedAt: new Date().toISOString() }).expect(200);
    }
    await context.close();
  }, 90_000);

  it('warns with a word and a symbol when little time is left to answer', async () => {
    // A service whose S6 limit is 3 minutes: every referral is already short of time.
    const short = await startTestApp({ S6_HANDOFF_MINUTES: '3' });
    try {
      await short.app.listen(0, '127.0.0.1');
      const url = `http://127.0.0.1:${(short.app.getHttpServer().address() as AddressInfo).port}`;
      const shortApi = await cast(short);
      const taskId = await shortApi.assessed({ municipality: 'Hailuoto', patient: { ageYears: 80, sex: 'other' } });
      await shortApi.post(shortApi.tokens.nurse, `/api/d-tasks/${taskId}/decision`, { kind: 'redirect', target: 'oulu-home-care', handoffNote: 'Käynti heti.', patientInformed: true }).expect(200);
      const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
      const page = await context.newPage();
      const token = await short.tokenFor('partner', 'kotihoito-3', 'oulu-home-care');
      // Straight into a signed-in console, as the sign-in would leave it.
      const session = JSON.stringify({ token, sub: 'kotihoito-3', role: 'partner', service: 'oulu-home-care' });
      await page.addInitScript({ content: `sessionStorage.setItem('dtask-session', ${JSON.stringify(session)});` });
      await page.goto(url);
      await page.getByRole('button', { name: 'FI', exact: true }).click();
      await page.getByTestId('partner-list').locator(`button[data-task-id="${taskId}"]`).click();
      const answerBy = page.locator(`[data-testid=referral][data-task-id="${taskId}"]`).getByTestId('answer-by');
      expect(await answerBy.textContent()).toMatch(/^⚠ Aikaa vähän: Vastattava klo \d{2}\.\d{2} mennessä \((2|3) min\)$/);
      expect(await page.locator(`[data-testid=referral][data-task-id="${taskId}"]`).getByTestId('referral-patient').textContent()).toBe('Muu sukupuoli, 80 v');
      await page.screenshot({ path: join(SHOTS, 'partner-fi-1366-soon.png'), fullPage: true });
      await context.close();
    } finally {
      await short.close();
    }
  }, 60_000);

  it('looks right in Finnish and Swedish, at 1920×1080 and 1366×768', async () => {
    const taskId = await assessed(
      { municipality: 'Oulu', address: 'Isokatu 12 A 3', callbackPhone: '+358401234567', patient: { ageYears: 87, sex: 'female' } },
      'Huimausta aamusta asti, syönyt huonosti. Ei rintakipua eikä hengenahdistusta.',
    );
    await redirect(taskId, 'Kotihoidon käynti tänään: verenpaine ja lääkelista tarkistettava. Tytär paikalla iltaan asti.');
    const other = await assessed({ municipality: 'Hailuoto', patient: { ageYears: 79, sex: 'male' } }, 'Kotona pärjääminen heikentynyt.');
    await redirect(other, 'Tarvitsee apua iltaisin.');
    for (const [language, answerBy] of [
      ['FI', /^Vastattava klo \d{2}\.\d{2} mennessä \((29|30) min\)$/],
      ['SV', /^Svara senast kl\. \d{2}[.:]\d{2} \((29|30) min\)$/],
    ] as const) {
      for (const [width, height] of [
        [1920, 1080],
        [1366, 768],
      ] as const) {
        const context = await browser.newContext({ viewport: { width, height } });
        const page = await context.newPage();
        await signInAsHomeCare(page, language);
        await page.getByTestId('partner-list').locator(`button[data-task-id="${taskId}"]`).click();
        const detail = page.locator(`[data-testid=referral][data-task-id="${taskId}"]`);
        expect(await detail.getByTestId('answer-by').textContent()).toMatch(answerBy);
        await page.screenshot({ path: join(SHOTS, `partner-${language.toLowerCase()}-${width}.png`), fullPage: true });
        await detail.locator('.partner-actions button').nth(1).click();
        await detail.locator('textarea[name=declineReason]').fill(language === 'FI' ? 'Ei vapaata käyntiaikaa tänään.' : 'Ingen ledig besökstid i dag.');
        await page.screenshot({ path: join(SHOTS, `partner-${language.toLowerCase()}-${width}-decline.png`), fullPage: true });
        if (width === 1920) await page.screenshot({ path: join(ARTIFACTS, `partner-${language.toLowerCase()}.png`), fullPage: true });
        await context.close();
      }
    }
  }, 120_000);
});
