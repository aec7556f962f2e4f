import { readStoredEvent, RecordedLike, taskIdFromStreamId } from '@dtask/events';
import { Pseudonymiser } from './pseudonymiser';

/** Events whose `metadata.occurredAt` is in [fromMs, toMs); an open end where omitted. */
export interface OccurredWindow {
  fromMs?: number;
  toMs?: number;
}

/** The part of the event store port an export reads: `$all`, in batches. */
export interface AllEventsReader {
  readAll(options: { fromPosition?: string; maxCount?: number }): Promise<{ events: RecordedLike[]; lastPosition: string | undefined; isEnd: boolean }>;
}

/** Big enough to amortise a read, small enough that one batch is a few megabytes at most. */
export const EXPORT_BATCH = 2000;

/**
 * The pseudonymised D-task events of `$all` as NDJSON, one string per batch read, so a writer can
 * wait for its reader before the next batch is read: a year is never in memory. Stops at `until`
 * (the head when the export began), so an export under live traffic ends. A batch with no
 * matching event yields ''.
 */
export async function* pseudonymisedNdjson(
  store: AllEventsReader,
  pseudonymiser: Pseudonymiser,
  window: OccurredWindow,
  until: string | undefined,
): AsyncGenerator<string> {
  if (until === undefined) return;
  const last = BigInt(until);
  let position: string | undefined;
  for (;;) {
    const batch = await store.readAll({ fromPosition: position, maxCount: EXPORT_BATCH });
    let text = '';
    let done = batch.isEnd;
    for (const recorded of batch.events) {
      if (BigInt(recorded.position) > last) {
        done = true;
        break;
      }
      const line = exportLine(recorded, pseudonymiser, window);
      if (line !== undefined) text += line;
    }
    yield text;
    position = batch.lastPosition;
    if (done || position === undefined || BigInt(position) >= last) return;
  }
}

/** One exported line, or undefined for an event outside the window or outside the D-task streams. */
export function exportLine(recorded: RecordedLike, pseudonymiser: Pseudonymiser, window: OccurredWindow): string | undefined {
  if (taskIdFromStreamId(recorded.streamId) === undefined) return undefined;
  const occurredMs = Date.parse(String((recorded.metadata as { occurredAt?: unknown } | null)?.occurredAt));
  if (window.fromMs !== undefined && !(occurredMs >= window.fromMs)) return undefined;
  if (window.toMs !== undefined && !(occurredMs < window.toMs)) return undefined;
  return `${JSON.stringify(analystView(recorded, pseudonymiser))}\n`;
}

export interface AnalystEventView {
  position: string;
  streamId: string;
  type: string;
  data: unknown;
  metadata: unknown;
}

/** A stored event as analysts see it, in the event log and in exports: upcast, then pseudonymised. */
export function analystView(recorded: RecordedLike, pseudonymiser: Pseudonymiser): AnalystEventView {
  const { position, streamId, type, data, metadata } = pseudonymiser.event(readStoredEvent(recorded));
  return { position, streamId, type, data, metadata };
}
