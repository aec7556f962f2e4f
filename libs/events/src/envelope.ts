import { z } from 'zod';
import { uuidv7 } from './ids';
import { InvalidEventError } from './registry';
import { Instant, Role } from './vocabulary';

/** S7: every fact records who did it, in which role, when, why, and what caused it. */
export const EventMetadataSchema = z.object({
  eventId: z.uuid(),
  correlationId: z.uuid(),
  /** The command that wrote the event: every event one command decided shares it. */
  causationId: z.uuid(),
  /** That command's type (`Claim`, `ReachWaitingLimit`…); absent on events written before v1.2. */
  commandType: z.string().regex(/^[A-Z][A-Za-z]{1,40}$/).optional(),
  actor: z.object({ id: z.string().min(1).max(128), role: Role }),
  occurredAt: Instant,
  schemaVersion: z.number().int().min(1),
  reason: z.string().max(1000).optional(),
});
/** The same schema under the type's own name, for callers that prefer `EventMetadata.parse`. */
export const EventMetadata = EventMetadataSchema;
export type EventMetadata = z.infer<typeof EventMetadataSchema>;
export type EventActor = EventMetadata['actor'];

/** An event as read back from the store, data at its current version. */
export interface StoredEvent<E extends { type: string; data: unknown } = { type: string; data: unknown }> {
  position: string;
  streamId: string;
  revision: number;
  type: E['type'];
  data: E['data'];
  metadata: EventMetadata;
}

export interface MetadataInput {
  actor: EventActor;
  occurredAt: string;
  /** The request or flow the event belongs to; a fresh one when omitted. */
  correlationId?: string;
  /** The command that caused the event; the correlation id when omitted. */
  causationId?: string;
  commandType?: string;
  /** The event's id; a fresh v7 UUID when omitted (a retried command derives it from its key). */
  eventId?: string;
  reason?: string;
}

/**
 * Stamps an event's metadata. The event id is a v7 UUID taken at `occurredAt`, so ids sort with
 * the time of the facts and no clock is read here.
 */
export function makeMetadata(input: MetadataInput, schemaVersion: number): EventMetadata {
  const occurredMs = Date.parse(input.occurredAt);
  if (!Number.isFinite(occurredMs)) throw new InvalidEventError(`metadata.occurredAt: not a time: ${String(input.occurredAt).slice(0, 40)}`);
  const correlationId = input.correlationId ?? globalThis.crypto.randomUUID();
  return {
    eventId: input.eventId ?? uuidv7(occurredMs),
    correlationId,
    causationId: input.causationId ?? correlationId,
    ...(input.commandType ? { commandType: input.commandType } : {}),
    actor: { id: input.actor.id, role: input.actor.role },
    occurredAt: input.occurredAt,
    schemaVersion,
    ...(input.reason ? { reason: input.reason } : {}),
  };
}
