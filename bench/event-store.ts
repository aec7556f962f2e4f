import { EventToAppend, SqliteEventStore } from '@dtask/event-store';
import { uuidv7 } from '@dtask/events';
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Figure, repeat, Section } from './stats';

/** How much each part of the store bench does; 64,000 appends a run is long enough not to be one noisy half-second. */
const SIZE = { runs: 5, replayRuns: 3, replayEvents: 1_000_000, sequentialAppends: 2_000, concurrentAppenders: 64, appendsPerAppender: 1_000 } as const;

/** A payload of the size and shape of a real CallbackAttempted/AssessmentRecorded event. */
function payload(i: number): { data: unknown; metadata: unknown } {
  const id = `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
  return {
    data: { outcome: i % 3 ? 'no-answer' : 'reached', attempt: (i % 3) + 1, symptoms: 'huimausta aamusta asti, ei rintakipua', existingServices: ['home-care'] },
    metadata: { eventId: id, correlationId: id, causationId: id, actor: { id: 'nurse-17', role: 'nurse' }, occurredAt: '2026-11-22T10:15:30.123+02:00', schemaVersion: 1 },
  };
}

function event(i: number): EventToAppend {
  const { data, metadata } = payload(i);
  // Event ids as the service makes them (v7, time-ordered).
  return { eventId: uuidv7(), type: 'CallbackAttempted', data, metadata };
}

async function withStore<T>(work: (store: SqliteEventStore, fileName: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'dtask-bench-'));
  const fileName = join(dir, 'events.db');
  const store = new SqliteEventStore({ fileName, synchronous: 'FULL' });
  try {
    return await work(store, fileName);
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function sequentialAppendsPerSecond(): Promise<number> {
  return withStore(async (store) => {
    const started = performance.now();
    for (let i = 0; i < SIZE.sequentialAppends; i += 1) await store.append('seq', [event(i)], { expectedRevision: 'any' });
    return SIZE.sequentialAppends / ((performance.now() - started) / 1000);
  });
}

async function concurrentAppendsPerSecond(): Promise<number> {
  return withStore(async (store) => {
    const started = performance.now();
    await Promise.all(
      Array.from({ length: SIZE.concurrentAppenders }, async (_, appender) => {
        for (let i = 0; i < SIZE.appendsPerAppender; i += 1) {
          await store.append(`task-${appender}`, [event(i)], { expectedRevision: i === 0 ? 'no-stream' : i - 1 });
        }
      }),
    );
    return (SIZE.concurrentAppenders * SIZE.appendsPerAppender) / ((performance.now() - started) / 1000);
  });
}

/** The rate without group commit: one durable transaction per append, straight on better-sqlite3. */
async function naiveAppendsPerSecond(): Promise<number> {
  return withStore(async (_store, fileName) => {
    const db = new Database(fileName);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    const insert = db.prepare('INSERT INTO events (stream_key, revision, stream_id, event_id, type, data, metadata, recorded_at) VALUES (1, ?, ?, ?, ?, ?, ?, ?)');
    const appendOne = db.transaction((i: number) => {
      const e = event(i);
      insert.run(i, 'naive', e.eventId, e.type, JSON.stringify(e.data), JSON.stringify(e.metadata), new Date().toISOString());
    });
    const started = performance.now();
    for (let i = 0; i < SIZE.sequentialAppends; i += 1) appendOne(i);
    const rate = SIZE.sequentialAppends / ((performance.now() - started) / 1000);
    db.close();
    return rate;
  });
}

function fillForReplay(fileName: string): void {
  const db = new Database(fileName);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  const insert = db.prepare('INSERT INTO events (stream_key, revision, stream_id, event_id, type, data, metadata, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  const fill = db.transaction(() => {
    for (let i = 0; i < SIZE.replayEvents; i += 1) {
      const { data, metadata } = payload(i);
      insert.run(i >> 3, i & 7, `dtask-${i >> 3}`, `e-${i}`, 'CallbackAttempted', JSON.stringify(data), JSON.stringify(metadata), '2026-11-22T08:15:30.123Z');
    }
  });
  fill();
  db.close();
}

async function replayFigures(): Promise<{ port: number; raw: number; portRuns: number[]; rawRuns: number[] }> {
  return withStore(async (store, fileName) => {
    fillForReplay(fileName);
    const port = await repeat(SIZE.replayRuns, async () => {
      const started = performance.now();
      let position: string | undefined;
      let count = 0;
      for (;;) {
        const batch = await store.readAll({ fromPosition: position, maxCount: 5_000 });
        count += batch.events.length;
        position = batch.lastPosition;
        if (batch.isEnd) break;
      }
      if (count !== SIZE.replayEvents) throw new Error(`replayed ${count} events`);
      return count / ((performance.now() - started) / 1000);
    });
    const raw = await repeat(SIZE.replayRuns, async () => {
      const db = new Database(fileName, { readonly: true });
      const started = performance.now();
      let count = 0;
      const rows = db.prepare('SELECT stream_id, revision, position, event_id, type, data, metadata, recorded_at FROM events ORDER BY position').raw();
      for (const row of rows.iterate() as Iterable<unknown[]>) {
        JSON.parse(row[5] as string);
        JSON.parse(row[6] as string);
        count += 1;
      }
      const rate = count / ((performance.now() - started) / 1000);
      db.close();
      return rate;
    });
    return { port: port.median, raw: raw.median, portRuns: port.runs, rawRuns: raw.runs };
  });
}

export async function run(): Promise<Section> {
  const sequential = await repeat(SIZE.runs, sequentialAppendsPerSecond);
  // One run first to warm the JIT up, not counted: every figure is of the code as it runs for hours.
  await concurrentAppendsPerSecond();
  const concurrent = await repeat(SIZE.runs, concurrentAppendsPerSecond);
  const naive = await repeat(SIZE.runs, naiveAppendsPerSecond);
  const replay = await replayFigures();
  const groupCommitRatio = concurrent.median / naive.median;
  const replayRatio = replay.port / replay.raw;
  const figures: Figure[] = [
    { name: 'durable appends/s, 1 appender (FULL)', value: Math.round(sequential.median), unit: 'events/s' },
    { name: `durable appends/s, ${SIZE.concurrentAppenders} concurrent appenders (FULL)`, value: Math.round(concurrent.median), unit: 'events/s', target: '>= 50000', met: concurrent.median >= 50_000 },
    { name: 'naive appends/s, one transaction per append (FULL)', value: Math.round(naive.median), unit: 'events/s' },
    { name: `${SIZE.concurrentAppenders} concurrent / naive`, value: round(groupCommitRatio), unit: 'x', target: '>= 5', met: groupCommitRatio >= 5 },
    { name: `$all replay through the port, ${SIZE.replayEvents} events`, value: Math.round(replay.port), unit: 'events/s' },
    { name: 'raw ceiling: SQLite scan + JSON.parse, same rows', value: Math.round(replay.raw), unit: 'events/s' },
    { name: 'replay through port / raw ceiling', value: round(replayRatio), unit: 'ratio', target: '>= 0.70', met: replayRatio >= 0.7 },
  ];
  return {
    name: 'event-store',
    measuredAt: new Date().toISOString(),
    machine: `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}`,
    figures,
    details: { runs: { sequential: sequential.runs, concurrent: concurrent.runs, naive: naive.runs, replayPort: replay.portRuns, replayRaw: replay.rawRuns } },
  };
}

const round = (value: number) => Math.round(value * 100) / 100;
