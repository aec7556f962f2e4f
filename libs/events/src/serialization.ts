import { EventMetadata, StoredEvent } from './envelope';
import { uuidv7 } from './ids';
import { currentSchemaVersion, DTaskEvent, isKnownEventType, upcastEvent } from './registry';

export const DTASK_STREAM_PREFIX = 'dtask-';
export const dtaskStreamId = (taskId: string) => `${DTASK_STREAM_PREFIX}${taskId}`;
export const taskIdFromStreamId = (streamId: string) =>
  streamId.startsWith(DTASK_STREAM_PREFIX) ? streamId.slice(DTASK_STREAM_PREFIX.length) : undefined;

export interface MetadataInput {
  actor: EventMetadata['actor'];
  occurredAt: string;
  correlationId: string;
  causationId: string;
  reason?: string;
}

/** What the store port appends: plain JSON, with the metadata stamped at the type's current version. */
export function toEventToAppend(event: DTaskEvent, input: MetadataInput) {
  const eventId = uuidv7();
  const metadata: EventMetadata = {
    eventId,
    correlationId: input.correlationId,
    causationId: input.causationId,
    actor: input.actor,
    occurredAt: input.occurredAt,
    schemaVersion: currentSchemaVersion(event.type),
    ...(input.reason ? { reason: input.reason } : {}),
  };
  return { eventId, type: event.type, data: event.data, metadata };
}

export interface RecordedLike {
  position: string;
  streamId: string;
  revision: number;
  type: string;
  data: unknown;
  metadata: unknown;
}

/** Reads a stored event back at the current schema version of its type. */
export function fromRecorded(recorded: RecordedLike): StoredEvent {
  const metadata = recorded.metadata as EventMetadata;
  const data = isKnownEventType(recorded.type) ? upcastEvent(recorded.type, recorded.data, metadata.schemaVersion ?? 1) : recorded.data;
  return { position: recorded.position, streamId: recorded.streamId, revision: recorded.revision, type: recorded.type, data, metadata };
}
