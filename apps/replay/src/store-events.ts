import { cliStoreLocation, EventStore, openEventStore, readAllBatches } from '@dtask/event-store';
import { readStoredEvent } from '@dtask/events';
import { EventBatches, FoldEvent } from '@dtask/read-models';

/** The store a CLI reads (`--data-dir`, else EVENTSTORE_URL, else DATA_DIR), through the service's read boundary: one upcast per event. */
export function openStoreToRead(dataDirFlag: string | undefined): Promise<EventStore> {
  return openEventStore({ ...cliStoreLocation(dataDirFlag), readBoundary: readStoredEvent });
}

/**
 * `$all` from the start in batches, as the live projections receive it: stored events through
 * the store's read boundary (already upcast), no copy per event.
 */
export async function* allEventBatches(store: EventStore): EventBatches {
  for await (const batch of readAllBatches(store)) yield batch as unknown as FoldEvent[];
}
