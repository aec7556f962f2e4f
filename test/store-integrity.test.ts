import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { openSync, readFileSync, writeSync, closeSync } from 'node:fs';
import { join } from 'node:path';
import { cast } from './support/dtask-api';
import { startTestApp } from './support/test-app';

/** Overwrites the header of the page that holds `marker` (a b-tree page with garbage for a type): a damaged file. */
function damagePageHolding(file: string, marker: string): void {
  const bytes = readFileSync(file);
  const at = bytes.indexOf(marker);
  expect(at).toBeGreaterThan(0);
  const pageSize = bytes.readUInt16BE(16) === 1 ? 65_536 : bytes.readUInt16BE(16);
  const pageStart = Math.floor(at / pageSize) * pageSize;
  expect(pageStart).toBeGreaterThan(0); // never page 1: the file must still open as SQLite
  const fd = openSync(file, 'r+');
  writeSync(fd, Buffer.alloc(16, 0xff), 0, 16, pageStart);
  closeSync(fd);
}

/** Starts the real service from its sources in a child process, on DATA_DIR `dataDir`. */
function startService(dataDir: string) {
  return spawnSync(process.execPath, [join(__dirname, 'support', 'start-dispatch-api.js')], {
    encoding: 'utf8',
    // EVENTSTORE_URL cleared: under `EVENTSTORE_URL=… npm test` this service must still open the damaged file.
    env: { ...process.env, EVENTSTORE_URL: '', DATA_DIR: dataDir, LOG_LEVEL: 'error', PORT: '0' },
    timeout: 60_000,
  });
}

describe('a damaged events.db', () => {
  it('is refused at start, naming the file and the cure', async () => {
    const app = await startTestApp();
    const taskId = await (await cast(app)).intake();
    await app.stop();
    const file = join(app.dataDir, 'events.db');

    const healthy = startService(app.dataDir);
    expect(healthy.stdout).toContain('started');
    expect(healthy.status).toBe(0);

    damagePageHolding(file, `"taskId":"${taskId}"`);
    const refused = startService(app.dataDir);
    expect(refused.status).not.toBe(0);
    expect(refused.stdout).not.toContain('started');
    const said = `${refused.stdout}\n${refused.stderr}`;
    expect(said).toContain(`the event store file ${file} is damaged`);
    expect(said).toMatch(/restore .*events\.db from the latest backup/);
    await app.close();
  }, 120_000);

  it('answers 503, not 500, when a read meets a damaged page during work', async () => {
    const first = await startTestApp();
    const api = await cast(first);
    const taskId = await api.intake();
    await first.stop(); // the closed file holds every event, the WAL folded in

    const app = await startTestApp({}, first.dataDir); // passes the check at start
    try {
      const again = await cast(app);
      // (No read of the task before: reading it is logged, and that write would put a good copy of the page in the WAL.)
      const file = join(app.dataDir, 'events.db');
      damagePageHolding(file, `"taskId":"${taskId}"`);
      // Another process commits (a second instance, the year generator): the service's page cache
      // is then read afresh from the file, and meets the damage.
      const other = new Database(file);
      other.prepare("INSERT INTO checkpoints (name, position) VALUES ('other-process', '1') ON CONFLICT (name) DO UPDATE SET position = excluded.position").run();
      other.close();

      const detail = await again.get(again.tokens.nurse, `/api/d-tasks/${taskId}`);
      expect(detail.status).toBe(503);
      expect(detail.headers['retry-after']).toBeDefined();
      // The instance is taken out of rotation: the file needs a restore, not a retry.
      const ready = await app.http.get('/health/ready');
      expect(ready.status).toBe(503);
      expect(ready.body.details.eventStore.message).toContain(`the event store file ${file} is damaged`);
      expect(ready.body.details.eventStore.message).toContain('restore the file from the latest backup');
    } finally {
      await app.close();
    }
  }, 60_000);
});
