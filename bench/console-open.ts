import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Browser, chromium, Page } from 'playwright-core';
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
const PORT = 39_219;
const URL = `http://127.0.0.1:${PORT}`;
const ROOT = join(__dirname, '..', '..');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];
/** A socket.io `event` frame on `/live`: one live event the page received. */
const FRAME = '42/live,';

async function startService(dataDir: string): Promise<{ child: ChildProcess; startMs: number }> {
  const started = performance.now();
  const child = spawn(process.execPath, [join(ROOT, 'apps', 'dispatch-api', 'dist', 'main.js')], {
    env: { ...process.env, PORT: String(PORT), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  let exited: number | null | undefined;
  child.once('exit', (code) => (exited = code));
  // The service listens only once its read models hold the whole store; ready also needs the store to answer.
  for (;;) {
    if (exited !== undefined) throw new Error(`dispatch-api exited ${exited}`);
    const ok = await fetch(`${URL}/health/ready`).then((response) => response.ok, () => false);
    if (ok) return { child, startMs: performance.now() - started };
    await sleep(100);
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function post<T>(path: string, token: string | undefined, body: unknown): Promise<T> {
  const response = await fetch(`${URL}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  const payload = (await response.json().catch(() => ({}))) as T;
  if (!response.ok) throw new Error(`POST ${path}: ${response.status} ${JSON.stringify(payload)}`);
  return payload;
}

const token = async (sub: string, role: string) => (await post<{ token: string }>('/api/auth/dev-token', undefined, { sub, role })).token;

/** `GET /api/desk` from outside the browser, as the console sends it: time and size on this store. */
async function deskTimes(bearer: string): Promise<{ ms: number; bytes: number; queue: number; claimed: number }> {
  const times: number[] = [];
  let bytes = 0;
  let queue = 0;
  let claimed = 0;
  for (let i = 0; i < RUNS; i += 1) {
    const started = performance.now();
    const response = await fetch(`${URL}/api/desk`, { headers: { authorization: `Bearer ${bearer}` } });
    const text = await response.text();
    times.push(performance.now() - started);
    bytes = text.length;
    const desk = JSON.parse(text) as { queue: unknown[]; claimed: unknown[] };
    queue = desk.queue.length;
    claimed = desk.claimed.length;
  }
  return { ms: median(times), bytes, queue, claimed };
}

interface Watch {
  /** `/api/…` requests the page sent, by path without its query. */
  requests: string[];
  events: number;
}

/** Counts the page's API requests and the live event frames it receives. */
function watch(page: Page): Watch {
  const w: Watch = { requests: [], events: 0 };
  page.on('request', (request) => {
    const path = new globalThis.URL(request.url()).pathname;
    if (path.startsWith('/api/')) w.requests.push(path.replace(/\/api\/d-tasks\/[^/]+/, '/api/d-tasks/:id'));
  });
  page.on('websocket', (socket) => {
    // Live events: one per `event` frame, or as many as an `events` frame (the console's batch mode) holds.
    socket.on('framereceived', ({ payload }) => {
      const text = typeof payload === 'string' ? payload : payload.toString();
      if (!text.startsWith(FRAME)) return;
      const [name, body] = JSON.parse(text.slice(FRAME.length)) as [string, unknown];
      if (name === 'event') w.events += 1;
      if (name === 'events') w.events += (body as unknown[]).length;
    });
  });
  return w;
}

const live = (page: Page) => page.getByTestId('connection').filter({ hasText: 'Live' }).waitFor({ timeout: 60_000 });

async function signIn(page: Page, user: string, role: string): Promise<void> {
  await page.goto(URL);
  await page.getByRole('button', { name: 'EN' }).click();
  await page.fill('input[name=user]', user);
  await page.selectOption('select[name=role]', role);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await live(page);
}

interface Opening {
  /** From `page.reload()` to the banner saying Live: the wall clock of the bench and of the page, both epoch ms. */
  total: number;
  /** The same as the bench saw it, after the locator's polling (up to 100 ms late). */
  seenByBench: number;
  /** In the page, from its navigation start: the desk request leaving and answered, `caught-up` received, the banner Live. */
  deskSent: number;
  deskAnswered: number;
  caughtUp: number;
  banner: number;
  requests: number;
}

/**
 * Marks, in the page's own clock, when the live channel says `caught-up` (socket.io takes the
 * page's WebSocket at load) and when the banner first says Live. An init script, so the console's
 * Content-Security-Policy (no eval) does not stand in the way.
 */
const PAGE_MARKERS = `(() => {
  const Base = window.WebSocket;
  window.WebSocket = class extends Base {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', (message) => {
        if (typeof message.data === 'string' && message.data.startsWith('42/live,["caught-up"')) window.__benchCaughtUp ??= performance.now();
      });
    }
  };
  new MutationObserver(() => {
    const banner = document.querySelector('[data-testid=connection]');
    if (banner && banner.textContent.includes('Live')) window.__benchLive ??= performance.now();
  }).observe(document, { subtree: true, childList: true, characterData: true });
})();`;
const PAGE_MARKS = `(() => {
  const desk = performance.getEntriesByType('resource').find((entry) => new URL(entry.name).pathname === '/api/desk');
  return { timeOrigin: performance.timeOrigin, deskSent: desk ? desk.startTime : NaN, deskAnswered: desk ? desk.responseEnd : NaN, caughtUp: window.__benchCaughtUp ?? NaN, banner: window.__benchLive ?? NaN };
})()`;

/** The signed-in console reloaded (the session is in sessionStorage) until its banner says Live. */
async function openOnce(page: Page, w: Watch): Promise<Opening> {
  const before = w.requests.length;
  const startedEpoch = Date.now();
  const started = performance.now();
  await page.reload({ waitUntil: 'commit' });
  await live(page);
  const seenByBench = performance.now() - started;
  const { timeOrigin, ...marks } = (await page.evaluate(PAGE_MARKS)) as { timeOrigin: number; deskSent: number; deskAnswered: number; caughtUp: number; banner: number };
  return { total: timeOrigin + marks.banner - startedEpoch, seenByBench, ...marks, requests: w.requests.length - before };
}

function intakeBody(n: number) {
  return {
    ercTaskId: `console-bench-${process.pid}-${n}-${Date.now()}`,
    receivedAt: new Date().toISOString(),
    taskCode: ['745', '703', '762', '781'][n % 4],
    urgency: 'D',
    municipality: ['Oulu', 'Kempele', 'Raahe', 'Kuusamo'][n % 4],
    address: 'Isokatu 1',
    patient: { ageYears: 60 + (n % 35), personId: `${String((n % 28) + 1).padStart(2, '0')}0150-${String(100 + n).padStart(3, '0')}A` },
    callbackPhone: '+358401234567',
  };
}

const intake = async (erc: string, n: number) => (await post<{ taskId: string }>('/api/d-tasks', erc, intakeBody(n))).taskId;

/**
 * The live work both consoles watch, one command every PACE_MS: an ERC's intakes and another
 * nurse's claims and failed calls, in turn; and twice a call on the task the nurse has open, sent
 * under her name from elsewhere (her phone line's integration, say), so her panel has events of its own.
 */
async function drive(erc: string, options: { commands: number; paceMs: number; first: number; own?: { taskId: string; token: string } }): Promise<void> {
  const nurse = await token('nurse-bench-other', 'nurse');
  let taskId = '';
  const commands: (() => Promise<unknown>)[] = [];
  for (let n = options.first; commands.length < options.commands; n += 1) {
    commands.push(async () => (taskId = await intake(erc, n)));
    commands.push(() => post(`/api/d-tasks/${taskId}/claim`, nurse, {}));
    commands.push(() => post(`/api/d-tasks/${taskId}/callbacks`, nurse, { outcome: 'no-answer' }));
  }
  commands.length = options.commands;
  const own = options.own;
  if (own) {
    commands.splice(15, 0, () => post(`/api/d-tasks/${own.taskId}/callbacks`, own.token, { outcome: 'no-answer' }));
    commands.splice(36, 0, () => post(`/api/d-tasks/${own.taskId}/callbacks`, own.token, { outcome: 'reached' }));
  }
  let next = performance.now();
  for (const command of commands) {
    const wait = next - performance.now();
    if (wait > 0) await sleep(wait);
    next += options.paceMs;
    await command();
  }
}

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
    const desk = { nurse: await deskTimes(own.token), supervisor: await deskTimes(await token('super-sari', 'supervisor')) };

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
