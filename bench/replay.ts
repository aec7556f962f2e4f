import { createDTaskDecider, DTaskState } from '@dtask/domain';
import { EventMetadata, upcastEvent } from '@dtask/events';
import { SqliteEventStore } from '@dtask/event-store';
import { FoldEvent, TaskFactsFold } from '@dtask/read-models';
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { median, repeat, Section } from './stats';

const TASKS = 110_000;
const RUNS = 3;

/** Replays `$all` through the port into every read model: the measures' fold and the task board's states. */
async function replayIntoProjections(store: SqliteEventStore): Promise<{ perSecond: number; events: number; peakRss: number }> {
  const decider = createDTaskDecider();
  const facts = new TaskFactsFold();
  const board = new Map<string, DTaskState>();
  const started = performance.now();
  let events = 0;
  let peakRss = process.memoryUsage().rss;
  let position: string | undefined;
  for (;;) {
    const batch = await store.readAll({ fromPosition: position, maxCount: 5000 });
    for (const event of batch.events) {
      const metadata = event.metadata as EventMetadata;
      const data = upcastEvent(event.type, event.data, metadata.schemaVersion);
      facts.apply({ ...event, data } as FoldEvent);
      board.set(event.streamId, decider.evolve(board.get(event.streamId) ?? decider.initialState, { type: event.type, data, at: metadata.occurredAt } as never));
    }
    events += batch.events.length;
    // The loop never yields to a timer, so memory is sampled here, once a batch.
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    position = batch.lastPosition;
    if (batch.isEnd) break;
  }
  return { perSecond: events / ((performance.now() - started) / 1000), events, peakRss };
}

function rawCeiling(fileName: string): number {
  const db = new Database(fileName, { readonly: true });
  const started = performance.now();
  let count = 0;
  for (const row of db.prepare('SELECT stream_id, revision, position, event_id, type, data, metadata, recorded_at FROM events ORDER BY position').raw().iterate() as Iterable<unknown[]>) {
    JSON.parse(row[5] as string);
    JSON.parse(row[6] as string);
    count += 1;
  }
  db.close();
  return count / ((performance.now() - started) / 1000);
}

export async function run(): Promise<Section> {
  const dir = mkdtempSync(join(tmpdir(), 'dtask-replay-bench-'));
  const fileName = join(dir, 'events.db');
  let store: SqliteEventStore | undefined;
  try {
    // The same generator as `npm run simulate -- --generate-year`, run as its CLI.
    const output = execFileSync(process.execPath, [join(__dirname, '..', '..', 'apps', 'simulator', 'dist', 'main.js'), '--generate-year', '--data-dir', dir, '--tasks', String(TASKS), '--seed', '2025'], { encoding: 'utf8' });
    const [, tasks, events] = /generated (\d+) tasks, (\d+) events/.exec(output) ?? [];
    const year = { tasks: Number(tasks), events: Number(events) };
    store = new SqliteEventStore({ fileName, synchronous: 'NORMAL' });
    const opened = store;
    let peakRss = 0;
    const replay = await repeat(RUNS, async () => {
      const result = await replayIntoProjections(opened);
      peakRss = Math.max(peakRss, result.peakRss);
      return result.perSecond;
    });
    const raw = await repeat(RUNS, async () => rawCeiling(fileName));
    const ratio = replay.median / raw.median;
    return {
      name: 'replay',
      measuredAt: new Date().toISOString(),
      machine: `${require('node:os').cpus().length} cores, Node ${process.version}`,
      figures: [
        { name: `replay of a generated year (${year.tasks} tasks, ${year.events} events) into every read model`, value: Math.round(replay.median), unit: 'events/s', target: '>= 100000', met: replay.median >= 100_000 },
        { name: 'raw ceiling: SQLite scan + JSON.parse, same rows', value: Math.round(raw.median), unit: 'events/s' },
        { name: 'replay / raw ceiling', value: Math.round(ratio * 100) / 100, unit: 'ratio' },
        { name: 'peak memory (RSS) during replay', value: Math.round(peakRss / 1024 / 1024), unit: 'MB', target: '< 1024', met: peakRss < 1024 * 1024 * 1024 },
      ],
      details: { runs: { replay: replay.runs, raw: raw.runs }, medianCheck: median(replay.runs) },
    };
  } finally {
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
