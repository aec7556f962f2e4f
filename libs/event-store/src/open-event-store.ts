import { join } from 'node:path';
import { EventStore, ReadBoundary } from './port';
import { SqliteEventStore } from './sqlite/sqlite-event-store';
import { discoveryWarning } from './store-url';

export interface EventStoreConfig {
  /** esdb:// or kurrentdb:// (each also +discover): use KurrentDB / EventStoreDB; unset: the embedded SQLite store. */
  eventStoreUrl?: string;
  dataDir: string;
  synchronous?: 'FULL' | 'NORMAL';
  /** Applied to every event read (the service passes `readStoredEvent`, its one upcast). */
  readBoundary?: ReadBoundary;
  /** Told once, when the store opens, of a setting the operator should correct; default: stderr. */
  warn?(message: string): void;
}

/** The one setting that selects the store: EVENTSTORE_URL. */
export async function openEventStore(config: EventStoreConfig): Promise<EventStore> {
  if (config.eventStoreUrl) {
    // Loaded only when selected, so the embedded default never loads the gRPC client.
    const { EventStoreDbEventStore } = await import('./eventstoredb/eventstoredb-event-store');
    const store = new EventStoreDbEventStore(config.eventStoreUrl, { readBoundary: config.readBoundary });
    const warning = discoveryWarning(config.eventStoreUrl);
    if (warning) (config.warn ?? ((message) => process.stderr.write(`WARNING: ${message}\n`)))(warning);
    return store;
  }
  return new SqliteEventStore({ fileName: join(config.dataDir, 'events.db'), synchronous: config.synchronous, readBoundary: config.readBoundary });
}

/**
 * The store a command-line tool opens. `--data-dir` names an embedded store and wins over an
 * EVENTSTORE_URL in the environment: a shell with the service's settings exported must not turn
 * `replay --data-dir ./copy` into a read of the cluster. Without it: EVENTSTORE_URL, else DATA_DIR, else ./data.
 */
export function cliStoreLocation(dataDirFlag: string | undefined, env: Record<string, string | undefined> = process.env): Pick<EventStoreConfig, 'eventStoreUrl' | 'dataDir'> {
  if (dataDirFlag !== undefined) return { dataDir: dataDirFlag };
  const dataDir = env.DATA_DIR || './data';
  return env.EVENTSTORE_URL ? { eventStoreUrl: env.EVENTSTORE_URL, dataDir } : { dataDir };
}
