import { ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io, Socket } from 'socket.io-client';
import { nurseToken, ROOT, start, startService } from './service';
import { median, percentileOf, Section } from './stats';

const CLIENTS = 1000;
const STALLED = Number(process.env.BENCH_LIVE_STALLED ?? 20);
const TASKS_PER_SECOND = 20;
const RUN_SECONDS = 15;
const RUNS = Number(process.env.BENCH_LIVE_RUNS ?? 3);
/** A store with history, as the red team's (≈ 360,000 events): stalled clients subscribe from its start. */
const HISTORY_TASKS = Number(process.env.BENCH_LIVE_HISTORY_TASKS ?? 36_000);
const PORT = 39_219;
const URL = `http://127.0.0.1:${PORT}`;


/** CPU seconds a process has used (user + system), from /proc. */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** The service's resident memory, from /proc. */
function rssMb(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((entry) => entry.startsWith('VmRSS:'))!;
  return Number(line.replace(/\D+/g, '')) / 1024;
}

/** The TCP socket under a socket.io client: pausing it is a console that stops reading. */
const tcpOf = (socket: Socket) => (socket.io.engine.transport as unknown as { ws: { _socket: { pause(): void } } }).ws._socket;

/**
 * 1,000 consoles follow live while the simulator drives 20 tasks/s, and 20 more subscribe from the
 * start of a store with history and stop reading: event-to-client latency of the live ones, and the
 * service's peak memory (the stalled ones must not make it buffer their backlog).
 */
async function oneRun(dataDir: string): Promise<{ p50: number; p99: number; deliveries: number; peakRssMb: number; stalledDropped: number; serviceCores: number; clientCores: number }> {
  const service = await startService(PORT, dataDir);
  const sockets: Socket[] = [];
  let peakRssMb = rssMb(service.pid!);
  const sampler = setInterval(() => (peakRssMb = Math.max(peakRssMb, rssMb(service.pid!))), 200);
  try {
    const latencies: number[] = [];
    const tokens = await Promise.all(Array.from({ length: 20 }, (_, i) => nurseToken(URL, `nurse-live-${i}`)));
    let stalledDropped = 0;
    for (let i = 0; i < STALLED; i += 1) {
      const socket = io(`${URL}/live`, { auth: { token: tokens[i % tokens.length] }, transports: ['websocket'], forceNew: true, reconnection: false });
      socket.on('disconnect', () => (stalledDropped += 1));
      sockets.push(socket);
      await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
      socket.emit('subscribe', {});
      tcpOf(socket).pause();
    }
    const live: Socket[] = [];
    for (let i = 0; i < CLIENTS; i += 1) {
      const socket = io(`${URL}/live`, { auth: { token: tokens[i % tokens.length] }, transports: ['websocket'], forceNew: true, reconnection: false });
      // As the console does: events that come together arrive in one frame.
      socket.on('events', (events: { metadata: { occurredAt: string } }[]) => {
        const now = Date.now();
        for (const event of events) latencies.push(now - Date.parse(event.metadata.occurredAt));
      });
      live.push(socket);
    }
    sockets.push(...live);
    await Promise.all(live.map((socket) => new Promise<void>((resolve) => socket.once('connect', () => (socket.emit('subscribe', { fromNow: true, batch: true }), resolve())))));
    // Where the two cores go while it runs: the service, and these 1,020 clients in one process.
    const startedMs = Date.now();
    const serviceCpu = cpuSeconds(service.pid!);
    const clientCpu = process.cpuUsage();
    const simulator = start([join(ROOT, 'apps', 'simulator', 'dist', 'main.js'), '--url', URL, '--rate', String(TASKS_PER_SECOND), '--speedup', '120', '--duration', String(RUN_SECONDS), '--nurses', '8'], {});
    await new Promise((resolve) => simulator.once('exit', resolve));
    const wallSeconds = (Date.now() - startedMs) / 1000;
    const clientUsed = process.cpuUsage(clientCpu);
    const serviceCores = (cpuSeconds(service.pid!) - serviceCpu) / wallSeconds;
    const clientCores = (clientUsed.user + clientUsed.system) / 1e6 / wallSeconds;
    await new Promise((resolve) => setTimeout(resolve, 1000));
    return { p50: percentileOf(latencies, 50), p99: percentileOf(latencies, 99), deliveries: latencies.length, peakRssMb, stalledDropped, serviceCores, clientCores };
  } finally {
    clearInterval(sampler);
    for (const socket of sockets) socket.close();
    service.kill('SIGTERM');
    await new Promise((resolve) => service.once('exit', resolve));
  }
}

export async function run(): Promise<Section> {
  const dataDir = mkdtempSync(join(tmpdir(), 'dtask-live-clients-'));
  try {
    const generator = start([join(ROOT, 'apps', 'simulator', 'dist', 'main.js'), '--generate-year', '--tasks', String(HISTORY_TASKS), '--data-dir', dataDir], {});
    let printed = '';
    generator.stdout!.on('data', (chunk: Buffer) => (printed += chunk.toString()));
    await new Promise((resolve) => generator.once('exit', resolve));
    const history = { events: Number(/generated \d+ tasks, (\d+) events/.exec(printed)?.[1] ?? NaN) };
    const runs = [];
    for (let i = 0; i < RUNS; i += 1) runs.push(await oneRun(dataDir));
    const p99 = median(runs.map((r) => r.p99));
    const peak = Math.max(...runs.map((r) => r.peakRssMb));
    return {
      name: 'live-clients',
      measuredAt: new Date().toISOString(),
      machine: `${require('node:os').cpus().length} cores, Node ${process.version}`,
      figures: [
        { name: `event-to-client latency p50, ${CLIENTS} live clients, ${TASKS_PER_SECOND} tasks/s`, value: Math.round(median(runs.map((r) => r.p50))), unit: 'ms' },
        { name: `event-to-client latency p99, ${CLIENTS} live clients`, value: Math.round(p99), unit: 'ms', target: '< 100', met: p99 < 100 },
        { name: `service peak memory with ${STALLED} stalled clients on ${history.events} events`, value: Math.round(peak), unit: 'MB', target: '< 1024', met: peak < 1024 },
        { name: 'cores used by the service during the run', value: Math.round(median(runs.map((r) => r.serviceCores)) * 100) / 100, unit: 'cores' },
        { name: 'cores used by the 1,020 clients (one process) during the run', value: Math.round(median(runs.map((r) => r.clientCores)) * 100) / 100, unit: 'cores' },
      ],
      details: {
        runs: runs.map((r) => ({
          p50: Math.round(r.p50), p99: Math.round(r.p99), deliveries: r.deliveries, peakRssMb: Math.round(r.peakRssMb), stalledDropped: r.stalledDropped,
          serviceCores: Math.round(r.serviceCores * 100) / 100, clientCores: Math.round(r.clientCores * 100) / 100,
        })),
        historyEvents: history.events,
        measuredFrom: 'metadata.occurredAt (command time, just before the append) to receipt; the load generator shares the two cores',
      },
    };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  run().then((section) => console.log(JSON.stringify(section, null, 2)), (error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
