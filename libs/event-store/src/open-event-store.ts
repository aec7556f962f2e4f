import { join } from 'node:path';
import { EventStore, ReadBoundary } from './port';
import { SqliteEventStore } from './sqlite/sqlite-event-store';

export interface EventStoreConfig {
  /** esdb:// or kurrentdb://: use EventStoreDB; unset: the embedded SQLite store. */
  eventStoreUrl?: string;
  dataDir: string;
  synchronous?: 'FULL' | 'NORMAL';
  /** Applied to every event read (the service passes `readStoredEvent`, its one upcast). */
  readBoundary?: ReadBoundary;
}

/** The one setting that selects the store: EVENTSTORE_URL. */
export async function openEventStore(config: EventStoreConfig): Promise<EventStore> {
  if (config.eventStoreUrl) {
    if (!/^(esdb|kurrentdb)(\+discover)?:\/\//.test(config.eventStoreUrl)) {
      throw new Error('EVENTSTORE_URL must start with esdb:// or kurrentdb://');
    }
    // Loaded only when selected, so the embedded default never loads the gRPC client.
    const { EventStoreDbEventStore } = await import('./eventstoredb/eventstoredb-event-store');
    return new EventStoreDbEventStore(config.eventStoreUrl, { readBoundary: config.readBoundary });
  }
  return new SqliteEventStore({ fileName: join(config.dataDir, 'events.db'), synchronous: config.synchronous, readBoundary: config.readBoundary });
}
