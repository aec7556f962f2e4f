import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@dtask/event-store';
import { generateYear } from '../../apps/simulator/src/generate-year';
import { ARTIFACTS, BrowserApp, signIn as signInTo, startBrowserApp } from '../support/browser-app';
import { cast, intakeBody } from '../support/dtask-api';
import { startTestApp, TestApp } from '../support/test-app';
import { deskInBrowser, panelOf, row } from './desk-steps';

/** The desk's session and connection: signing out, a token refused, a reconnect after writes elsewhere. */
describe('the nurse desk’s session and connection in a real browser', () => {
  const desk = deskInBrowser();
  const { signIn } = desk;

  it('signing out returns the nurse’s claimed tasks to the queue', async () => {
    const taskId = await desk.api.intake();
    const { context, page } = await signIn('nurse-leaving');
    await row(page, taskId).getByRole('button', { name: 'Claim' }).click();
    await panelOf(page, taskId).waitFor();
    await page.getByText('Signing out returns your claimed task to the queue').waitFor();
    await page.getByTestId('sign-out').click();
    await page.locator('input[name=user]').waitFor();
    const waiting = (await desk.api.get(desk.api.tokens.supervisor, '/api/d-tasks').expect(200)).body.tasks.map((task: { taskId: string }) => task.taskId);
    expect(waiting).toContain(taskId);
    await context.close();
  }, 60_000);

  it('an invalid or expired token ends in a blocking "sign in again", never an empty queue', async () => {
    await desk.api.intake();
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

  it('after a reconnect shows what another process wrote to the store meanwhile', async () => {
    const { context, page } = await signIn('nurse-offline');
    const app = desk.target.app;
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
