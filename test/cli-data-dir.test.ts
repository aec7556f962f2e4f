import { SqliteEventStore } from '@dtask/event-store';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cast } from './support/dtask-api';
import { startTestApp } from './support/test-app';

/**
 * A shell with the service's settings exported (EVENTSTORE_URL among them) must not turn a CLI's
 * `--data-dir ./copy` into a read or a write of the cluster: `--data-dir` names the embedded store.
 * Nothing listens at this address, so a CLI that followed EVENTSTORE_URL would fail.
 */
const CLUSTER = 'kurrentdb://admin:s3cret@127.0.0.1:1?tls=false';
const LOADER = join(__dirname, '..', 'libs', 'event-store', 'src', 'testing', 'ts-child-loader.js');
const RUN = join(__dirname, 'support', 'run-ts-cli.js');

function cli(entry: string, args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, ['-r', LOADER, RUN, entry, ...args], {
    encoding: 'utf8',
    env: { ...process.env, EVENTSTORE_URL: CLUSTER, PSEUDONYM_KEY: '', ...env },
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('the CLIs with EVENTSTORE_URL in the environment', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dtask-cli-'));
  let dataDir: string;

  beforeAll(async () => {
    const app = await startTestApp();
    await (await cast(app)).intake();
    await app.stop();
    dataDir = app.dataDir;
  }, 60_000);

  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('replay and export read the embedded store that --data-dir names', () => {
    const replay = cli('apps/replay/src/main.ts', ['--format', 'json', '--from', '2020-01-01T00:00:00Z', '--data-dir', dataDir]);
    expect(replay.stderr).toBe('');
    expect(replay.code).toBe(0);
    expect(JSON.parse(replay.stdout)).toMatchObject({ totals: expect.anything() });
    const exported = cli('apps/replay/src/export.ts', ['--format', 'ndjson', '--data-dir', dataDir]);
    expect(exported.code).toBe(0);
    expect(exported.stdout.split('\n').filter(Boolean).map((line) => JSON.parse(line).type)).toContain('DTaskReceived');
  }, 120_000);

  it('backup copies the store --data-dir names, and without it refuses rather than copy a ./data nobody meant', () => {
    const out = join(dir, 'copy.db');
    const backup = cli('apps/replay/src/backup.ts', ['--out', out, '--data-dir', dataDir]);
    expect(backup.code).toBe(0);
    expect(backup.stdout).toMatch(/^backup .*copy\.db: \d+ events/);
    const refused = cli('apps/replay/src/backup.ts', ['--out', join(dir, 'none.db')]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/EVENTSTORE_URL is set: this copies the embedded store only/);
    expect(refused.stderr).not.toContain('s3cret');
    expect(existsSync(join(dir, 'none.db'))).toBe(false);
  }, 60_000);

  it('the year generator writes into the store --data-dir names', async () => {
    const target = join(dir, 'year');
    const generated = cli('apps/simulator/src/main.ts', ['--generate-year', '--tasks', '730', '--seed', '3', '--data-dir', target]);
    expect(generated.stderr).toBe('');
    expect(generated.stdout).toMatch(/generated [1-9]\d* tasks, \d+ events/);
    const store = new SqliteEventStore({ fileName: join(target, 'events.db') });
    try {
      expect((await store.readAll({ maxCount: 10 })).events.length).toBeGreaterThan(0);
    } finally {
      await store.close();
    }
  }, 120_000);
});
