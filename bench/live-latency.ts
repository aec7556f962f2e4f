import { ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { io, Socket } from 'socket.io-client';
import { nurseToken, ROOT, start, startService } from './service';
import { median, percentileOf, Section } from './stats';

const CLIENTS = 200;
const TASKS_PER_SECOND = 20;
const RUN_SECONDS = 10;
const RUNS = 3;
const PORT = 39_218;
const URL = `http://127.0.0.1:${PORT}`;


/** 200 consoles subscribed while the simulator drives 20 tasks/s: from an event's time to each client's receipt. */
async function oneRun(): Promise<{ p50: number; p99: number; deliveries: number }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'dtask-live-bench-'));
  const service = await startService(PORT, dataDir);
  const sockets: Socket[] = [];
  try {
    const latencies: number[] = [];
    const tokens = await Promise.all(Array.from({ length: 20 }, (_, i) => nurseToken(URL, `nurse-live-${i}`)));
    for (let i = 0; i < CLIENTS; i += 1) {
      const socket = io(`${URL}/live`, { auth: { token: tokens[i % tokens.length] }, transports: ['websocket'], forceNew: true, reconnection: false });
      socket.on('event', (event: { metadata: { occurredAt: string } }) => latencies.push(Date.now() - Date.parse(event.metadata.occurredAt)));
      sockets.push(socket);
    }
    await Promise.all(sockets.map((socket) => new Promise<void>((resolve) => socket.once('connect', () => (socket.emit('subscribe', {}), resolve())))));
    const simulator = start([join(ROOT, 'apps', 'simulator', 'dist', 'main.js'), '--url', URL, '--rate', String(TASKS_PER_SECOND), '--speedup', '120', '--duration', String(RUN_SECONDS), '--nurses', '8'], {});
    await new Promise((resolve) => simulator.once('exit', resolve));
    await new Promise((resolve) => setTimeout(resolve, 500));
    return { p50: percentileOf(latencies, 50), p99: percentileOf(latencies, 99), deliveries: latencies.length };
  } finally {
    for (const socket of sockets) socket.close();
    service.kill('SIGTERM');
    await new Promise((resolve) => service.once('exit', resolve));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function consoleFirstLoadGzipBytes(): number {
  const assets = join(ROOT, 'apps', 'console', 'dist', 'assets');
  return readdirSync(assets)
    .filter((name) => name.endsWith('.js'))
    .reduce((total, name) => total + gzipSync(readFileSync(join(assets, name))).length, 0);
}

export async function run(): Promise<Section> {
  const runs = [];
  for (let i = 0; i < RUNS; i += 1) runs.push(await oneRun());
  const p99 = median(runs.map((r) => r.p99));
  const bundle = consoleFirstLoadGzipBytes();
  return {
    name: 'live-latency',
    measuredAt: new Date().toISOString(),
    machine: `${require('node:os').cpus().length} cores, Node ${process.version}`,
    figures: [
      { name: `event-to-client latency p50, ${CLIENTS} clients, ${TASKS_PER_SECOND} tasks/s`, value: Math.round(median(runs.map((r) => r.p50))), unit: 'ms' },
      { name: `event-to-client latency p99, ${CLIENTS} clients`, value: Math.round(p99), unit: 'ms', target: '< 100', met: p99 < 100 },
      { name: 'console first-load JavaScript, gzipped', value: Math.round(bundle / 1024), unit: 'kB', target: '< 300', met: bundle < 300 * 1024 },
    ],
    details: { runs: runs.map((r) => ({ p50: Math.round(r.p50), p99: Math.round(r.p99), deliveries: r.deliveries })), measuredFrom: 'metadata.occurredAt (command time, just before the append) to receipt' },
  };
}
