import { ChildProcess, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Browser, chromium, Page } from 'playwright-core';
import { openOnce, Opening, PAGE_MARKERS, signIn, watch, Watch } from './console-page';
import { deskTimes, drive, intake, post, sleep, startService, token } from './console-workload';
import { median, Section } from './stats';

/** The generated year's size; `CONSOLE_BENCH_TASKS=5000` for a quick run. */
const TASKS = Number(process.env.CONSOLE_BENCH_TASKS ?? 110_000);
const RUNS = 5;
/** Commands sent over HTTP while the consoles are live, one every PACE_MS. */
const COMMANDS = 51;
const PACE_MS = 100;
/** Then the same work, spaced out beyond the consoles' 150 ms coalescing. */
const SPARSE_COMMANDS = 12;
const SPARSE_PACE_MS = 600;
/** Tasks waiting in the queue before the consoles open, as in a busy hour. */
const QUEUE = 30;
/** After the last command: the coalesced refetches (150 ms) and the panel's have all landed. */
const SETTLE_MS = 2_000;
const ROOT = join(__dirname, '..', '..');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

interface RoleFigures {
  openings: Opening[];
  loadToLive: number;
  requestsWhileLive: number;
  eventsWhileLive: number;
  perEvent: number;
  requestsByPath: Record<string, number>;
  sparse: { events: number; requests: number; perEvent: number; byPath: Record<string, number> };
}

function countBy(values: string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
  return counts;
}

const round = (value: number) => Math.round(value * 100) / 100;

/** Without a browser the section keeps the figures it last measured (with their date), rather than blanking them. */
function skipped(reason: string): Section {
  const results = join(__dirname, '..', 'results', 'latest.json');
  const previous = existsSync(results) ? (JSON.parse(readFileSync(results, 'utf8')) as Record<string, Section>)['console-open'] : undefined;
  process.stdout.write(`console-open skipped: ${reason}${previous ? `; keeping the figures measured at ${previous.measuredAt}` : ''}\n`);
  return previous ?? { name: 'console-open', measuredAt: new Date().toISOString(), machine: machine(), figures: [], details: { skipped: reason } };
}

const machine = () => `${require('node:os').cpus().length} cores, Node ${process.version}`;

export async function run(): Promise<Section> {
  if (!existsSync(CHROMIUM)) return skipped(`no Chromium at ${CHROMIUM} (sudo apt-get install chromium, or set CHROMIUM_PATH)`);
  const dataDir = mkdtempSync(join(tmpdir(), 'dtask-console-bench-'));
  let service: ChildProcess | undefined;
  let browser: Browser | undefined;
  try {
    // The same generator as `npm run simulate -- --generate-year`, run as its CLI, for the 365 days
    // ending with today (from midnight at UTC+2, as its default start): the supervisor's figures for
    // today, this week and the year to date then count that year's tasks.
    const generateStarted = performance.now();
    const DAY = 24 * 3600 * 1000;
    const todayStarted = Math.floor((Date.now() + DAY / 12) / DAY) * DAY - DAY / 12;
    const start = new Date(todayStarted - 364 * DAY).toISOString();
    const output = execFileSync(process.execPath, [join(ROOT, 'apps', 'simulator', 'dist', 'main.js'), '--generate-year', '--data-dir', dataDir, '--tasks', String(TASKS), '--seed', '2025', '--start', start], { encoding: 'utf8' });
    const generateMs = performance.now() - generateStarted;
    const [, tasks, events] = /generated (\d+) tasks, (\d+) events/.exec(output) ?? [];
    const year = { tasks: Number(tasks), events: Number(events) };
    process.stdout.write(`  generated ${year.tasks} tasks, ${year.events} events in ${Math.round(generateMs / 1000)} s\n`);
    const started = await startService(dataDir);
    service = started.child;
    process.stdout.write(`  service ready on the year in ${Math.round(started.startMs)} ms\n`);

    // A desk as a shift has it: tasks waiting in the queue, and one the nurse has claimed.
    const erc = await token('erc-bench-console', 'erc');
    for (let n = 0; n < QUEUE; n += 1) await intake(erc, n);
    const own = { taskId: await intake(erc, QUEUE), token: await token('nurse-anna', 'nurse') };
    await post(`/api/d-tasks/${own.taskId}/claim`, own.token, {});
    const desk = { nurse: await deskTimes(own.token, RUNS), supervisor: await deskTimes(await token('super-sari', 'supervisor'), RUNS) };

    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
    const pages: Record<'nurse' | 'supervisor', { page: Page; watch: Watch }> = {} as never;
    for (const [role, user] of [['nurse', 'nurse-anna'], ['supervisor', 'super-sari']] as const) {
      const page = await (await browser.newContext()).newPage();
      await page.addInitScript(PAGE_MARKERS);
      const w = watch(page);
      await signIn(page, user, role);
      pages[role] = { page, watch: w };
    }
    // One load each not counted: the browser's cache and the service's JIT warm up on it.
    const openings: Record<'nurse' | 'supervisor', Opening[]> = { nurse: [], supervisor: [] };
    for (const role of ['nurse', 'supervisor'] as const) {
      await openOnce(pages[role].page, pages[role].watch);
      for (let i = 0; i < RUNS; i += 1) openings[role].push(await openOnce(pages[role].page, pages[role].watch));
    }

    // Both consoles live while the work goes on, the nurse with her task open: what each asks of the API per live event.
    await pages.nurse.page.click(`[data-my-task="${own.taskId}"]`);
    await pages.nurse.page.locator(`[data-testid=task-panel][data-task-id="${own.taskId}"]`).waitFor();
    await sleep(1_000);
    const counts = () => ({ nurse: { requests: pages.nurse.watch.requests.length, events: pages.nurse.watch.events }, supervisor: { requests: pages.supervisor.watch.requests.length, events: pages.supervisor.watch.events } });
    const mark = counts();
    await drive(erc, { commands: COMMANDS, paceMs: PACE_MS, first: 100, own });
    await sleep(SETTLE_MS);
    // The same work spaced out beyond the coalescing, as a quiet hour brings it: each event pays its own refetches.
    const sparseMark = counts();
    await drive(erc, { commands: SPARSE_COMMANDS, paceMs: SPARSE_PACE_MS, first: 200 });
    await sleep(SETTLE_MS);
    const sparseEnd = counts();
    const figures = {} as Record<'nurse' | 'supervisor', RoleFigures>;
    for (const role of ['nurse', 'supervisor'] as const) {
      const w = pages[role].watch;
      const requests = w.requests.slice(mark[role].requests, sparseMark[role].requests);
      const eventsWhileLive = sparseMark[role].events - mark[role].events;
      const sparseEvents = sparseEnd[role].events - sparseMark[role].events;
      const sparseRequests = sparseEnd[role].requests - sparseMark[role].requests;
      figures[role] = {
        openings: openings[role],
        loadToLive: median(openings[role].map((o) => o.total)),
        requestsWhileLive: requests.length,
        eventsWhileLive,
        perEvent: eventsWhileLive ? requests.length / eventsWhileLive : NaN,
        requestsByPath: countBy(requests),
        sparse: { events: sparseEvents, requests: sparseRequests, perEvent: sparseEvents ? sparseRequests / sparseEvents : NaN, byPath: countBy(w.requests.slice(sparseMark[role].requests, sparseEnd[role].requests)) },
      };
    }

    const table = (['nurse', 'supervisor'] as const).map((role) => ({
      role,
      'load→live median ms': Math.round(figures[role].loadToLive),
      'runs ms': figures[role].openings.map((o) => Math.round(o.total)).join(' '),
      'desk sent at ms': Math.round(median(figures[role].openings.map((o) => o.deskSent))),
      'desk took ms': Math.round(median(figures[role].openings.map((o) => o.deskAnswered - o.deskSent))),
      'then caught-up ms': Math.round(median(figures[role].openings.map((o) => o.caughtUp - o.deskAnswered))),
      'then Live ms': Math.round(median(figures[role].openings.map((o) => o.banner - o.caughtUp))),
      'live events': figures[role].eventsWhileLive,
      'API requests': figures[role].requestsWhileLive,
      'req/event': round(figures[role].perEvent),
      [`req/event, ${SPARSE_PACE_MS} ms apart`]: round(figures[role].sparse.perEvent),
    }));
    console.table(table);

    const sizeName = `${year.tasks} tasks, ${year.events} events`;
    return {
      name: 'console-open',
      measuredAt: new Date().toISOString(),
      machine: machine(),
      figures: [
        { name: `nurse console, reload to "Live", store of a generated year (${sizeName})`, value: Math.round(figures.nurse.loadToLive), unit: 'ms', target: '< 1000', met: figures.nurse.loadToLive < 1000 },
        { name: 'supervisor console, reload to "Live", same store', value: Math.round(figures.supervisor.loadToLive), unit: 'ms', target: '< 1000', met: figures.supervisor.loadToLive < 1000 },
        { name: `nurse console: API requests per live event (${figures.nurse.eventsWhileLive} events, commands ${PACE_MS} ms apart)`, value: round(figures.nurse.perEvent), unit: 'req/event', target: '<= 3', met: figures.nurse.perEvent <= 3 },
        { name: `supervisor console: API requests per live event (${figures.supervisor.eventsWhileLive} events)`, value: round(figures.supervisor.perEvent), unit: 'req/event', target: '<= 3', met: figures.supervisor.perEvent <= 3 },
        { name: `nurse console: API requests per live event, commands ${SPARSE_PACE_MS} ms apart (${figures.nurse.sparse.events} events)`, value: round(figures.nurse.sparse.perEvent), unit: 'req/event', target: '<= 3', met: figures.nurse.sparse.perEvent <= 3 },
        { name: `supervisor console: API requests per live event, commands ${SPARSE_PACE_MS} ms apart (${figures.supervisor.sparse.events} events)`, value: round(figures.supervisor.sparse.perEvent), unit: 'req/event', target: '<= 3', met: figures.supervisor.sparse.perEvent <= 3 },
        { name: 'GET /api/desk on that store from outside the browser, nurse', value: Math.round(desk.nurse.ms), unit: 'ms' },
        { name: 'GET /api/desk, supervisor (with the load)', value: Math.round(desk.supervisor.ms), unit: 'ms' },
        { name: 'GET /api/desk answer, supervisor', value: Math.round(desk.supervisor.bytes / 1024), unit: 'kB' },
      ],
      details: {
        year: { ...year, start, generateSeconds: Math.round(generateMs / 1000), serviceReadyMs: Math.round(started.startMs) },
        desk: { nurse: { ...desk.nurse, ms: round(desk.nurse.ms) }, supervisor: { ...desk.supervisor, ms: round(desk.supervisor.ms) } },
        ...Object.fromEntries(
          (['nurse', 'supervisor'] as const).map((role) => [
            role,
            {
              openings: figures[role].openings.map((o) => Object.fromEntries(Object.entries(o).map(([key, value]) => [key, Math.round(value)]))),
              whileLive: { events: figures[role].eventsWhileLive, requests: figures[role].requestsWhileLive, byPath: figures[role].requestsByPath },
              spacedOut: { ...figures[role].sparse, perEvent: round(figures[role].sparse.perEvent) },
            },
          ]),
        ),
        measuredFrom: 'page.reload() of a signed-in console (session in sessionStorage) to the banner saying Live (a MutationObserver in the page, on the epoch clock both share); median of 5 after one not counted. Requests: every /api/ request the page sent from 1 s after the last load until 2 s after the last command of each run of commands; events: socket.io `event` frames it received in that time',
        workload: `${QUEUE} tasks waiting and one claimed by the nurse before the consoles open; then, with the nurse's task open in her panel, ${COMMANDS + 2} commands ${PACE_MS} ms apart over HTTP: an ERC's intake, another nurse's claim and a failed callback, in turn, and two calls on the nurse's own task; then ${SPARSE_COMMANDS} more of the others' commands ${SPARSE_PACE_MS} ms apart`,
      },
    };
  } finally {
    await browser?.close();
    if (service && service.exitCode === null) {
      service.kill('SIGTERM');
      await new Promise((resolve) => service!.once('exit', resolve));
    }
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** `node bench/dist/console-open.js` runs this section alone, without writing the results file. */
if (require.main === module) {
  run().then(
    (section) => {
      console.table(section.figures.map(({ name, value, unit, target, met }) => ({ figure: name, value, unit, target: target ?? '', met: met === undefined ? '' : met ? 'yes' : 'NO' })));
      if (process.env.CONSOLE_BENCH_DETAILS) console.log(JSON.stringify(section.details, null, 2));
    },
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
