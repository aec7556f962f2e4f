import { EventStore, openEventStore, redactCredentials } from '@dtask/event-store';

/** `sqlite:<folder>` (the folder holding events.db, as DATA_DIR), or a KurrentDB / EventStoreDB connection string. */
export type StoreLocation = { kind: 'sqlite'; dataDir: string } | { kind: 'kurrentdb'; url: string };

const CLUSTER = /^(esdb|kurrentdb)(\+discover)?:\/\//;

export function parseStoreLocation(text: string): StoreLocation {
  if (text.startsWith('sqlite:')) {
    const dataDir = text.slice('sqlite:'.length);
    if (dataDir.length === 0) throw new Error('sqlite: needs the data folder, e.g. sqlite:./data');
    return { kind: 'sqlite', dataDir };
  }
  if (CLUSTER.test(text)) return { kind: 'kurrentdb', url: text };
  throw new Error(`a store is sqlite:<folder>, kurrentdb://… or esdb://…, not ${JSON.stringify(redactCredentials(text))}`);
}

/**
 * Events come back as stored (no upcasting on the way): the copy is of the stored history, byte for
 * byte in meaning. The copy writes an embedded target with synchronous=NORMAL: a crash loses at
 * most the last commits, its checkpoint among them (it is written after the events it counts, in
 * the same file), so a rerun repeats them; the file is synced when the copy closes it.
 */
export function openStore(location: StoreLocation, synchronous: 'FULL' | 'NORMAL' = 'FULL'): Promise<EventStore> {
  return location.kind === 'sqlite' ? openEventStore({ dataDir: location.dataDir, synchronous }) : openEventStore({ eventStoreUrl: location.url, dataDir: '' });
}

/** For messages: never a connection string's password. */
export function describe(location: StoreLocation): string {
  return location.kind === 'sqlite' ? `sqlite:${location.dataDir}` : redactCredentials(location.url);
}
