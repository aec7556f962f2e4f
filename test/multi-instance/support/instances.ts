import { SqliteEventStore } from '@dtask/event-store';
import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RoundRobinProxy } from '../../../bench/round-robin-proxy';

const RUN = join(__dirname, '..', '..', 'support', 'run-dispatch-api.js');

export interface Instance {
  child: ChildProcess;
  host: string;
  port: number;
  url: string;
  /** SIGTERM, then the exit: the store flushed and the snapshot written. */
  stop(): Promise<void>;
}

/**
 * One dispatch-api process as `npm start` runs it (from the sources), on a port of its own
 * choosing and the given data folder: several of them on one folder share one embedded store,
 * each following `$all` from the file, as instances on a cluster follow the cluster's.
 */
export async function startInstance(dataDir: string, env: Record<string, string> = {}): Promise<Instance> {
  const child = spawn(process.execPath, [RUN], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'silent', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    let stdout = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const listening = /listening on (http:\/\/[^\s]+)/.exec(stdout);
      if (listening) resolve(listening[1]!.replace('localhost', '127.0.0.1'));
    });
    child.once('exit', (code) => reject(new Error(`dispatch-api exited ${code}: ${stderr}`)));
  });
  const { hostname, port } = new URL(url);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    child,
    host: hostname,
    port: Number(port),
    url,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

export function startInstances(count: number, dataDir: string, env: Record<string, string> = {}): Promise<Instance[]> {
  return Promise.all(Array.from({ length: count }, () => startInstance(dataDir, env)));
}

/** A dev token from any instance (they share the signing secret, as instances of one service do). */
export async function tokenFor(url: string, role: string, sub: string, service?: string): Promise<string> {
  const response = await fetch(`${url}/api/auth/dev-token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(service ? { sub, role, service } : { sub, role }) });
  if (response.status !== 200) throw new Error(`dev-token ${response.status}`);
  return ((await response.json()) as { token: string }).token;
}

export interface Answer<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

/** One request as a console sends it, with the position header when given; a query's 503 (read models catching up) is retried, as Retry-After asks. */
export async function call<T = any>(url: string, token: string, method: 'GET' | 'POST', path: string, options: { body?: unknown; position?: string } = {}): Promise<Answer<T>> {
  for (let attempt = 1; ; attempt += 1) {
    const answer = await callOnce<T>(url, token, method, path, options);
    if (answer.status !== 503 || method !== 'GET' || attempt >= 20) return answer;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function callOnce<T>(url: string, token: string, method: 'GET' | 'POST', path: string, options: { body?: unknown; position?: string }): Promise<Answer<T>> {
  const response = await fetch(`${url}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(options.position !== undefined ? { 'x-event-position': options.position } : {}),
    },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  return { status: response.status, body: (await response.json().catch(() => undefined)) as T, headers: response.headers };
}

export interface Balanced {
  dataDir: string;
  instances: Instance[];
  proxy: RoundRobinProxy;
  /** The balancer's address: what a console or the ERC would be given. */
  url: string;
  /** The store file itself, opened by the test, to read what the instances wrote. */
  store: SqliteEventStore;
  close(): Promise<void>;
}

/** `count` instances on a fresh data folder behind the round-robin proxy. */
export async function startBalanced(count: number, env: Record<string, string> = {}): Promise<Balanced> {
  const dataDir = mkdtempSync(join(tmpdir(), 'dtask-instances-'));
  const instances = await startInstances(count, dataDir, env);
  const proxy = new RoundRobinProxy(instances);
  const url = await proxy.listen();
  const store = new SqliteEventStore({ fileName: join(dataDir, 'events.db') });
  return {
    dataDir,
    instances,
    proxy,
    url,
    store,
    async close() {
      await store.close();
      await proxy.close();
      for (const instance of instances) instance.child.kill('SIGCONT');
      await Promise.all(instances.map((instance) => instance.stop()));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
