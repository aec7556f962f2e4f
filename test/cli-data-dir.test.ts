import { SqliteEventStore } from '@dtask/event-store';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
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

/** The outcome rows' entry runs only as the main module, which it is not under RUN: its CLI function, with RUN's @dtask mapping. */
const ROOT = join(__dirname, '..');
const OUTCOME_ROWS = [
  '-e',
  `const M = require('node:module'); const { join } = require('node:path'); const r = M._resolveFilename;
   M._resolveFilename = function (q, ...rest) { const m = /^@dtask\\/([^/]+)$/.exec(q); return r.call(this, m ? join(${JSON.stringify(ROOT)}, 'libs', m[1], 'src', 'index.ts') : q, ...rest); };
   require(${JSON.stringify(join(ROOT, 'apps', 'simulator', 'src', 'outcome-rows.ts'))}).outcomeRowsCli().catch((e) => { console.error(e.message); process.exit(1); });`,
  '--',
];

function cli(entry: string | string[], args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, ['-r', LOADER, ...(typeof entry === 'string' ? [RUN, entry] : entry), ...args], {
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

  it('the year generator writes into the store --data-dir names, and its outcome rows are read from it', async () => {
    const target = join(dir, 'year');
    const outcomes = join(dir, 'outcomes.csv');
    const generated = cli('apps/simulator/src/main.ts', ['--generate-year', '--tasks', '730', '--seed', '3', '--data-dir', target, '--outcomes-csv', outcomes]);
    expect(generated.stderr).toBe('');
    expect(generated.stdout).toMatch(/generated [1-9]\d* tasks, \d+ events/);
    expect(generated.stdout).toMatch(/outcomes\.csv: [1-9]\d* outcome rows; import them with npm run import-outcomes/);
    // The rows on their own, from the store --data-dir names, then from DATA_DIR alone: the same file.
    const alone = join(dir, 'alone.csv');
    const rows = cli(OUTCOME_ROWS, ['--seed', '3', '--data-dir', target, '--out', alone]);
    expect([rows.code, rows.stderr]).toEqual([0, '']);
    expect(readFileSync(alone, 'utf8')).toBe(readFileSync(outcomes, 'utf8'));
    const byEnv = join(dir, 'by-env.csv');
    expect(cli(OUTCOME_ROWS, ['--seed', '3', '--out', byEnv], { EVENTSTORE_URL: '', DATA_DIR: target }).code).toBe(0);
    expect(readFileSync(byEnv, 'utf8')).toBe(readFileSync(outcomes, 'utf8'));
    const store = new SqliteEventStore({ fileName: join(target, 'events.db') });
    try {
      expect((await store.readAll({ maxCount: 10 })).events.length).toBeGreaterThan(0);
    } finally {
      await store.close();
    }
  }, 120_000);
});
