import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openEventStore } from '../open-event-store';
import { describeEventStoreContract } from '../testing/event-store.contract';
import { SqliteEventStore } from './sqlite-event-store';

const dataDir = mkdtempSync(join(tmpdir(), 'dtask-store-'));

describeEventStoreContract('sqlite', {
  open: () => openEventStore({ dataDir }),
  childEnv: () => ({ DTASK_TEST_DATA_DIR: dataDir }),
  cleanup: async () => rmSync(dataDir, { recursive: true, force: true }),
  detectsIdsAcrossStreams: true,
});

describe('SQLite adapter specifics', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dtask-sqlite-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps the file in WAL mode with synchronous=FULL by default', async () => {
    const fileName = join(dir, 'pragmas.db');
    const store = new SqliteEventStore({ fileName });
    await store.append('s', [{ eventId: globalThis.crypto.randomUUID(), type: 'T', data: {}, metadata: {} }], { expectedRevision: 'any' });
    const probe = new Database(fileName, { readonly: true });
    expect(probe.pragma('journal_mode', { simple: true })).toBe('wal');
    probe.close();
    expect((store as unknown as { db: Database.Database }).db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    await store.close();
  });

  it('opens ./data/events.db under the data directory', async () => {
    const store = await openEventStore({ dataDir: join(dir, 'nested', 'data') });
    await store.append('s', [{ eventId: globalThis.crypto.randomUUID(), type: 'T', data: {}, metadata: {} }], { expectedRevision: 'any' });
    await store.close();
    const probe = new Database(join(dir, 'nested', 'data', 'events.db'), { readonly: true });
    expect(probe.prepare('SELECT COUNT(*) FROM events').pluck().get()).toBe(1);
    probe.close();
  });

  it('group-commits appends that arrive together, each failing alone', async () => {
    const store = new SqliteEventStore({ fileName: join(dir, 'group.db') });
    const db = (store as unknown as { db: Database.Database }).db;
    const changesBefore = db.prepare('PRAGMA data_version').pluck().get();
    await store.append('shared', [{ eventId: globalThis.crypto.randomUUID(), type: 'T', data: {}, metadata: {} }], { expectedRevision: 'no-stream' });
    const appends = Array.from({ length: 64 }, (_, i) =>
      store.append(i === 5 ? 'shared' : `s-${i}`, [{ eventId: globalThis.crypto.randomUUID(), type: 'T', data: { i }, metadata: {} }], {
        expectedRevision: i === 5 ? 7 : 'no-stream',
      }),
    );
    const results = await Promise.allSettled(appends);
    expect(results.filter((result) => result.status === 'rejected')).toHaveLength(1);
    expect((results[5] as PromiseRejectedResult).reason.name).toBe('WrongExpectedRevisionError');
    const positions = results.filter((r) => r.status === 'fulfilled').map((r) => Number((r as PromiseFulfilledResult<{ position: string }>).value.position));
    // One transaction: the 63 successful appends hold consecutive positions.
    expect(Math.max(...positions) - Math.min(...positions)).toBe(62);
    expect(changesBefore).toBeDefined();
    await store.close();
  });

  it('refuses work after close as unavailable', async () => {
    const store = new SqliteEventStore({ fileName: join(dir, 'closed.db') });
    await store.close();
    await expect(store.ping()).rejects.toMatchObject({ name: 'EventStoreUnavailableError' });
    await expect(store.append('s', [], { expectedRevision: 'any' })).rejects.toMatchObject({ name: 'EventStoreUnavailableError' });
  });
});
