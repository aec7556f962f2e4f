import { RecordedEvent, SqliteEventStore } from '@dtask/event-store';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateYear } from '../../apps/simulator/src/generate-year';

export type Data = Record<string, unknown>;

/** A generated period read back from a real store, with the counts the generator's tests ask for. */
export interface GeneratedPeriod {
  result: { tasks: number; events: number };
  /** Every event in `$all` order. */
  all: RecordedEvent[];
  types: Map<string, number>;
  /** Each stream's events, in order. */
  streams: Map<string, RecordedEvent[]>;
  /** The tasks (streams) that have an event of this type that `which` picks. */
  tasksWith(type: string, which?: (data: Data) => boolean): Set<string>;
  /** The events of this type, their data. */
  dataOf(type: string): Data[];
  /** A share of all generated tasks. */
  share(tasks: Set<string>): number;
  close(): Promise<void>;
}

/** Generates `tasks` tasks (spread over a year, as the year generator does) into a temporary store. */
export async function generatePeriod(tasks: number, seed: number): Promise<GeneratedPeriod> {
  const dir = mkdtempSync(join(tmpdir(), 'dtask-year-'));
  const store = new SqliteEventStore({ fileName: join(dir, 'events.db'), synchronous: 'NORMAL' });
  const result = await generateYear({ store, tasks, startMs: Date.parse('2025-01-01T00:00:00+02:00'), seed });
  const all: RecordedEvent[] = [];
  for (let position: string | undefined; ; ) {
    const batch = await store.readAll({ fromPosition: position, maxCount: 5000 });
    all.push(...batch.events);
    position = batch.lastPosition;
    if (batch.isEnd) break;
  }
  const types = new Map<string, number>();
  const streams = new Map<string, RecordedEvent[]>();
  for (const event of all) {
    types.set(event.type, (types.get(event.type) ?? 0) + 1);
    const stream = streams.get(event.streamId) ?? [];
    if (stream.length === 0) streams.set(event.streamId, stream);
    stream.push(event);
  }
  return {
    result,
    all,
    types,
    streams,
    tasksWith: (type, which = () => true) => new Set(all.filter((event) => event.type === type && which(event.data as Data)).map((event) => event.streamId)),
    dataOf: (type) => all.filter((event) => event.type === type).map((event) => event.data as Data),
    share: (set) => set.size / result.tasks,
    async close() {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
