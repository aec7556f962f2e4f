import { ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Pool } from 'undici';
import { benchIntake, devToken, HTTP_LOAD, notOkByStatus, Sample, sendJson as send } from './http-load';
import { RoundRobinProxy } from './round-robin-proxy';
import { startService } from './service';
import { median, percentileOf, Section } from './stats';

const { workers: WORKERS, warmUpSeconds: WARM_UP_SECONDS, runSeconds: RUN_SECONDS } = HTTP_LOAD;
const RUNS = Number(process.env.INSTANCES_BENCH_RUNS ?? 3);
const FIRST_PORT = 39_317;
/** Linux counts a process's CPU time in clock ticks of 10 ms. */
const TICK_MS = 10;

interface RunFigures {
  commandsPerSecond: number;
  commandP50: number;
  commandP99: number;
  /** After the load: a claim, then the claimed queue read on the next instance with the claim's position, as the console sends it. */
  readYourWritesP50: number;
  readYourWritesP99: number;
  /** CPU the instances spent per command (user + system), and the balancer and load generator's. */
  instanceCpuMsPerCommand: number;
  driverCpuMsPerCommand: number;
  /** Answers other than 2xx, by status. */
  notOk: Record<number, number>;
}

/** User + system CPU of a child so far, from /proc (Linux). */
function cpuMsOf(child: ChildProcess): number {
  const fields = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
}

/** One task's life as the ERC and a nurse send it, each request to whichever instance the balancer picks. */
async function lifecycle(pool: Pool, worker: number, n: number, tokens: { erc: string; nurse: string }, samples: Sample[]): Promise<void> {
  const call = async (method: 'GET' | 'POST', path: string, token: string, body?: unknown) => {
    const started = performance.now();
    const answer = await send(pool, method, path, token, body);
    samples.push({ ms: performance.now() - started, command: method === 'POST', status: answer.status });
    return answer.body;
  };
  const { taskId } = await call('POST', '/api/d-tasks', tokens.erc, benchIntake(worker, n));
  await call('GET', '/api/d-tasks', tokens.nurse);
  await call('POST', `/api/d-tasks/${taskId}/claim`, tokens.nurse);
  await call('POST', `/api/d-tasks/${taskId}/callbacks`, tokens.nurse, { outcome: 'reached' });
  await call('POST', `/api/d-tasks/${taskId}/assessment`, tokens.nurse, { redFlags: [], concern: false, symptoms: 'dizzy', existingServices: [], notes: '' });
  if (n % 2 === 0) await call('POST', `/api/d-tasks/${taskId}/decision`, tokens.nurse, { kind: 'send-unit', unitLevel: 'basic', urgency: 'D' });
  else await call('POST', `/api/d-tasks/${taskId}/decision`, tokens.nurse, { kind: 'phone-advice', advice: 'rest', safetyNet: 'call 112 if worse', patientInformed: true });
}

/** A claim, then the claimed queue with the claim's position, one pair at a time: how long reading one's own write takes on the next instance. */
async function readYourWrites(pool: Pool, tokens: { erc: string; nurse: string }, pairs: number): Promise<number[]> {
  const latencies: number[] = [];
  for (let i = 0; i < pairs; i += 1) {
    const { body } = await send(pool, 'POST', '/api/d-tasks', tokens.erc, benchIntake(WORKERS, i));
    const claim = await send(pool, 'POST', `/api/d-tasks/${body.taskId}/claim`, tokens.nurse);
    const started = performance.now();
    const read = await send(pool, 'GET', '/api/d-tasks?status=claimed', tokens.nurse, undefined, claim.position);
    latencies.push(performance.now() - started);
    if (read.status !== 200) throw new Error(`read-your-writes probe answered ${read.status}`);
  }
  return latencies;
}

/** A task's requests to one instance: its id in the path. */
const byTask = (url: string) => /^\/api\/d-tasks\/([0-9a-f-]{36})/.exec(url)?.[1];

/**
 * `count` instances on one fresh store behind the round-robin proxy (one instance goes through it
 * too, so both pay for it alike); `sticky`: a task's commands all go to one instance.
 */
async function oneRun(count: number, sticky = false): Promise<RunFigures> {
  const dataDir = mkdtempSync(join(tmpdir(), 'dtask-instances-bench-'));
  const services: ChildProcess[] = [];
  let proxy: RoundRobinProxy | undefined;
  let pool: Pool | undefined;
  try {
    for (let i = 0; i < count; i += 1) services.push(await startService(FIRST_PORT + i, dataDir));
    proxy = new RoundRobinProxy(services.map((_, i) => ({ host: '127.0.0.1', port: FIRST_PORT + i })), sticky ? byTask : undefined);
    pool = new Pool(await proxy.listen(), { connections: WORKERS * 2 });
    const opened = pool;
    const tokens = { erc: await devToken(opened, 'erc-bench', 'erc'), nurse: '' };
    const nurses = await Promise.all(Array.from({ length: WORKERS }, (_, i) => devToken(opened, `nurse-${i}`, 'nurse')));
    const drive = async (seconds: number, samples: Sample[]) => {
      const deadline = performance.now() + seconds * 1000;
      await Promise.all(nurses.map(async (nurse, worker) => {
        for (let n = 0; performance.now() < deadline; n += 1) await lifecycle(opened, worker, n, { erc: tokens.erc, nurse }, samples);
      }));
    };
    await drive(WARM_UP_SECONDS, []);
    const samples: Sample[] = [];
    const cpuBefore = services.reduce((sum, child) => sum + cpuMsOf(child), 0);
    const driverBefore = process.cpuUsage();
    const started = performance.now();
    await drive(RUN_SECONDS, samples);
    const seconds = (performance.now() - started) / 1000;
    const instanceCpu = services.reduce((sum, child) => sum + cpuMsOf(child), 0) - cpuBefore;
    const driver = process.cpuUsage(driverBefore);
    const commands = samples.filter((sample) => sample.command);
    const probe = await readYourWrites(opened, { erc: tokens.erc, nurse: nurses[0]! }, 100);
    return {
      commandsPerSecond: commands.length / seconds,
      commandP50: percentileOf(commands.map((sample) => sample.ms), 50),
      commandP99: percentileOf(commands.map((sample) => sample.ms), 99),
      readYourWritesP50: percentileOf(probe, 50),
      readYourWritesP99: percentileOf(probe, 99),
      instanceCpuMsPerCommand: instanceCpu / commands.length,
      driverCpuMsPerCommand: (driver.user + driver.system) / 1000 / commands.length,
      notOk: notOkByStatus(samples),
    };
  } finally {
    await pool?.close();
    await proxy?.close();
    for (const child of services) child.kill('SIGTERM');
    await Promise.all(services.map((child) => new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once('exit', resolve)))));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export async function run(): Promise<Section> {
  const one: RunFigures[] = [];
  const three: RunFigures[] = [];
  const sticky: RunFigures[] = [];
  // Interleaved, so a busy minute of the shared machine weighs on each alike.
  for (let i = 0; i < RUNS; i += 1) {
    one.push(await oneRun(1));
    three.push(await oneRun(3));
    sticky.push(await oneRun(3, true));
  }
  const m = (runs: RunFigures[], pick: (r: RunFigures) => number) => median(runs.map(pick));
  const ratio = m(three, (r) => r.commandsPerSecond) / m(one, (r) => r.commandsPerSecond);
  const round = (value: number) => Math.round(value * 100) / 100;
  return {
    name: 'instances',
    measuredAt: new Date().toISOString(),
    machine: `${cpus().length} cores, Node ${process.version}`,
    figures: [
      { name: 'one instance behind the proxy: commands per second', value: Math.round(m(one, (r) => r.commandsPerSecond)), unit: 'cmd/s' },
      { name: 'three instances on one store behind the proxy: commands per second', value: Math.round(m(three, (r) => r.commandsPerSecond)), unit: 'cmd/s' },
      { name: 'three instances / one', value: round(ratio), unit: '×', target: '>= 1.5 (or shown why not)', met: ratio >= 1.5 },
      { name: 'three instances, a task\'s commands kept on one instance (affinity by task id): commands per second', value: Math.round(m(sticky, (r) => r.commandsPerSecond)), unit: 'cmd/s' },
      { name: 'three instances with task affinity / one', value: round(m(sticky, (r) => r.commandsPerSecond) / m(one, (r) => r.commandsPerSecond)), unit: '×' },
      { name: 'one instance: command p50', value: round(m(one, (r) => r.commandP50)), unit: 'ms' },
      { name: 'one instance: command p99', value: round(m(one, (r) => r.commandP99)), unit: 'ms' },
      { name: 'three instances: command p50', value: round(m(three, (r) => r.commandP50)), unit: 'ms' },
      { name: 'three instances: command p99', value: round(m(three, (r) => r.commandP99)), unit: 'ms' },
      { name: 'one instance, idle: queue read right after a claim, with its position, p50', value: round(m(one, (r) => r.readYourWritesP50)), unit: 'ms' },
      { name: 'three instances, idle: the same read on the next instance, p50', value: round(m(three, (r) => r.readYourWritesP50)), unit: 'ms' },
      { name: 'three instances, idle: the same read on the next instance, p99', value: round(m(three, (r) => r.readYourWritesP99)), unit: 'ms' },
      { name: 'three instances with task affinity: command p99', value: round(m(sticky, (r) => r.commandP99)), unit: 'ms' },
      { name: 'one instance: CPU per command (the service)', value: round(m(one, (r) => r.instanceCpuMsPerCommand)), unit: 'ms' },
      { name: 'three instances: CPU per command (all three services)', value: round(m(three, (r) => r.instanceCpuMsPerCommand)), unit: 'ms' },
      { name: 'three instances with task affinity: CPU per command', value: round(m(sticky, (r) => r.instanceCpuMsPerCommand)), unit: 'ms' },
      { name: 'proxy and load generator: CPU per command (three instances)', value: round(m(three, (r) => r.driverCpuMsPerCommand)), unit: 'ms' },
    ],
    details: {
      one: one.map((r) => ({ ...r })),
      three: three.map((r) => ({ ...r })),
      threeWithTaskAffinity: sticky.map((r) => ({ ...r })),
      workload: `${WORKERS} nurses, each task: intake, queue read, claim, reached callback, assessment, decision (unit or advice); every request to the next instance in turn. Then, without load, 100 claims each followed by the claimed queue read with the claim's position`,
      why: 'one writer per file: every instance appends to the same events.db under its one write lock, and each follows $all by reading every other instance\'s commits back from the file and folding them, so CPU per command grows with the instances while the cores stay two; without affinity each command also meets a task its instance last saw at an older revision, and decides twice (the append\'s expected revision refuses the first)',
    },
  };
}
