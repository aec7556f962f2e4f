import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/chromium';
import { cast } from '../support/dtask-api';
import { startTestApp, TestApp } from '../support/test-app';

const ARTIFACTS = join(__dirname, '..', 'artifacts');

describe('console in a real browser', () => {
  let app: TestApp;
  let baseUrl: string;
  let browser: Browser;
  let api: Awaited<ReturnType<typeof cast>>;

  beforeAll(async () => {
    execFileSync(process.execPath, [join(__dirname, '..', '..', 'scripts', 'build-console-if-stale.js')], { stdio: 'ignore' });
    mkdirSync(ARTIFACTS, { recursive: true });
    app = await startTestApp();
    await app.app.listen(0, '127.0.0.1');
    baseUrl = `http://127.0.0.1:${(app.app.getHttpServer().address() as AddressInfo).port}`;
    api = await cast(app);
    browser = await launchChromium();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  async function signIn(page: Page, user: string, role: string) {
    await page.goto(baseUrl);
    await page.getByRole('button', { name: 'EN' }).click();
    await page.fill('input[name=user]', user);
    await page.selectOption('select[name=role]', role);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByTestId('connection').filter({ hasText: 'Live' }).waitFor();
  }

  it('a nurse triages a task to phone advice while a supervisor watches the wall change live', async () => {
    const taskId = await api.intake({ municipality: 'Oulu', patient: { ageYears: 82 } });
    const nurseContext = await browser.newContext();
    const supervisorContext = await browser.newContext();
    const nurse = await nurseContext.newPage();
    const supervisor = await supervisorContext.newPage();
    await signIn(nurse, 'nurse-anna', 'nurse');
    await signIn(supervisor, 'super-sari', 'supervisor');

    const wallQueue = supervisor.getByTestId('wall-queue-length');
    await wallQueue.filter({ hasText: /^[1-9]/ }).waitFor();
    const queueBefore = Number(await wallQueue.textContent());
    const adviceBefore = Number(await supervisor.getByTestId('mix-advice').textContent());

    const row = nurse.locator(`tr[data-task-id="${taskId}"]`);
    await row.getByRole('button', { name: 'Claim' }).click();
    const panel = nurse.getByTestId('task-panel');
    await panel.locator('button[data-outcome="no-answer"]').click();
    await panel.locator('[data-event-type=CallbackAttempted]').first().waitFor({ state: 'attached' });
    await panel.locator('button[data-outcome="reached"]').click();
    await panel.locator('textarea[name=symptoms]').fill('Dizzy since the morning, no chest pain.');
    await panel.getByRole('button', { name: 'Save assessment' }).click();
    await panel.locator('[data-event-type=AssessmentRecorded]').waitFor({ state: 'attached' });
    await panel.getByRole('tab', { name: 'Phone advice' }).click();
    await panel.locator('textarea[name=advice]').fill('Rest, drink, take your usual medicines.');
    await panel.locator('textarea[name=safetyNet]').fill('Call 112 again if you faint or get chest pain.');
    await panel.locator('input[name=patientInformed]').check();
    await nurse.screenshot({ path: join(ARTIFACTS, 'nurse-desk.png'), fullPage: true });
    await panel.getByRole('button', { name: 'Confirm' }).click();

    await row.waitFor({ state: 'detached' });
    // The supervisor's wall follows without a reload.
    await supervisor.getByTestId('mix-advice').filter({ hasText: String(adviceBefore + 1) }).waitFor();
    await wallQueue.filter({ hasText: String(queueBefore - 1) }).waitFor();
    await supervisor.screenshot({ path: join(ARTIFACTS, 'supervisor-wall.png'), fullPage: true });
    await nurseContext.close();
    await supervisorContext.close();
  }, 60_000);

  it('shows a lost connection, then catches up with what happened meanwhile', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, 'nurse-cai', 'nurse');
    await context.setOffline(true);
    await page.getByTestId('connection').filter({ hasText: 'reconnecting' }).waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'reconnecting.png') });
    const taskId = await api.intake({ municipality: 'Kuusamo' });
    await context.setOffline(false);
    await page.getByTestId('connection').filter({ hasText: 'Live' }).waitFor({ timeout: 20_000 });
    await page.locator(`tr[data-task-id="${taskId}"]`).waitFor({ timeout: 10_000 });
    await context.close();
  }, 60_000);

  it('a red flag turns the decision panel into escalation', async () => {
    const taskId = await api.intake();
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, 'nurse-ben', 'nurse');
    await page.locator(`tr[data-task-id="${taskId}"]`).getByRole('button', { name: 'Claim' }).click();
    const panel = page.getByTestId('task-panel');
    await panel.locator('button[data-outcome="reached"]').click();
    await panel.getByTestId('decision-panel').waitFor();
    await panel.locator('input[name="chest-pain"]').check();
    await panel.getByTestId('escalation-panel').waitFor();
    expect(await panel.getByTestId('decision-panel').count()).toBe(0);
    await page.screenshot({ path: join(ARTIFACTS, 'escalation.png'), fullPage: true });
    await context.close();
  }, 60_000);
});
