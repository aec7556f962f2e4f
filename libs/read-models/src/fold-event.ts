/**
 * The shape every read-model fold takes: a stored event, already upcast to its current schema at
 * the store's read boundary (`readStoredEvent` of libs/events).
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

/** The last stream asked about: every fold asks for each event in turn, and a slice is a new string each time. */
let lastStreamId: string | undefined;
let lastTaskId: string | undefined;

export function taskIdOf(event: FoldEvent): string | undefined {
  const streamId = event.streamId;
  if (streamId !== lastStreamId) {
    lastStreamId = streamId;
    lastTaskId = streamId.startsWith(TASK_STREAM_PREFIX) ? ownId(event, streamId.slice(TASK_STREAM_PREFIX.length)) : undefined;
  }
  return lastTaskId;
}

/**
 * An intake's own `taskId` where it is the stream's: the folds keep the id of its intake for the
 * task's life (every map of a year's tasks), and one sliced from the stream's name keeps the whole
 * name alive beside it.
 */
function ownId(event: FoldEvent, sliced: string): string {
  const named = event.type === 'DTaskReceived' ? event.data.taskId : undefined;
  return named === sliced ? named : sliced;
}
