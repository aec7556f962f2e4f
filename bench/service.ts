import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

export const ROOT = join(__dirname, '..', '..');

/** A node program of the repo, its stdout piped so a bench can wait for a line. */
export function start(command: string[], env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, command, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
}

/** The built service on a loopback port and a data directory, once it says it is listening. */
export async function startService(port: number, dataDir: string, env: Record<string, string> = {}): Promise<ChildProcess> {
  const child = start([join(ROOT, 'apps', 'dispatch-api', 'dist', 'main.js')], { PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn', ...env });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('listening') && resolve());
    child.on('exit', (code) => reject(new Error(`dispatch-api exited ${code}`)));
  });
  return child;
}

/** A dev token for a nurse, from the service at `url`. */
export async function nurseToken(url: string, sub: string): Promise<string> {
  const response = await fetch(`${url}/api/auth/dev-token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ sub, role: 'nurse' }) });
  return ((await response.json()) as { token: string }).token;
}
