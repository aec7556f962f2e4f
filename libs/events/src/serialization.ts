import { EventMetadata, EventMetadataSchema, makeMetadata, MetadataInput, StoredEvent } from './envelope';
import { currentSchemaVersion, currentVersionOf, DTaskEvent, InvalidEventError, parseEvent, upcastEvent } from './registry';

export type { MetadataInput } from './envelope';

export const DTASK_STREAM_PREFIX = 'dtask-';
export const dtaskStreamId = (taskId: string) => `${DTASK_STREAM_PREFIX}${taskId}`;
export const taskIdFromStreamId = (streamId: string) =>
  streamId.startsWith(DTASK_STREAM_PREFIX) ? streamId.slice(DTASK_STREAM_PREFIX.length) : undefined;
/** The same as `taskIdFromStreamId`. */
export const taskIdFromStream = taskIdFromStreamId;

/** What the store port appends: plain JSON only. */
export interface SerializedEvent {
  eventId: string;
  type: DTaskEvent['type'];
  data: Record<string, unknown>;
  metadata: EventMetadata;
}

/**
 * Validates an event against its current schema for the store. The log is immutable, so an invalid
 * fact is refused here rather than poisoning every later read. The schemas hold JSON values only
 * (no dates, no transforms), so what zod returns is already plain JSON.
 */
export function serialize(event: DTaskEvent, metadata: EventMetadata): SerializedEvent {
  const valid = parseEvent(event.type, event.data, currentSchemaVersion(event.type));
  return { eventId: metadata.eventId, type: event.type, data: valid.data as Record<string, unknown>, metadata };
}

/**
 * What the store port appends. Given ready metadata (it has an `eventId`), that is kept as it is;
 * given a `MetadataInput`, the metadata is stamped at the type's current schema version.
 */
export function toEventToAppend(event: DTaskEvent, metadata: EventMetadata | MetadataInput): SerializedEvent {
  const ready = isReadyMetadata(metadata) ? metadata : makeMetadata(metadata, currentSchemaVersion(event.type));
  return serialize(event, checkedMetadata(event.type, ready));
}

/** The envelope is checked like the data; its version must be the current one, or readers would upcast current data. */
function checkedMetadata(type: DTaskEvent['type'], metadata: EventMetadata): EventMetadata {
  const parsed = EventMetadataSchema.safeParse(metadata);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new InvalidEventError(`${type}: metadata.${issue.path.join('.')}: ${issue.message}`);
  }
  if (parsed.data.schemaVersion !== currentSchemaVersion(type)) {
    throw new InvalidEventError(`${type}: metadata.schemaVersion: must be ${currentSchemaVersion(type)}, the current version`);
  }
  return parsed.data;
}

// A ready envelope has its version; an input may carry its event id already (a retried command's).
const isReadyMetadata = (metadata: EventMetadata | MetadataInput): metadata is EventMetadata => 'schemaVersion' in metadata;

export interface RecordedLike {
  position: string;
  streamId: string;
  revision: number;
  type: string;
  data: unknown;
  metadata: unknown;
}

/** A D-task event read back and checked: its type still narrows its data. */
export type DeserializedEvent = DTaskEvent & Omit<StoredEvent, 'type' | 'data'>;

/**
 * The read boundary: a stored event as every reader takes it, at the current schema version of its
 * type and labelled so. The store applies it to every event it hands out (see `ReadBoundary` in
 * libs/event-store), so upcasting happens once, here. An event already at its current version is
 * returned as it is, without a copy; an older one is upcast and its metadata names the version
 * its data now has, so any later reader finds nothing left to do. Stored data is trusted: no
 * validation. Types this service does not know pass unchanged.
 */
export function readStoredEvent<R extends RecordedLike>(recorded: R): R & StoredEvent {
  const current = currentVersionOf(recorded.type);
  if (current === undefined) return recorded as R & StoredEvent;
  const metadata = recorded.metadata as Partial<EventMetadata> | null | undefined;
  const labelled = metadata?.schemaVersion;
  // A later version (a newer service wrote it) cannot be read down: it is left as it is.
  if (labelled !== undefined && labelled >= current) return recorded as R & StoredEvent;
  // Events written before metadata carried a version are version 1.
  const data = upcastEvent(recorded.type, recorded.data, labelled ?? 1);
  return { ...recorded, data, metadata: { ...metadata, schemaVersion: current } as EventMetadata };
}


// Events written before metadata carried a version are version 1.
const StoredMetadata = EventMetadataSchema.extend({ schemaVersion: EventMetadataSchema.shape.schemaVersion.default(1) });

/** Reads a stored event back as a typed D-task event: through the read boundary, then validated. */
export function deserialize(recorded: RecordedLike): DeserializedEvent {
  const metadata = StoredMetadata.safeParse(recorded.metadata);
  if (!metadata.success) {
    const issue = metadata.error.issues[0]!;
    throw new InvalidEventError(`${recorded.type}: metadata.${issue.path.join('.')}: ${issue.message}`);
  }
  const read = readStoredEvent({ ...recorded, metadata: metadata.data });
  const event = parseEvent(read.type, read.data, read.metadata.schemaVersion);
  return { ...event, position: recorded.position, streamId: recorded.streamId, revision: recorded.revision, metadata: read.metadata };
}
