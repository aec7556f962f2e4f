import { backupStore, restoreStore, verifyBackup } from '@dtask/event-store';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cast } from './support/dtask-api';
import { startTestApp, TestApp } from './support/test-app';

const CLI = ['-r', join(__dirname, '..', 'libs', 'event-store', 'src', 'testing', 'ts-child-loader.js'), join(__dirname, 'support', 'run-replay-cli.js')];

describe('online backup and verified restore of the embedded store', () => {
  let app: TestApp;
  let backups: string;

  beforeEach(async () => {
    app = await startTestApp();
    backups = mkdtempSync(join(tmpdir(), 'dtask-backups-'));
  });
  afterEach(async () => {
    await app.close();
    rmSync(backups, { recursive: true, force: true });
  });

  it('copies a store that is being written to as one consistent commit, verified, mode 0600', async () => {
    const api = await cast(app);
    for (let i = 0; i < 5; i += 1) await api.intake();
    let writing = true;
    const writes = (async () => {
      while (writing) await api.intake();
    })();
    const summary = await backupStore(app.dataDir, join(backups, 'during-writes.db'));
    writing = false;
    await writes;
    expect(summary.events).toBeGreaterThanOrEqual(5);
    expect(statSync(summary.file).mode & 0o777).toBe(0o600);
    // Each task in the copy is whole: its stream's revisions run from 0 without a gap.
    const Database = (await import('better-sqlite3')).default;
    const copy = new Database(summary.file, { readonly: true });
    const gaps = copy.prepare('SELECT stream_id FROM events GROUP BY stream_id HAVING max(revision) + 1 <> count(*)').all();
    copy.close();
    expect(gaps).toEqual([]);
    await expect(backupStore(app.dataDir, summary.file)).rejects.toThrow(/exists already/);
  }, 30_000);

  it('refuses a damaged backup, naming the file', async () => {
    const file = join(backups, 'damaged.db');
    writeFileSync(file, Buffer.alloc(8192, 7));
    expect(() => verifyBackup(file)).toThrow(/damaged\.db/);
  });

  it('restores the backed-up state and rebuilds the read models from it: nothing later or stale survives', async () => {
    const api = await cast(app);
    const kept = await api.intake();
    const backup = await backupStore(app.dataDir, join(backups, 'kept.db'));
    const later = await api.intake();
    await app.stop();
    expect(existsSync(join(app.dataDir, 'read-models'))).toBe(true);

    const { restored, keptAs } = await restoreStore(backup.file, app.dataDir);
    expect(restored.headEventId).toBe(backup.headEventId);
    expect(keptAs && existsSync(keptAs)).toBeTruthy();
    expect(existsSync(join(app.dataDir, 'read-models'))).toBe(false);

    const again = await startTestApp({}, app.dataDir);
    try {
      const supervisor = await again.tokenFor('supervisor', 'super-restore');
      const queue = (await again.http.get('/api/d-tasks').set('Authorization', `Bearer ${supervisor}`).expect(200)).body.tasks.map((task: { taskId: string }) => task.taskId);
      expect(queue).toContain(kept);
      expect(queue).not.toContain(later);
    } finally {
      await again.stop();
    }
  }, 30_000);

  it('runs from the command line: npm run backup -- --out FILE', async () => {
    const api = await cast(app);
    await api.intake();
    const out = join(backups, 'cli.db');
    const printed = execFileSync(process.execPath, [...CLI, '--out', out, '--data-dir', app.dataDir], { encoding: 'utf8', env: { ...process.env, REPLAY_CLI_ENTRY: 'backup' } });
    expect(printed).toMatch(/^backup .*cli\.db: \d+ events in \d+ streams, up to position \d+, verified/);
    expect(verifyBackup(out).events).toBeGreaterThan(0);
  }, 60_000);
});
