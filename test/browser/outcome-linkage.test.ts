import { EventStore } from '@dtask/event-store';
import { Page } from 'playwright-core';
import { ManualClock } from '../../apps/dispatch-api/src/clock/clock';
import { EVENT_STORE } from '../../apps/dispatch-api/src/event-store/event-store.module';
import { importOutcomes } from '../../apps/outcomes-import/src/import-outcomes';
import { parseOutcomeCsv } from '../../apps/outcomes-import/src/outcome-csv';
import { BrowserApp, signIn, startBrowserApp } from '../support/browser-app';
import { adviceDecision, cast } from '../support/dtask-api';
import { shotsInFinnishAndSwedish } from './language-shots';

const HOUR = 3_600_000;
const T0 = '2025-03-03T08:00:00.000Z';
/** Every decision is made 10 minutes after the intake: 10.10 in Helsinki. */
const DECIDED_MS = Date.parse(T0) + 10 * 60_000;
const after = (hours: number) => new Date(DECIDED_MS + hours * HOUR).toISOString();

/**
 * Issue 14 item 8 in the analyst's view, against a hand-built history with known answers.
 * A: advice, ED at 23 h. B: advice to primary care, ED at 11.4 h and admitted at 30 h.
 * C: redirected to social care and visited, dead at 10 days. D: advice, ED at 40 h.
 * E: a unit sent, ED and admission within 2 h (not a decision without a unit, never counted).
 * So: 4 decisions; ED within 24 h 2, within 48 h 3; admitted 1; dead 1; B and C to review.
 */
describe("the analyst's outcome section: what followed the decisions without a unit", () => {
  let target: BrowserApp;
  let api: Awaited<ReturnType<typeof cast>>;
  const task: Record<string, string> = {};

  beforeAll(async () => {
    const clock = new ManualClock(T0);
    target = await startBrowserApp({ SCHEDULER_INTERVAL_MS: '3600000' }, undefined, clock);
    api = await cast(target.app);
    const { post, tokens } = api;
    for (const name of ['A', 'B', 'C', 'D', 'E']) task[name] = await api.assessed({ receivedAt: T0 });
    clock.advance(10 * 60_000);
    for (const name of ['A', 'D']) await post(tokens.nurse, `/api/d-tasks/${task[name]}/decision`, adviceDecision()).expect(200);
    await post(tokens.nurse, `/api/d-tasks/${task.B}/decision`, { ...adviceDecision(), careLevel: 'primary-care', within: 'PT2H', transport: 'taxi' }).expect(200);
    await post(tokens.nurse, `/api/d-tasks/${task.C}/decision`, {
      kind: 'redirect', target: 'oulu-home-care', handoffNote: 'Käynti tänään.', patientInformed: true, careLevel: 'social-care', within: 'PT8H', transport: 'none',
    }).expect(200);
    await post(tokens.nurse, `/api/d-tasks/${task.E}/decision`, { kind: 'send-unit', unitLevel: 'basic', urgency: 'D' }).expect(200);
    await post(tokens.homeCare, `/api/d-tasks/${task.C}/handoff/accept`).expect(200);
    clock.advance(60 * 60_000);
    await post(tokens.homeCare, `/api/d-tasks/${task.C}/handoff/complete`, { visitedAt: after(0.5) }).expect(200);
  }, 180_000);
  afterAll(() => target?.close());

  /** The warehouse's rows, keyed by the analysts' pseudonym of each patient. */
  async function importTheRegister() {
    const log = (await api.get(api.tokens.analyst, '/api/events?limit=5000').expect(200)).body.events as { streamId: string; type: string; data: { patient: { ref: string } } }[];
    const ref = (name: string) => log.find((event) => event.type === 'DTaskReceived' && event.streamId === `dtask-${task[name]}`)!.data.patient.ref;
    const csv = [
      'patientRef,kind,at',
      `${ref('A')},ed-visit,${after(23)}`,
      `${ref('B')},ed-visit,${after(11.4)}`,
      `${ref('B')},admission,${after(30)}`,
      `${ref('C')},death,${after(240)}`,
      `${ref('D')},ed-visit,${after(40)}`,
      `${ref('E')},ed-visit,${after(1)}`,
      `${ref('E')},admission,${after(2)}`,
    ].join('\n');
    const parsed = parseOutcomeCsv(csv, Date.now());
    expect(parsed.errors).toEqual([]);
    await importOutcomes(target.app.app.get<EventStore>(EVENT_STORE), parsed.rows, { id: 'analyst-1', role: 'analyst' }, { nowIso: new Date().toISOString(), source: 'outcomes.csv' });
  }

  const analyst = () => signIn(target, 'analyst-ann', 'analyst', { ready: (p) => p.getByTestId('outcome-figures').waitFor() });
  const figure = (page: Page, key: string) => page.getByTestId('outcome-figures').locator(`[data-outcome="${key}"] dd`);
  /** Intl writes a no-break space before % in Finnish and Swedish. */
  const text = async (page: Page, testId: string) => ((await page.getByTestId(testId).textContent()) ?? '').replace(/\u00a0/g, ' ');

  it('counts the decisions and says no register data is imported yet, before any import', async () => {
    const { context, page } = await analyst();
    expect(await figure(page, 'noUnitDecisions').textContent()).toBe('4');
    expect(await figure(page, 'edWithin48h').textContent()).toBe('0 (0.0%)');
    expect(await page.getByTestId('outcomes-imported').textContent()).toBe('No register data has been imported yet.');
    await page.getByRole('button', { name: 'FI', exact: true }).click();
    expect(await page.getByTestId('outcomes-imported').textContent()).toBe('Rekisteritietoja ei ole vielä tuotu.');
    await page.getByRole('button', { name: 'SV', exact: true }).click();
    expect(await page.getByTestId('outcomes-imported').textContent()).toBe('Inga registeruppgifter har importerats ännu.');
    await context.close();
  }, 90_000);

  it('shows the rates, the review list and that the end of the period is not yet followed, in fi and sv', async () => {
    await importTheRegister();
    const { context, page } = await analyst();
    await page.getByTestId('outcomes-imported').filter({ hasText: 'Register data: 7 events' }).waitFor();
    const figures = await page.getByTestId('outcome-figures').locator('dd').allTextContents();
    expect(figures).toEqual(['4', '2 (50.0%)', '3 (75.0%)', '1 (25.0%)', '1 (25.0%)']);
    const rows = page.getByTestId('under-triage-table').locator('tbody tr');
    expect(await Promise.all((await rows.all()).map((row) => row.getAttribute('data-task')))).toEqual([task.B, task.C]);
    expect(await page.getByTestId('under-triage').locator('h3').textContent()).toBe('Possible under-triage – to review (2)');

    await page.getByRole('button', { name: 'FI', exact: true }).click();
    expect(await text(page, 'outcomes-imported')).toBe('Rekisteritiedot: 7 tapahtumaa, viimeisin 13.3.2025 klo 10.10');
    // The period ends on 3.3., its 30 days reach past the latest outcome.
    expect(await text(page, 'outcomes-incomplete')).toBe('Jakson lopun luvut ovat vielä vajaat: tiedot ulottuvat vain 13.3.2025 asti.');
    expect((await page.getByTestId('outcome-figures').locator('dd').allTextContents()).map((v) => v.replace(/\u00a0/g, ' '))).toEqual(['4', '2 (50,0 %)', '3 (75,0 %)', '1 (25,0 %)', '1 (25,0 %)']);
    const cells = async (row: number) => (await rows.nth(row).locator('td').allTextContents()).map((v) => v.replace(/\u00a0/g, ' '));
    const [b, c] = [await cells(0), await cells(1)];
    expect(b.slice(0, 4)).toEqual(['3.3.2025 klo 10.10', 'Puhelinneuvonta', 'Perusterveydenhuolto', 'päivystyskäynti 11,4 h kuluttuasairaalaan otto 30 h kuluttua']);
    expect(b[4]).toMatch(/^p-[0-9a-f]{24}$/);
    expect(b[5]).toBe(task.B!.slice(0, 8));
    expect(c.slice(0, 4)).toEqual(['3.3.2025 klo 10.10', 'Ohjaus muuhun palveluun', 'Sosiaalihuolto', 'kuolema 10 vrk kuluttua']);

    await page.getByRole('button', { name: 'SV', exact: true }).click();
    expect(await text(page, 'outcomes-incomplete')).toBe('Siffrorna för periodens slut är ännu ofullständiga: uppgifterna når bara till 13.3.2025.');
    expect((await cells(0)).slice(1, 4)).toEqual(['Telefonrådgivning', 'Primärvård', 'jourbesök efter 11,4 hinläggning efter 30 h']);
    // Over two days in days and hours, as Swedish writes them.
    expect((await cells(1))[3]).toBe('dödsfall efter 10 d');
    expect(await page.getByTestId('under-triage').locator('h3').textContent()).toBe('Möjlig undertriage – att granska (2)');
    await page.getByRole('button', { name: 'EN', exact: true }).click();
    await shotsInFinnishAndSwedish(page, 'outcomes-analyst', page.getByTestId('outcomes'));

    // A period without decisions says so, not a row of zeros.
    await page.fill('input[name=from]', '2025-05-01');
    await page.fill('input[name=to]', '2025-05-31');
    await page.getByRole('button', { name: 'Update' }).click();
    await page.getByTestId('outcomes-no-decisions').filter({ hasText: 'No decisions without a unit in the period.' }).waitFor();
    expect(await page.getByTestId('outcome-figures').count()).toBe(0);
    await context.close();
  }, 90_000);
});
