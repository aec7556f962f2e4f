import { z } from 'zod';
import { Instant, Role } from './vocabulary';

/** S7: every fact records who did it, in which role, when, why, and what caused it. */
export const EventMetadataSchema = z.object({
  eventId: z.uuid(),
  correlationId: z.uuid(),
  causationId: z.uuid(),
  actor: z.object({ id: z.string().min(1).max(128), role: Role }),
  occurredAt: Instant,
  schemaVersion: z.number().int().min(1),
  reason: z.string().max(1000).optional(),
});
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

