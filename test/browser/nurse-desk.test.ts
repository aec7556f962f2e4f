import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Page } from 'playwright-core';
import { SqliteEventStore } from '@dtask/event-store';
import { generateYear } from '../../apps/simulator/src/generate-year';
import { ARTIFACTS, BrowserApp, signIn as signInTo, startBrowserApp } from '../support/browser-app';
import { adviceDecision, cast, intakeBody } from '../support/dtask-api';
import { startTestApp, TestApp } from '../support/test-app';

const row = (page: Page, taskId: string) => page.locator(`tr[data-task-id="${taskId}"]`);

/** The nurse's desk as a nurse uses it, in a real browser against the real service and store. */
describe('nurse desk in a real browser', () => {
  let target: BrowserApp;
  let api: Awaited<ReturnType<typeof cast>>;

  beforeAll(async () => {
    target = await startBrowserApp();
    api = await cast(target.app);
  }, 120_000);
  afterAll(() => target?.close());

  const signIn = (user: string, role = 'nurse') => signInTo(target, user, role);
  const panelOf = (page: Page, taskId: string) => page.locator(`[data-testid=task-panel][data-task-id="${taskId}"]`);
  const history = async (taskId: string) => (await api.get(api.tokens.supervisor, `/api/d-tasks/${taskId}`).expect(200)).body.history as { type: string; data: Record<string, unknown> }[];

  async function claimAndReach(page: Page, taskId: string) {
    await row(page, taskId).getByRole('button', { name: 'Claim' }).click();
    const panel = panelOf(page, taskId);
    await panel.locator('button[data-outcome="reached"]').click();
    await panel.locator('textarea[name=symptoms]').waitFor();
    return panel;
  }

  it('opens every patient with empty forms: nothing typed for one task is sent for another', async () => {
    const [a, b, c] = [await api.intake(), await api.intake(), await api.intake()];
    const { context, page } = await signIn('nurse-leak');

    // A: a red flag and symptoms, saved, then escalated.
    let panel = await claimAndReach(page, a);
    await panel.locator('input[name="chest-pain"]').check();
    await panel.locator('textarea[name=symptoms]').fill('Pressing chest pain since an hour.');
    await panel.getByRole('button', { name: 'Save assessment' }).click();
    await panel.locator('[data-event-type=AssessmentRecorded]').waitFor({ state: 'attached' });
    await panel.getByTestId('escalation-panel').getByRole('button', { name: 'Escalate' }).click();
    await panel.locator('[data-event-type=UrgencyEscalated]').waitFor({ state: 'attached' });

    // B opens empty, and what is saved for B is B's own.
    panel = await claimAndReach(page, b);
    expect(await panel.locator('input[name="chest-pain"]').isChecked()).toBe(false);
    expect(await panel.locator('textarea[name=symptoms]').inputValue()).toBe('');
    await panel.locator('textarea[name=symptoms]').fill('Dizzy when standing up.');
    await panel.getByRole('button', { name: 'Save assessment' }).click();
    await panel.locator('[data-event-type=AssessmentRecorded]').waitFor({ state: 'attached' });
    await panel.getByRole('tab', { name: 'Phone advice' }).click();
    await panel.locator('textarea[name=advice]').fill('Advice for B: drink, rise slowly.');
    await panel.locator('textarea[name=safetyNet]').fill('B: call 112 if you faint.');
    // Issue 14: advice carries its care level (self-care asks for no timeframe or transport).
    await panel.locator('select[name=careLevel]').selectOption('self-care');
    await panel.locator('input[name=patientInformed]').check();
    await panel.getByRole('button', { name: 'Confirm' }).click();
    await panel.locator('[data-event-type=PhoneAdviceGiven]').waitFor({ state: 'attached' });

    // C opens with an empty decision form; B's advice and the informed tick are not there.
    panel = await claimAndReach(page, c);
    await panel.getByRole('button', { name: 'Save assessment' }).click();
    await panel.getByTestId('decision-panel').waitFor();
    await panel.getByRole('tab', { name: 'Phone advice' }).click();
    expect(await panel.locator('textarea[name=advice]').inputValue()).toBe('');
    expect(await panel.locator('textarea[name=safetyNet]').inputValue()).toBe('');
    expect(await panel.locator('input[name=patientInformed]').isChecked()).toBe(false);
    // Confirming C's empty form sends nothing: the console asks for the advice first.
    await panel.getByRole('button', { name: 'Confirm' }).click();
    await panel.getByRole('alert').filter({ hasText: 'Write the advice' }).waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'nurse-third-patient.png'), fullPage: true });

    const assessmentOf = async (taskId: string) => (await history(taskId)).filter((event) => event.type === 'AssessmentRecorded').map((event) => event.data);
    expect(await assessmentOf(b)).toEqual([expect.objectContaining({ redFlags: [], symptoms: 'Dizzy when standing up.' })]);
    expect(await assessmentOf(c)).toEqual([expect.objectContaining({ redFlags: [], symptoms: '' })]);
    expect((await history(c)).some((event) => event.type === 'PhoneAdviceGiven')).toBe(false);
    await context.close();
  }, 90_000);

  it('shows whom to call: number, who, where, what, since when, failed calls and earlier contacts', async () => {
    const personId = '010203-1234';
    const earlier = await api.assessed({ patient: { ageYears: 67, sex: 'male', personId }, callbackPhone: '+358 40 765 4321' });
    await api.post(api.tokens.nurse, `/api/d-tasks/${earlier}/decision`, adviceDecision()).expect(200);
    const taskId = await api.intake({
      taskCode: '781', municipality: 'Kempele', address: 'Kirkkotie 5', patient: { ageYears: 67, sex: 'male', personId },
      callbackPhone: '+358 40 765 4321', ercNotes: 'Abdominal pain since yesterday, walks.',
    });
    const { context, page } = await signIn('nurse-header');
    await row(page, taskId).getByText('Abdominal pain').waitFor();
    await row(page, taskId).getByRole('button', { name: 'Claim' }).click();
    const panel = panelOf(page, taskId);
    await panel.locator('button[data-outcome="no-answer"]').click();
    const header = panel.getByTestId('patient-header');
    await header.getByTestId('failed-calls').filter({ hasText: '1/2' }).waitFor();
    expect(await header.getByTestId('callback-phone').getAttribute('href')).toBe('tel:+358407654321');
    expect(await header.getByTestId('patient-who').textContent()).toContain('67 y, male');
    const text = await header.textContent();
    for (const expected of ['Kirkkotie 5', 'Kempele', '781', 'Abdominal pain', 'Abdominal pain since yesterday, walks.', 'Second contact']) expect(text).toContain(expected);
    await header.getByTestId('earlier-contacts').filter({ hasText: 'phone advice' }).waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'nurse-patient-header.png'), fullPage: true });
    await context.close();
  }, 60_000);

  it('Enter claims only from the queue, once, and the task in hand can be released', async () => {
    const first = await api.intake({ patient: { ageYears: 91 } });
    const second = await api.intake({ patient: { ageYears: 30 } });
    const { context, page } = await signIn('nurse-enter');
    const rows = page.locator('tbody tr');
    await row(page, second).waitFor();
    const cursorTask = await page.locator('tr[aria-selected=true]').getAttribute('data-task-id');
    const other = cursorTask === first ? second : first;
    // Enter on another row's own button claims that row's task, and not the cursor's too.
    await row(page, other).getByRole('button', { name: 'Claim' }).focus();
    await page.keyboard.press('Enter');
    await panelOf(page, other).waitFor();
    await page.getByTestId('my-tasks').locator(`[data-my-task="${other}"]`).waitFor();
    const owners = async () => (await api.get(api.tokens.supervisor, '/api/d-tasks?status=claimed').expect(200)).body.tasks.map((task: { taskId: string }) => task.taskId);
    expect(await owners()).toContain(other);
    expect(await owners()).not.toContain(cursorTask);
    // Enter on a "my tasks" entry opens it and claims nothing.
    await page.getByTestId('my-tasks').locator(`[data-my-task="${other}"]`).focus();
    await page.keyboard.press('Enter');
    await page.waitForTimeout(300);
    expect(await owners()).not.toContain(cursorTask);
    // Enter on the queue itself claims the task under the cursor.
    await page.locator('table[data-queue]').focus();
    await page.keyboard.press('Enter');
    await panelOf(page, cursorTask!).waitFor();
    expect(await owners()).toContain(cursorTask);
    // Release from the panel returns it to the queue.
    await panelOf(page, cursorTask!).getByTestId('release').click();
    await row(page, cursorTask!).waitFor();
    expect(await owners()).not.toContain(cursorTask);
    expect(await rows.count()).toBeGreaterThan(0);
    await context.close();
  }, 60_000);

  it('signing out returns the nurse’s claimed tasks to the queue', async () => {
    const taskId = await api.intake();
    const { context, page } = await signIn('nurse-leaving');
    await row(page, taskId).getByRole('button', { name: 'Claim' }).click();
    await panelOf(page, taskId).waitFor();
    await page.getByText('Signing out returns your claimed task to the queue').waitFor();
    await page.getByTestId('sign-out').click();
    await page.locator('input[name=user]').waitFor();
    const waiting = (await api.get(api.tokens.supervisor, '/api/d-tasks').expect(200)).body.tasks.map((task: { taskId: string }) => task.taskId);
    expect(waiting).toContain(taskId);
    await context.close();
  }, 60_000);

  it('says when S1 sent a unit automatically, why and at what time, and keeps it in the panel', async () => {
    const taskId = await api.intake();
    const { context, page } = await signIn('nurse-s1');
    await row(page, taskId).getByRole('button', { name: 'Claim' }).click();
    const panel = panelOf(page, taskId);
    await panel.locator('button[data-outcome="no-answer"]').click();
    await panel.getByTestId('failed-calls').filter({ hasText: '1/2' }).waitFor();
    await panel.locator('button[data-outcome="busy"]').click();
    const notice = panel.getByTestId('auto-dispatch-notice');
    await notice.waitFor();
    expect(await notice.textContent()).toMatch(/Unit sent automatically \(S1: patient not reached\) at \d{2}:\d{2}/);
    await panel.getByText('The unit is on its way').waitFor();
    await page.waitForTimeout(500);
    expect(await notice.isVisible()).toBe(true);
    await page.screenshot({ path: join(ARTIFACTS, 'nurse-s1-notice.png'), fullPage: true });
    await context.close();
  }, 60_000);

  it('an invalid or expired token ends in a blocking "sign in again", never an empty queue', async () => {
    await api.intake();
    const { context, page } = await signIn('nurse-expiring');
    await page.locator('tbody tr').first().waitFor();
    // A token the server no longer accepts (tampered here; an expired one is refused the same way).
    await page.evaluate(`(() => {
      const session = JSON.parse(sessionStorage.getItem('dtask-session'));
      sessionStorage.setItem('dtask-session', JSON.stringify({ ...session, token: session.token.slice(0, -4) + 'AAAA' }));
    })()`);
    await page.reload();
    await page.getByTestId('session-expired').waitFor();
    expect(await page.locator('table[data-queue]').count()).toBe(0);
    expect(await page.getByText('No tasks waiting').count()).toBe(0);
    await page.screenshot({ path: join(ARTIFACTS, 'nurse-session-expired.png') });
    await page.getByRole('button', { name: 'Sign in again' }).click();
    await page.locator('input[name=user]').waitFor();
    await context.close();
  }, 60_000);

  it('logs one read per opening of a task, not one per live event', async () => {
    const taskId = await api.intake();
    const { context, page } = await signIn('nurse-audit');
    await row(page, taskId).getByRole('button', { name: 'Claim' }).click();
    const panel = panelOf(page, taskId);
    await panel.locator('button[data-outcome="no-answer"]').click();
    await panel.getByTestId('failed-calls').filter({ hasText: '1/2' }).waitFor();
    // Other tasks change while the panel is open.
    for (let i = 0; i < 5; i += 1) await api.intake();
    await page.waitForTimeout(800);
    const auditReads = async () => {
      const { EVENT_STORE } = await import('../../apps/dispatch-api/src/event-store/event-store.module');
      const store = target.app.app.get(EVENT_STORE) as { readStream(id: string): Promise<{ type: string }[]> };
      return (await store.readStream(`audit-dtask-${taskId}`)).filter((event) => event.type === 'PersonalDataAccessed').length;
    };
    expect(await auditReads()).toBe(1);
    // Closing and opening the panel again is another read.
    await panel.getByRole('button', { name: 'Close the panel' }).click();
    await page.getByTestId('my-tasks').locator(`[data-my-task="${taskId}"]`).click();
    await panelOf(page, taskId).getByTestId('patient-header').waitFor();
    expect(await auditReads()).toBe(2);
    await context.close();
  }, 60_000);

  it('works a due follow-up call on its own card: keys 1–4 record follow-up outcomes, and two failed ones send a unit', async () => {
    const taskId = await api.assessed();
    await api.post(api.tokens.nurse, `/api/d-tasks/${taskId}/decision`, adviceDecision(new Date(Date.now() + 1500).toISOString())).expect(200);
    const { context, page } = await signIn('nurse-follow');
    await row(page, taskId).getByText('Follow-up call due').waitFor({ timeout: 15_000 });
    await row(page, taskId).getByRole('button', { name: 'Claim' }).click();
    const panel = panelOf(page, taskId);
    const card = panel.getByTestId('follow-up-card');
    await card.waitFor();
    expect(await panel.locator('button[data-outcome]').count()).toBe(0);
    expect(await panel.getByTestId('decision-panel').count()).toBe(0);
    await card.getByText('Failed follow-up calls 0/2').waitFor();
    await panel.focus();
    await page.keyboard.press('2');
    await card.getByText('Failed follow-up calls 1/2').waitFor();
    await page.keyboard.press('3');
    await panel.getByTestId('auto-dispatch-notice').waitFor();
    const types = (await history(taskId)).map((event) => event.type);
    expect(types.filter((type) => type === 'FollowUpCompleted')).toHaveLength(2);
    expect(types.filter((type) => type === 'CallbackAttempted')).toHaveLength(1);
    expect(types).toContain('UnitRequested');
    await context.close();
  }, 60_000);

  it('lets a supervisor read a nurse\'s task without acting on it, even by a key', async () => {
    const taskId = await api.intake();
    await api.post(api.tokens.nurse, `/api/d-tasks/${taskId}/claim`).expect(200);
    const supervisorPage = await signIn('super-look', 'supervisor');
    // The wall's table of claimed tasks opens the task in the desk's panel.
    const claimedRow = supervisorPage.page.locator(`tr[data-task-id="${taskId}"] button.wall-link`);
    await claimedRow.waitFor();
    await claimedRow.click();
    const panel = panelOf(supervisorPage.page, taskId);
    await panel.waitFor();
    await panel.getByText('not claimed by you').waitFor();
    expect(await panel.locator('button[data-outcome]').count()).toBe(0);
    await panel.focus();
    await supervisorPage.page.keyboard.press('2');
    await supervisorPage.page.waitForTimeout(300);
    expect((await history(taskId)).some((event) => event.type === 'CallbackAttempted')).toBe(false);
    await supervisorPage.context.close();
  }, 60_000);

  it('keeps what was typed for each patient when the nurse switches between them, never mixing them', async () => {
    const [a, b] = [await api.intake(), await api.intake()];
    const { context, page } = await signIn('nurse-switch');
    let panel = await claimAndReach(page, a);
    await panel.locator('textarea[name=symptoms]').fill('A: stomach ache since noon');
    panel = await claimAndReach(page, b);
    expect(await panel.locator('textarea[name=symptoms]').inputValue()).toBe('');
    await panel.locator('textarea[name=symptoms]').fill('B: dizzy');
    await page.getByTestId('my-tasks').locator(`[data-my-task="${a}"]`).click();
    expect(await panelOf(page, a).locator('textarea[name=symptoms]').inputValue()).toBe('A: stomach ache since noon');
    await page.getByTestId('my-tasks').locator(`[data-my-task="${b}"]`).click();
    expect(await panelOf(page, b).locator('textarea[name=symptoms]').inputValue()).toBe('B: dizzy');
    await context.close();
  }, 60_000);

  it('saves what the nurse found before escalating on a red flag', async () => {
    const taskId = await api.intake();
    const { context, page } = await signIn('nurse-escalate');
    const panel = await claimAndReach(page, taskId);
    await panel.locator('input[name="chest-pain"]').check();
    await panel.locator('textarea[name=symptoms]').fill('Pressure over the chest, sweating.');
    await panel.getByTestId('escalation-panel').getByRole('button', { name: 'Escalate' }).click();
    await panel.locator('[data-event-type=UrgencyEscalated]').waitFor({ state: 'attached' });
    const events = await history(taskId);
    const assessment = events.find((event) => event.type === 'AssessmentRecorded');
    expect(assessment?.data).toMatchObject({ redFlags: ['chest-pain'], symptoms: 'Pressure over the chest, sweating.' });
    expect(events.findIndex((event) => event.type === 'AssessmentRecorded')).toBeLessThan(events.findIndex((event) => event.type === 'UrgencyEscalated'));
    await context.close();
  }, 60_000);

  it('after a reconnect shows what another process wrote to the store meanwhile', async () => {
    const { context, page } = await signIn('nurse-offline');
    const app = target.app;
    await context.setOffline(true);
    await page.getByTestId('connection').filter({ hasText: 'reconnecting' }).waitFor();
    // A second service instance on the same store file writes while this console is away.
    const other = await startTestApp({}, app.dataDir);
    const otherErc = await other.tokenFor('erc', 'erica-2');
    const written = await other.http.post('/api/d-tasks').set('Authorization', `Bearer ${otherErc}`).send(intakeBody({ municipality: 'Ii' })).expect(201);
    await other.stop();
    await context.setOffline(false);
    await page.getByTestId('connection').filter({ hasText: 'Live' }).waitFor({ timeout: 20_000 });
    await row(page, written.body.taskId).waitFor({ timeout: 10_000 });
    await context.close();
  }, 60_000);
});

/** The service behind an open console restarts from its snapshot while another process writes to the store. */
describe('console across a restart of its service', () => {
  it('shows, once reconnected, what another process wrote while the service was down', async () => {
    const target = await startBrowserApp();
    const port = (target.app.app.getHttpServer().address() as { port: number }).port;
    const dataDir = target.app.dataDir;
    let restarted: TestApp | undefined;
    try {
      const api = await cast(target.app);
      const before = await api.intake();
      const { context, page } = await signInTo(target, 'nurse-restart', 'nurse');
      await row(page, before).waitFor();
      // A graceful stop: the read models are snapshotted; the console loses its connection.
      await target.app.stop();
      await page.getByTestId('connection').filter({ hasText: 'reconnecting' }).waitFor();
      const other = await startTestApp({}, dataDir);
      const erc = await other.tokenFor('erc', 'erica-restart');
      const written = (await other.http.post('/api/d-tasks').set('Authorization', `Bearer ${erc}`).send(intakeBody({ municipality: 'Ii' })).expect(201)).body.taskId as string;
      await other.stop();
      // The service comes back on the same port, resuming from its snapshot.
      restarted = await startTestApp({}, dataDir);
      await restarted.app.listen(port, '127.0.0.1');
      await page.getByTestId('connection').filter({ hasText: 'Live' }).waitFor({ timeout: 20_000 });
      await row(page, written).waitFor({ timeout: 10_000 });
      await row(page, before).waitFor();
      await context.close();
    } finally {
      await target.browser.close();
      await restarted?.close();
    }
  }, 90_000);
});

/** A console opening on a store that holds a generated year: it loads the present, it does not replay the past. */
describe('console on a generated year', () => {
  let target: BrowserApp;

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dtask-year-console-'));
    const store = new SqliteEventStore({ fileName: join(dir, 'events.db'), synchronous: 'NORMAL' });
    await generateYear({ store, tasks: 4000, startMs: Date.now() - 365 * 86_400_000, seed: 7 });
    await store.close();
    target = await startBrowserApp({}, dir);
  }, 180_000);
  afterAll(() => target?.close());

  it.each(['nurse', 'supervisor'])('a %s console goes live from one desk picture, with no event of the year sent to it', async (role) => {
    const context = await target.browser.newContext();
    const page = await context.newPage();
    const apiRequests: string[] = [];
    let eventFrames = 0;
    page.on('request', (request) => {
      if (new URL(request.url()).pathname.startsWith('/api/')) apiRequests.push(new URL(request.url()).pathname);
    });
    // Live events come as `event` frames, or `events` frames for what came together (the console's batch mode).
    page.on('websocket', (socket) => socket.on('framereceived', (frame) => void (/\["events?"/.test(String(frame.payload)) && (eventFrames += 1))));
    await page.goto(target.baseUrl);
    await page.getByRole('button', { name: 'EN' }).click();
    await page.fill('input[name=user]', `${role}-year`);
    await page.selectOption('select[name=role]', role);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByTestId('connection').filter({ hasText: 'Live' }).waitFor();
    expect(eventFrames).toBe(0);
    // Signing in asks the dev sign-in's own routes; the console itself asks for the desk, and a supervisor's wall its chart.
    const consoleRequests = apiRequests.filter((path) => !path.startsWith('/api/auth/'));
    expect(consoleRequests.filter((path) => path === '/api/desk')).toHaveLength(1);
    // The wall names the services of the open redirects from the directory (the snapshot gives their ids only),
    // and reads it only when one is open: a generated year may end with a redirect awaiting its answer or its visit.
    const asked = role === 'supervisor' ? ['/api/desk', '/api/load/history', '/api/services'] : ['/api/desk'];
    expect(consoleRequests.filter((path) => !asked.includes(path))).toEqual([]);

    // What happens next arrives live, and costs the console a refetch of the desk, not a replay.
    const erc = await target.app.tokenFor('erc', 'erica-year');
    const before = apiRequests.length;
    const taskId = (await target.app.http.post('/api/d-tasks').set('Authorization', `Bearer ${erc}`).send(intakeBody()).expect(201)).body.taskId;
    await page.locator(`tr[data-task-id="${taskId}"]`).waitFor();
    await page.waitForTimeout(400);
    expect(eventFrames).toBe(1);
    expect(apiRequests.length - before).toBeLessThanOrEqual(3);
    await context.close();
  }, 60_000);
});
