import { EventMetadataSchema } from '../envelope';
import { EVENT_TYPES, isKnownEventType } from '../registry';
import { Classification, classificationOf, classified } from './field-classes';

/** The envelope's fields, classified as the events' data are (the schema stands in envelope.ts). */
export const ClassifiedEventMetadata = classified(EventMetadataSchema, {
  eventId: 'safe',
  correlationId: 'safe',
  causationId: 'safe',
  commandType: 'safe',
  actor: { id: 'staff', role: 'safe' },
  occurredAt: 'safe',
  schemaVersion: 'safe',
  reason: 'free-text',
});

/** How the data of an event type is classified; undefined for a type the registry does not know. */
export function classificationOfEvent(type: string): Classification | undefined {
  return isKnownEventType(type) ? classificationOf(EVENT_TYPES[type].schema) : undefined;
}

export function classificationOfMetadata(): Classification {
  return classificationOf(ClassifiedEventMetadata)!;
}
