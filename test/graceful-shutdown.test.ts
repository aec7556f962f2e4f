import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io } from 'socket.io-client';
import { intakeBody } from './support/dtask-api';
import { startTestApp } from './support/test-app';

const RUN = join(__dirname, 'support', 'run-dispatch-api.js');
const PORT = 39_417;
const URL = `http://127.0.0.1:${PORT}`;

/** The service as `npm start` runs it, in a child process of its own, on DATA_DIR even under `EVENTSTORE_URL=… npm test` (the restart below opens that file). */
async function startService(dataDir: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, [RUN], { env: { ...process.env, EVENTSTORE_URL: '', PORT: String(PORT), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'silent' }, stdio: ['ignore', 'pipe', 'pipe'] });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('listening') && resolve());
    child.once('exit', (code) => reject(new Error(`exited ${code}`)));
  });
  return child;
}

describe('graceful shutdown', () => {
  it('on SIGTERM under writes, with a live console connected: stops within the bound, loses nothing it acknowledged, and leaves its snapshot', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'dtask-shutdown-'));
    try {
      const service = await startService(dataDir);
      const token = ((await (await fetch(`${URL}/api/auth/dev-token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ sub: 'erica', role: 'erc' }) })).json()) as { token: string }).token;
      const acknowledged: string[] = [];
      let writing = true;
      const writers = Array.from({ length: 8 }, async () => {
        while (writing) {
          try {
            const response = await fetch(`${URL}/api/d-tasks`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(intakeBody()) });
            if (response.status === 201) acknowledged.push(((await response.json()) as { taskId: string }).taskId);
          } catch {
            return; // the service has gone
          }
        }
      });
      // A console on the live channel stays connected through the stop.
      const nurse = ((await (await fetch(`${URL}/api/auth/dev-token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ sub: 'nurse-live', role: 'nurse' }) })).json()) as { token: string }).token;
      const socket = io(`${URL}/live`, { auth: { token: nurse }, transports: ['websocket'], reconnection: false, forceNew: true });
      await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
      socket.emit('subscribe', { fromNow: true });
      await new Promise((resolve) => setTimeout(resolve, 500));
      const stoppedAt = Date.now();
      service.kill('SIGTERM');
      const code = await new Promise<number | null>((resolve) => service.once('exit', (exitCode) => resolve(exitCode)));
      writing = false;
      await Promise.all(writers);
      socket.close();
      // Well inside the 10 s after which the process would exit without its snapshot.
      expect(Date.now() - stoppedAt).toBeLessThan(8_000);
      expect(code === 0 || code === null).toBe(true);
      expect(acknowledged.length).toBeGreaterThan(0);
      expect(existsSync(join(dataDir, 'read-models', 'snapshot.json'))).toBe(true);

      // Every intake it acknowledged is there after a restart.
      const again = await startTestApp({}, dataDir);
      try {
        const supervisor = await again.tokenFor('supervisor');
        const queue = new Set(((await again.http.get('/api/d-tasks').set('Authorization', `Bearer ${supervisor}`).expect(200)).body.tasks as { taskId: string }[]).map((task) => task.taskId));
        expect(acknowledged.filter((taskId) => !queue.has(taskId))).toEqual([]);
      } finally {
        await again.stop();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});
