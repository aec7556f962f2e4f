import { AllStreamResolvedEvent, EventData, jsonEvent, JSONType, ResolvedEvent } from '@kurrent/kurrentdb-client';
import { EventToAppend, RecordedEvent } from '../port';
import { fromClientPosition } from './positions';

/** Checkpoints live in ordinary streams (see checkpoint-store.ts) but are no domain events. */
export const CHECKPOINT_STREAM_PREFIX = 'checkpoint-';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type AnyResolvedEvent = ResolvedEvent | AllStreamResolvedEvent;

/**
 * The port's `$all` holds domain events only: not the server's own (`$`-typed, or in `$` streams
 * such as stats and stream metadata), and not our checkpoints, which would otherwise wake every
 * subscriber each time one of them stores its position.
 */
export function isHiddenFromAll(resolved: AnyResolvedEvent): boolean {
  const event = resolved.event;
  return (
    !event ||
    event.type.startsWith('$') ||
    event.streamId.startsWith('$') ||
    event.streamId.startsWith(CHECKPOINT_STREAM_PREFIX)
  );
}

export function toRecordedEvent(resolved: AnyResolvedEvent): RecordedEvent {
  const event = resolved.event;
  if (!event) throw new TypeError('KurrentDB returned a link without its event');
  if (!event.position) {
    // Stream reads carry positions from EventStoreDB 22.6 on; older servers cannot back this port.
    throw new TypeError(`KurrentDB returned ${event.streamId}@${event.revision} without a position (server older than 22.6?)`);
  }
  return {
    streamId: event.streamId,
    revision: Number(event.revision),
    position: fromClientPosition(event.position),
    eventId: event.id,
    type: event.type,
    data: event.isJson ? event.data : decodeBytes(event.data),
    // Metadata is always written (as JSON bytes), so only foreign events come back without it.
    metadata: event.metadata instanceof Uint8Array ? decodeBytes(event.metadata) : (event.metadata ?? null),
    // The client already turns the server's time into a Date (millisecond precision).
    recordedAt: event.created.toISOString(),
  };
}

/** Writes data and metadata as JSON, so that both read back exactly, null and `false` included. */
export function toEventData(event: EventToAppend): EventData {
  if (typeof event.eventId !== 'string' || !UUID.test(event.eventId)) {
    throw new TypeError(`KurrentDB event ids are UUIDs, not ${JSON.stringify(event.eventId)}`);
  }
  return jsonEvent({
    id: event.eventId,
    type: event.type,
    // The client serialises data itself; null stands in for undefined, which JSON cannot hold.
    data: (event.data ?? null) as JSONType,
    metadata: new Uint8Array(Buffer.from(JSON.stringify(event.metadata ?? null), 'utf8')),
  });
}

/** Events written by other tools may be binary; JSON among them is still read as JSON. */
function decodeBytes(bytes: Uint8Array): unknown {
  if (bytes.length === 0) return null;
  try {
    return JSON.parse(Buffer.from(bytes).toString('utf8'));
  } catch {
    return bytes;
  }
}
