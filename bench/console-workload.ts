import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { median } from './stats';

/** The console bench's service and the HTTP work it is given while the consoles are open. */
export const PORT = 39_219;
export const URL = `http://127.0.0.1:${PORT}`;
const ROOT = join(__dirname, '..', '..');

export async function startService(dataDir: string): Promise<{ child: ChildProcess; startMs: number }> {
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

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function post<T>(path: string, token: string | undefined, body: unknown): Promise<T> {
  const response = await fetch(`${URL}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  const payload = (await response.json().catch(() => ({}))) as T;
  if (!response.ok) throw new Error(`POST ${path}: ${response.status} ${JSON.stringify(payload)}`);
  return payload;
}

export const token = async (sub: string, role: string) => (await post<{ token: string }>('/api/auth/dev-token', undefined, { sub, role })).token;

/** `GET /api/desk` from outside the browser, as the console sends it: time and size on this store. */
export async function deskTimes(bearer: string, runs: number): Promise<{ ms: number; bytes: number; queue: number; claimed: number }> {
  const times: number[] = [];
  let bytes = 0;
  let queue = 0;
  let claimed = 0;
  for (let i = 0; i < runs; i += 1) {
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

export const intake = async (erc: string, n: number) => (await post<{ taskId: string }>('/api/d-tasks', erc, intakeBody(n))).taskId;

/**
 * The live work both consoles watch, one command every PACE_MS: an ERC's intakes and another
 * nurse's claims and failed calls, in turn; and twice a call on the task the nurse has open, sent
 * under her name from elsewhere (her phone line's integration, say), so her panel has events of its own.
 */
export async function drive(erc: string, options: { commands: number; paceMs: number; first: number; own?: { taskId: string; token: string } }): Promise<void> {
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

