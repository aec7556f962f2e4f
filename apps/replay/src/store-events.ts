import { EventStore, readAllBatches } from '@dtask/event-store';
import { EventBatches, FoldEvent } from '@dtask/read-models';

/**
 * `$all` from the start in batches, as the live projections receive it: stored events as they are
 * (each fold upcasts what it reads), no copy per event.
 */
export async function* allEventBatches(store: EventStore): EventBatches {
  for await (const batch of readAllBatches(store)) yield batch as unknown as FoldEvent[];
}
