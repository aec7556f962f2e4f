import { RecordedEvent } from '../port';

/** stream_id, revision, position, event_id, type, data, metadata, recorded_at */
export type RawRow = [string, number, number, string, string, string, string, string];

/** Data and metadata are stored as JSON text and parsed on the way out. */
export function toRecordedEvent(row: RawRow): RecordedEvent {
  return {
    streamId: row[0],
    revision: row[1],
    position: String(row[2]),
    eventId: row[3],
    type: row[4],
    data: JSON.parse(row[5]),
    metadata: JSON.parse(row[6]),
    recordedAt: row[7],
  };
}

const DECIMAL = /^(0|[1-9][0-9]*)$/;

/**
 * Positions are decimal strings in the port and integers in the table. Every position this store
 * hands out is a safe integer, so a larger one lies beyond the head and is read as such.
 */
export function parsePosition(position: string | undefined): number {
  if (position === undefined) return 0;
  if (typeof position !== 'string' || !DECIMAL.test(position)) {
    throw new RangeError(`an event store position is a decimal string, not ${JSON.stringify(position)}`);
  }
  return Math.min(Number(position), Number.MAX_SAFE_INTEGER);
}
