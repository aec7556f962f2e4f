import { createDTaskDecider, DEFAULT_SAFETY_RULES } from '@dtask/domain';
import { readAllBatches, SqliteEventStore } from '@dtask/event-store';
import { readStoredEvent } from '@dtask/events';
import { DEV_PSEUDONYM_KEY, FoldEvent, PatientIndex, Pseudonymiser, TaskBoardFold, TaskFactsFold, WhatIfReplay } from '@dtask/read-models';
import Database from 'better-sqlite3';
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { median, Section } from './stats';

/** Knobs for quick or side-by-side runs: a smaller year, more runs, or a year generated before (its events.db, copied). */
const TASKS = Number(process.env.REPLAY_BENCH_TASKS ?? 110_000);
const RUNS = Number(process.env.REPLAY_BENCH_RUNS ?? 3);
const GENERATED_STORE = process.env.REPLAY_BENCH_STORE;

/** `$all` in batches, as the service's replays read it; memory is sampled once a batch. */
async function* foldBatches(store: SqliteEventStore, onBatch: () => void): AsyncIterable<FoldEvent[]> {
  for await (const batch of readAllBatches(store)) {
    yield batch as unknown as FoldEvent[];
    onBatch();
  }
}

interface Rate {
  perSecond: number;
  /** Per second of the process's CPU time: steadier than wall time while others share the machine. */
  perCpuSecond: number;
}

/** The machine's load over 1, 5 and 15 minutes: other work on shared cores slows the replay and its ceiling alike, and the CPU rates less. */
const loadNow = () => loadavg().map((value) => Math.round(value * 100) / 100);

const startClocks = () => ({ wall: performance.now(), cpu: process.cpuUsage() });

function rateSince(started: ReturnType<typeof startClocks>, events: number): Rate {
  const cpu = process.cpuUsage(started.cpu);
  return { perSecond: events / ((performance.now() - started.wall) / 1000), perCpuSecond: events / ((cpu.user + cpu.system) / 1e6) };
}

/** Replays `$all` through the port into every read model the service keeps: the measures' facts and the task board. */
async function replayIntoProjections(store: SqliteEventStore): Promise<Rate & { events: number; peakRss: number }> {
  const decider = createDTaskDecider();
  // One patient index for both, keyed by pseudonym as in the service, which pays the HMAC too.
  const patients = new PatientIndex(new Pseudonymiser(DEV_PSEUDONYM_KEY));
  const facts = new TaskFactsFold(patients);
  const board = new TaskBoardFold(decider, patients);
  let peakRss = process.memoryUsage().rss;
  const started = startClocks();
  let events = 0;
  for await (const batch of foldBatches(store, () => (peakRss = Math.max(peakRss, process.memoryUsage().rss)))) {
    for (const event of batch) {
      patients.apply(event);
      facts.apply(event);
      board.apply(event);
    }
    events += batch.length;
  }
  return { ...rateSince(started, events), events, peakRss };
}

/** A what-if over the same year: a stricter S1 and a shorter S2 limit. */
async function whatIfOverYear(store: SqliteEventStore): Promise<{ perSecond: number; peakRss: number }> {
  const replay = new WhatIfReplay({
    fromMs: 0,
    toMs: Date.parse('2100-01-01T00:00:00Z'),
    actualRules: DEFAULT_SAFETY_RULES,
    whatIfRules: { ...DEFAULT_SAFETY_RULES, s1FailedAttempts: 1, s2DispatchMinutes: 45 },
    assumedMissionMinutes: 75,
  });
  let peakRss = process.memoryUsage().rss;
  const started = performance.now();
  let events = 0;
  for await (const batch of foldBatches(store, () => (peakRss = Math.max(peakRss, process.memoryUsage().rss)))) {
    for (const event of batch) replay.apply(event);
    events += batch.length;
  }
  replay.report();
  return { perSecond: events / ((performance.now() - started) / 1000), peakRss };
}

/** `$all` through the port into no fold: the replay's own reading, against the ceiling below. */
async function readAlone(store: SqliteEventStore): Promise<Rate> {
  const started = startClocks();
  let events = 0;
  for await (const batch of readAllBatches(store)) events += batch.length;
  return rateSince(started, events);
}

function rawCeiling(fileName: string): Rate {
  const db = new Database(fileName, { readonly: true });
  const started = startClocks();
  let count = 0;
  for (const row of db.prepare('SELECT stream_id, revision, position, event_id, type, data, metadata, recorded_at FROM events ORDER BY position').raw().iterate() as Iterable<unknown[]>) {
    JSON.parse(row[5] as string);
    JSON.parse(row[6] as string);
    count += 1;
  }
  const rate = rateSince(started, count);
  db.close();
  return rate;
}

/** The same generator as `npm run simulate -- --generate-year`, run as its CLI. */
function generateYear(dir: string): { tasks: number; events: number } {
  const output = execFileSync(process.execPath, [join(__dirname, '..', '..', 'apps', 'simulator', 'dist', 'main.js'), '--generate-year', '--data-dir', dir, '--tasks', String(TASKS), '--seed', '2025'], { encoding: 'utf8' });
  const [, tasks, events] = /generated (\d+) tasks, (\d+) events/.exec(output) ?? [];
  return { tasks: Number(tasks), events: Number(events) };
}

/** A year generated before (REPLAY_BENCH_STORE), copied so the run cannot change it: its tasks and events counted. */
function copiedYear(source: string, fileName: string): { tasks: number; events: number } {
  if (!existsSync(source)) throw new Error(`REPLAY_BENCH_STORE: no file ${source}`);
  copyFileSync(source, fileName);
  if (existsSync(`${source}-wal`)) copyFileSync(`${source}-wal`, `${fileName}-wal`);
  const db = new Database(fileName, { readonly: true });
  const { events } = db.prepare('SELECT count(*) AS events FROM events').get() as { events: number };
  const { tasks } = db.prepare("SELECT count(*) AS tasks FROM events WHERE type = 'DTaskReceived'").get() as { tasks: number };
  db.close();
  return { tasks, events };
}

export async function run(): Promise<Section> {
  const dir = mkdtempSync(join(tmpdir(), 'dtask-replay-bench-'));
  const fileName = join(dir, 'events.db');
  let store: SqliteEventStore | undefined;
  try {
    const year = GENERATED_STORE ? copiedYear(GENERATED_STORE, fileName) : generateYear(dir);
    // Read as the service and the replay CLI read: through the read boundary, one upcast per event.
    store = new SqliteEventStore({ fileName, synchronous: 'NORMAL', readBoundary: readStoredEvent });
    const opened = store;
    const loadBefore = loadNow();
    let peakRss = 0;
    // Interleaved, so a busy minute of the shared machine weighs on the replay and its ceiling alike.
    const runs = { replay: [] as number[], read: [] as number[], raw: [] as number[] };
    const cpuRuns = { replay: [] as number[], read: [] as number[], raw: [] as number[] };
    const record = (name: keyof typeof runs, rate: Rate) => {
      runs[name].push(rate.perSecond);
      cpuRuns[name].push(rate.perCpuSecond);
    };
    for (let i = 0; i < RUNS; i += 1) {
      const result = await replayIntoProjections(opened);
      peakRss = Math.max(peakRss, result.peakRss);
      record('replay', result);
      record('read', await readAlone(opened));
      record('raw', rawCeiling(fileName));
    }
    const replay = { median: median(runs.replay) };
    const raw = { median: median(runs.raw) };
    const cpuRatio = median(cpuRuns.replay) / median(cpuRuns.raw);
    const whatIf = await whatIfOverYear(opened);
    const ratio = replay.median / raw.median;
    return {
      name: 'replay',
      measuredAt: new Date().toISOString(),
      machine: `${require('node:os').cpus().length} cores, Node ${process.version}`,
      figures: [
        { name: `replay of a generated year (${year.tasks} tasks, ${year.events} events) into every read model`, value: Math.round(replay.median), unit: 'events/s', target: '>= 100000', met: replay.median >= 100_000 },
        { name: 'raw ceiling: SQLite scan + JSON.parse, same rows', value: Math.round(raw.median), unit: 'events/s' },
        { name: 'replay / raw ceiling', value: Math.round(ratio * 100) / 100, unit: 'ratio', target: '>= 0.7', met: ratio >= 0.7 },
        { name: 'the same ratio by CPU time (events per CPU second of the process)', value: Math.round(cpuRatio * 100) / 100, unit: 'ratio' },
        { name: '$all read through the port alone (no fold) / raw ceiling', value: Math.round((median(runs.read) / raw.median) * 100) / 100, unit: 'ratio' },
        { name: 'peak memory (RSS) during replay', value: Math.round(peakRss / 1024 / 1024), unit: 'MB', target: '< 1024', met: peakRss < 1024 * 1024 * 1024 },
        { name: 'what-if over the same year (S1 after 1 attempt, S2 at 45 min), one run', value: Math.round(whatIf.perSecond), unit: 'events/s' },
        { name: 'peak memory (RSS) during the what-if', value: Math.round(whatIf.peakRss / 1024 / 1024), unit: 'MB', target: '< 1024', met: whatIf.peakRss < 1024 * 1024 * 1024 },
      ],
      details: {
        runs: Object.fromEntries(Object.entries(runs).map(([name, values]) => [name, values.map(Math.round)])),
        perCpuSecond: Object.fromEntries(Object.entries(cpuRuns).map(([name, values]) => [name, values.map(Math.round)])),
        loadAverage: { before: loadBefore, after: loadNow() },
      },
    };
  } finally {
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
