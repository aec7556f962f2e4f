import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openEventStore } from '../open-event-store';
import { describeEventStoreContract } from '../testing/event-store.contract';
import { RecordedEvent } from '../port';
import { SqliteEventStore } from './sqlite-event-store';

const anEvent = () => ({ eventId: globalThis.crypto.randomUUID(), type: 'T', data: {}, metadata: {} });

const dataDir = mkdtempSync(join(tmpdir(), 'dtask-store-'));

describeEventStoreContract('sqlite', {
  open: () => openEventStore({ dataDir }),
  // EVENTSTORE_URL cleared: under `EVENTSTORE_URL=… npm test` the child must still write this SQLite file.
  childEnv: () => ({ DTASK_TEST_DATA_DIR: dataDir, EVENTSTORE_URL: '' }),
  cleanup: async () => rmSync(dataDir, { recursive: true, force: true }),
  detectsIdsAcrossStreams: true,
});

describe('SQLite adapter specifics', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dtask-sqlite-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps the file in WAL mode with synchronous=FULL by default', async () => {
    const fileName = join(dir, 'pragmas.db');
    const store = new SqliteEventStore({ fileName });
    await store.append('s', [anEvent()], { expectedRevision: 'any' });
    const probe = new Database(fileName, { readonly: true });
    expect(probe.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(probe.pragma('page_size', { simple: true })).toBe(8192);
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

  it('passes every event it reads through its read boundary once: stream reads, $all reads and subscribers, its own commits too', async () => {
    const seen: string[] = [];
    const store = new SqliteEventStore({
      fileName: join(dir, 'boundary.db'),
      readBoundary: (event) => (seen.push(event.eventId), { ...event, data: { read: true } }),
    });
    const first = anEvent();
    await store.append('s', [first], { expectedRevision: 'no-stream' });
    expect((await store.readStream('s'))[0]!.data).toEqual({ read: true });
    expect((await store.readAll()).events[0]!.data).toEqual({ read: true });
    const controller = new AbortController();
    const delivered: unknown[] = [];
    const following = (async () => {
      for await (const event of store.subscribeToAll({ signal: controller.signal })) {
        delivered.push(event.data);
        if (delivered.length === 2) controller.abort();
      }
    })();
    await new Promise((resolve) => setTimeout(resolve, 50));
    const second = anEvent(); // taken from this process's commits in memory, not from the file
    await store.append('s', [second], { expectedRevision: 0 });
    await following;
    expect(delivered).toEqual([{ read: true }, { read: true }]);
    expect(seen).toEqual([first.eventId, first.eventId, first.eventId, second.eventId]);
    await store.close();
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

  it('sees revisions written by another connection to the same file', async () => {
    const fileName = join(dir, 'two-writers.db');
    const first = new SqliteEventStore({ fileName });
    const second = new SqliteEventStore({ fileName });
    const event = () => ({ eventId: globalThis.crypto.randomUUID(), type: 'T', data: {}, metadata: {} });
    await first.append('s', [event()], { expectedRevision: 'no-stream' });
    await second.append('s', [event(), event()], { expectedRevision: 0 });
    // The first store remembered revision 0; it must notice the other writer instead of trusting that.
    await expect(first.append('s', [event()], { expectedRevision: 0 })).rejects.toMatchObject({ name: 'WrongExpectedRevisionError' });
    await expect(first.append('s', [event()], { expectedRevision: 2 })).resolves.toMatchObject({ nextExpectedRevision: 3 });
    expect((await second.readStream('s')).map((e) => e.revision)).toEqual([0, 1, 2, 3]);
    await Promise.all([first.close(), second.close()]);
  });

  it('takes back a multi-event append whose later event id is stored elsewhere, and keeps its batch', async () => {
    const store = new SqliteEventStore({ fileName: join(dir, 'takeback.db') });
    const taken = globalThis.crypto.randomUUID();
    await store.append('other', [{ eventId: taken, type: 'T', data: {}, metadata: {} }], { expectedRevision: 'no-stream' });
    const [refused, accepted] = await Promise.allSettled([
      store.append('fresh', [
        { eventId: globalThis.crypto.randomUUID(), type: 'T', data: {}, metadata: {} },
        { eventId: taken, type: 'T', data: {}, metadata: {} },
      ], { expectedRevision: 'no-stream' }),
      store.append('fresh-2', [{ eventId: globalThis.crypto.randomUUID(), type: 'T', data: {}, metadata: {} }], { expectedRevision: 'no-stream' }),
    ]);
    expect(refused).toMatchObject({ status: 'rejected', reason: { name: 'DuplicateEventIdError' } });
    expect(accepted.status).toBe('fulfilled');
    expect(await store.readStream('fresh')).toEqual([]);
    // The taken-back stream starts cleanly afterwards.
    await expect(
      store.append('fresh', [{ eventId: globalThis.crypto.randomUUID(), type: 'T', data: {}, metadata: {} }], { expectedRevision: 'no-stream' }),
    ).resolves.toMatchObject({ nextExpectedRevision: 0 });
    await store.close();
  });

  it('reads a stream from any revision, and at most as many events as asked', async () => {
    const store = new SqliteEventStore({ fileName: join(dir, 'chain.db') });
    const event = (i: number) => ({ eventId: globalThis.crypto.randomUUID(), type: 'T', data: { i }, metadata: {} });
    // Interleaved with another stream, so the chain skips foreign positions.
    for (let i = 0; i < 10; i += 1) {
      await store.append('long', [event(i)], { expectedRevision: i === 0 ? 'no-stream' : i - 1 });
      await store.append(`other-${i}`, [event(100 + i)], { expectedRevision: 'no-stream' });
    }
    await store.append('long', [event(10), event(11)], { expectedRevision: 9 });
    expect((await store.readStream('long')).map((e) => (e.data as { i: number }).i)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect((await store.readStream('long', { fromRevision: 3, maxCount: 4 })).map((e) => e.revision)).toEqual([3, 4, 5, 6]);
    expect((await store.readStream('long', { fromRevision: 11 })).map((e) => e.revision)).toEqual([11]);
    expect(await store.readStream('long', { fromRevision: 12 })).toEqual([]);
    expect(await store.readStream('missing')).toEqual([]);
    await store.close();
  });

  it('upgrades a file written with the per-stream index, keeping every stream readable and appendable', async () => {
    const fileName = join(dir, 'old-schema.db');
    const old = new Database(fileName);
    old.exec(`
      CREATE TABLE streams (stream_key INTEGER PRIMARY KEY, stream_id TEXT NOT NULL UNIQUE);
      CREATE TABLE events (position INTEGER PRIMARY KEY AUTOINCREMENT, stream_key INTEGER NOT NULL, revision INTEGER NOT NULL, stream_id TEXT NOT NULL,
        event_id TEXT NOT NULL, type TEXT NOT NULL, data TEXT NOT NULL, metadata TEXT NOT NULL, recorded_at TEXT NOT NULL, UNIQUE (stream_key, revision));
      CREATE UNIQUE INDEX events_event_id ON events (event_id);
      INSERT INTO streams VALUES (1, 'a'), (2, 'b');
    `);
    const insert = old.prepare("INSERT INTO events (stream_key, revision, stream_id, event_id, type, data, metadata, recorded_at) VALUES (?, ?, ?, ?, 'T', '{}', '{}', '2026-01-01T00:00:00Z')");
    for (const [key, revision] of [[1, 0], [2, 0], [1, 1], [1, 2], [2, 1]] as const) insert.run(key, revision, key === 1 ? 'a' : 'b', globalThis.crypto.randomUUID());
    old.close();

    const store = new SqliteEventStore({ fileName });
    expect((await store.readStream('a')).map((e) => [e.revision, e.position])).toEqual([[0, '1'], [1, '3'], [2, '4']]);
    await expect(store.append('a', [{ eventId: globalThis.crypto.randomUUID(), type: 'T', data: {}, metadata: {} }], { expectedRevision: 1 })).rejects.toMatchObject({ actual: 2 });
    await store.append('b', [{ eventId: globalThis.crypto.randomUUID(), type: 'T', data: {}, metadata: {} }], { expectedRevision: 1 });
    expect((await store.readStream('b')).map((e) => e.revision)).toEqual([0, 1, 2]);
    await store.close();
  });

  it('delivers its own commits and another process\'s, interleaved, to a live subscriber in order, once each', async () => {
    const fileName = join(dir, 'interleaved.db');
    const ours = new SqliteEventStore({ fileName });
    const theirs = new SqliteEventStore({ fileName });
    const controller = new AbortController();
    const seen: RecordedEvent[] = [];
    const following = (async () => {
      for await (const event of ours.subscribeToAll({ signal: controller.signal })) {
        seen.push(event);
        if (seen.length === 40) break;
      }
    })();
    for (let i = 0; i < 10; i += 1) {
      await ours.append(`ours-${i}`, [anEvent(), anEvent()], { expectedRevision: 'no-stream' });
      await theirs.append(`theirs-${i}`, [anEvent()], { expectedRevision: 'no-stream' });
      await ours.append(`ours-${i}`, [anEvent()], { expectedRevision: 1 });
    }
    await following;
    controller.abort();
    const stored = (await ours.readAll({ maxCount: 100 })).events;
    expect(stored).toHaveLength(40);
    expect(seen).toEqual(stored);
    await theirs.close();
    await ours.close();
  });

  it('refuses work after close as unavailable', async () => {
    const store = new SqliteEventStore({ fileName: join(dir, 'closed.db') });
    await store.close();
    await expect(store.ping()).rejects.toMatchObject({ name: 'EventStoreUnavailableError' });
    await expect(store.append('s', [], { expectedRevision: 'any' })).rejects.toMatchObject({ name: 'EventStoreUnavailableError' });
  });
});
