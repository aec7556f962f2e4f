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
    type: eventType(row[4]),
    data: JSON.parse(row[5]),
    metadata: JSON.parse(row[6]),
    recordedAt: row[7],
  };
}

/** Far more than the schemas' types: a store of odd types still reads, only without the sharing. */
const MOST_TYPES = 1000;
const types = new Map<string, string>();

/**
 * The type as one shared, internalised string: SQLite hands out a new string per row, and every
 * fold's switch on the type then compares its letters with each case; the shared one compares by
 * identity. A property key is internalised, so the key of a one-key object is that string.
 */
export function eventType(read: string): string {
  const known = types.get(read);
  if (known !== undefined) return known;
  const shared = Object.keys({ [read]: 0 })[0]!;
  if (types.size < MOST_TYPES) types.set(read, shared);
  return shared;
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
