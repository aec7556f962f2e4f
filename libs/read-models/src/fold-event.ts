/**
 * The shape every read-model fold takes: a stored event, already upcast to its current schema.
 * Folds read only the fields they need, so analysts' pseudonymised events fold the same way.
 */
export interface FoldEvent {
  position: string;
  streamId: string;
  type: string;
  data: Record<string, unknown>;
  metadata: { occurredAt: string; actor?: { id: string; role: string } } & Record<string, unknown>;
}

/** `$all` in batches, as replays read it: a loop per batch, not a promise per event. */
export type EventBatches = AsyncIterable<readonly FoldEvent[]>;

export const TASK_STREAM_PREFIX = 'dtask-';

export function taskIdOf(event: FoldEvent): string | undefined {
  return event.streamId.startsWith(TASK_STREAM_PREFIX) ? event.streamId.slice(TASK_STREAM_PREFIX.length) : undefined;
}
