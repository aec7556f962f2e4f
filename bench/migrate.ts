import Database from 'better-sqlite3';
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './service';
import { median, Section } from './stats';

const TASKS = Number(process.env.MIGRATE_BENCH_TASKS ?? 100_000);
const RUNS = Number(process.env.MIGRATE_BENCH_RUNS ?? 3);
/** Where in a whole run (as a share of its median time) each kill lands: in the copy, late in it, in the verification. */
const KILL_AT = [0.15, 0.45, 0.8];
const MIGRATE = join(ROOT, 'apps', 'migrate', 'dist', 'main.js');

interface Migration {
  seconds: number;
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
}

/** `npm run migrate -- --from … --to …` as built, timed; killed with SIGKILL after `killAfterMs` when given. */
function migrate(source: string, target: string, killAfterMs?: number): Promise<Migration> {
  const started = performance.now();
  const child = spawn(process.execPath, ['--max-semi-space-size=64', MIGRATE, '--from', `sqlite:${source}`, '--to', `sqlite:${target}`], { stdio: ['ignore', 'pipe', 'inherit'] });
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  const timer = killAfterMs === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), killAfterMs);
  return new Promise((resolve) =>
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({ seconds: (performance.now() - started) / 1000, code, signal, stdout });
    }),
  );
}

/** Rows in a store's file, counted beside the tool (which counts through the port). */
function eventsIn(dataDir: string): number {
  const db = new Database(join(dataDir, 'events.db'), { readonly: true });
  try {
    return (db.prepare('SELECT COUNT(*) AS n FROM events').get() as { n: number }).n;
  } finally {
    db.close();
  }
}

const verifiedEvents = (stdout: string) => Number(/verified \d+ streams, (\d+) events: every count and hash equal/.exec(stdout)?.[1] ?? NaN);
const copySeconds = (stdout: string) => Number(/events this run in ([\d.]+) s/.exec(stdout)?.[1] ?? NaN);
const cpuSeconds = (stdout: string) => Number(/([\d.]+) s of CPU\)/.exec(stdout)?.[1] ?? NaN);

export async function run(): Promise<Section> {
  const dir = mkdtempSync(join(tmpdir(), 'dtask-migrate-bench-'));
  const source = join(dir, 'source');
  try {
    const output = execFileSync(process.execPath, [join(ROOT, 'apps', 'simulator', 'dist', 'main.js'), '--generate-year', '--data-dir', source, '--tasks', String(TASKS), '--seed', '2025'], { encoding: 'utf8' });
    const [, tasks, events] = /generated (\d+) tasks, (\d+) events/.exec(output) ?? [];
    const year = { tasks: Number(tasks), events: Number(events) };

    const whole: Migration[] = [];
    for (let i = 0; i < RUNS; i += 1) {
      const target = join(dir, `copy-${i}`);
      const done = await migrate(source, target);
      if (done.code !== 0 || verifiedEvents(done.stdout) !== year.events || eventsIn(target) !== year.events) throw new Error(`migration ${i} did not copy the year whole: ${done.stdout}`);
      whole.push(done);
      rmSync(target, { recursive: true, force: true });
    }
    const seconds = median(whole.map((done) => done.seconds));

    // Killed at a point of the run, then run again: the second run must end verified, with every event once.
    const resumed = [];
    for (const share of KILL_AT) {
      const target = join(dir, `killed-${share}`);
      const killed = await migrate(source, target, Math.round(seconds * share * 1000));
      const atKill = eventsIn(target);
      const again = await migrate(source, target);
      const whole = again.code === 0 && verifiedEvents(again.stdout) === year.events && eventsIn(target) === year.events;
      resumed.push({ killedAt: `${Math.round(share * 100)} % of a run`, killedBy: killed.signal, eventsAtKill: atKill, resumeSeconds: Math.round(again.seconds * 10) / 10, whole });
      rmSync(target, { recursive: true, force: true });
    }
    const allWhole = resumed.every((run) => run.whole && run.killedBy === 'SIGKILL');
    return {
      name: 'migrate',
      measuredAt: new Date().toISOString(),
      machine: `${cpus().length} cores, Node ${process.version}`,
      figures: [
        { name: `migration of a generated year (${year.tasks} tasks, ${year.events} events) SQLite → SQLite, copy and verification`, value: Math.round(seconds * 10) / 10, unit: 's', target: '< 60', met: seconds < 60 },
        { name: 'of which the copy', value: Math.round(median(whole.map((done) => copySeconds(done.stdout))) * 10) / 10, unit: 's' },
        // The machine is shared: a run waits for a core much of the time, and its CPU time is what it would take alone.
        { name: 'CPU time of the migration process (user + system)', value: Math.round(median(whole.map((done) => cpuSeconds(done.stdout))) * 10) / 10, unit: 's', target: '< 60', met: median(whole.map((done) => cpuSeconds(done.stdout))) < 60 },
        { name: 'events copied and verified per second', value: Math.round(year.events / seconds), unit: 'events/s' },
        { name: `killed with SIGKILL at ${KILL_AT.map((share) => `${share * 100} %`).join(', ')} of a run and run again: every event once, verified`, value: resumed.filter((run) => run.whole).length, unit: `of ${KILL_AT.length}`, target: `${KILL_AT.length}`, met: allWhole },
      ],
      details: {
        runs: whole.map((done) => Math.round(done.seconds * 10) / 10),
        cpuSeconds: whole.map((done) => cpuSeconds(done.stdout)),
        resumed,
        durability: 'the copy writes the target with synchronous=NORMAL, 5,000 events a transaction, its checkpoint after them; the file is synced when the copy closes it, before the verification reads it',
      },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
