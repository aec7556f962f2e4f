import { SqliteEventStore } from '@dtask/event-store';
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateYear } from '../../apps/simulator/src/generate-year';
import { startTestApp } from '../support/test-app';
import { allEvents, finished, kept, migrate, startMigrate } from './support/migrate-cli';

jest.setTimeout(180_000);

const START_DISPATCH_API = join(__dirname, '..', 'support', 'start-dispatch-api.js');

/** Starts the service on a data folder and stops it again: `started`, or why it refused. */
function startOnce(dataDir: string) {
  return finished(spawn(process.execPath, [START_DISPATCH_API], { env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'silent' }, stdio: ['ignore', 'pipe', 'pipe'] }));
}

/** `npm run migrate` SQLite → SQLite end to end, through the event store port on both sides. */
describe('npm run migrate', () => {
  let root: string;
  let source: string;
  let target: string;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'dtask-migrate-'));
    source = join(root, 'source');
    target = join(root, 'target');
    const store = new SqliteEventStore({ fileName: join(source, 'events.db'), synchronous: 'NORMAL' });
    await generateYear({ store, tasks: 1500, startMs: Date.parse('2025-01-01T00:00:00+02:00'), seed: 15 });
    await store.close();
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('copies every stream in $all order with its ids and metadata; killed mid-run and run again, it loses nothing and doubles nothing; a third run writes nothing', async () => {
    const args = ['--from', `sqlite:${source}`, '--to', `sqlite:${target}`, '--batch', '500'];
    const child = startMigrate(args);
    let lines = 0;
    const killed = await finished(child, (line) => line.startsWith('copied through position') && ++lines === 2 && child.kill('SIGKILL'));
    expect(killed.signal).toBe('SIGKILL');
    expect(killed.stdout).not.toContain('verified');
    const stored = await allEvents(source);
    expect((await allEvents(target)).length).toBeLessThan(stored.length);

    const resumed = await migrate(args);
    expect(resumed.stderr).toBe('');
    expect(resumed.code).toBe(0);
    expect(resumed.stdout).toMatch(new RegExp(`verified \\d+ streams, ${stored.length} events: every count and hash equal`));
    // The same history: every event, in the same order, at the same revision of the same stream.
    expect((await allEvents(target)).map(kept)).toEqual(stored.map(kept));

    const again = await migrate(args);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain(' 0 events this run');
    expect(await allEvents(target)).toHaveLength(stored.length);
  });

  it("ends by naming a stream whose copy differs from the source's (here by its hash), exit 1", async () => {
    const copy = join(root, 'tampered');
    expect((await migrate(['--from', `sqlite:${source}`, '--to', `sqlite:${copy}`])).code).toBe(0);
    const db = new Database(join(copy, 'events.db'));
    const { stream_id: altered } = db.prepare("SELECT stream_id FROM events WHERE type = 'DTaskReceived' LIMIT 1").get() as { stream_id: string };
    db.prepare("UPDATE events SET data = json_set(data, '$.ercNotes', 'changed') WHERE stream_id = ? AND type = 'DTaskReceived'").run(altered);
    db.close();
    const checked = await migrate(['--from', `sqlite:${source}`, '--to', `sqlite:${copy}`]);
    expect(checked.code).toBe(1);
    expect(checked.stderr).toContain(`differs: ${altered}: source `);
    expect(checked.stderr).toContain('verification failed: 1 of ');
  });

  it("refuses to start the service on the target beside the source's read-model snapshot, and starts on it without", async () => {
    // The source's service leaves its snapshot; an operator brings the source's folder along.
    const service = await startTestApp({}, source);
    await service.stop();
    cpSync(join(source, 'read-models'), join(target, 'read-models'), { recursive: true });
    const refused = await startOnce(target);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('was made from another copy of this event store');
    expect(refused.stderr).toContain(join(target, 'read-models'));
    // The cure the message names: the snapshot is only a cache.
    rmSync(join(target, 'read-models'), { recursive: true, force: true });
    expect((await startOnce(target)).stdout).toContain('started');
    // The source itself still resumes from its own snapshot.
    expect((await startOnce(source)).stdout).toContain('started');
  });

  it('refuses a target that holds another history, and names the store it cannot read', async () => {
    const other = join(root, 'other');
    const store = new SqliteEventStore({ fileName: join(other, 'events.db') });
    await store.append('unrelated-1', [{ eventId: globalThis.crypto.randomUUID(), type: 'Unrelated', data: {}, metadata: {} }], { expectedRevision: 'no-stream' });
    await store.close();
    const refused = await migrate(['--from', `sqlite:${source}`, '--to', `sqlite:${other}`]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('migration refused: the target already holds another history');
    const wrong = await migrate(['--from', `sqlite:${source}`, '--to', 'kurrent://nowhere']);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('a store is sqlite:<folder>, kurrentdb://… or esdb://…');
  });
});
