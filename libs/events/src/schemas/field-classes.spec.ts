import { z } from 'zod';
import { EventMetadataSchema } from '../envelope';
import { EVENT_TYPES } from '../registry';
import { text } from '../vocabulary';
import { classificationOfEvent, classificationOfMetadata } from './event-classes';
import { classificationOf, classified, misclassified } from './field-classes';
import { DTaskClaimed } from './triage';

describe('field classification beside the schemas', () => {
  it.each(Object.keys(EVENT_TYPES))('classifies every field of %s', (type) => {
    const classification = classificationOfEvent(type);
    expect(classification).toBeDefined();
    expect(misclassified(EVENT_TYPES[type as keyof typeof EVENT_TYPES].schema as z.ZodObject, classification!.fields)).toEqual([]);
  });

  it('classifies every field of the envelope', () => {
    expect(misclassified(EventMetadataSchema, classificationOfMetadata().fields)).toEqual([]);
  });

  it('refuses a schema with a field no one classified, at compile time and at load', () => {
    const grown = DTaskClaimed.extend({ note: text(100) });
    expect(classificationOf(grown)).toBeUndefined();
    // @ts-expect-error `note` has no classification
    expect(() => classified(grown, { nurseId: 'staff' })).toThrow('fields without their one classification: note');
  });

  it('refuses a classification of a field the schema does not have, or of a field as an object it is not', () => {
    // @ts-expect-error `nurse` is no field of the schema
    expect(() => classified(z.object({ nurseId: z.string() }), { nurseId: 'staff', nurse: 'safe' })).toThrow(': nurse');
    const patient = z.object({ patient: z.object({ ageYears: z.number(), personId: z.string() }).optional(), phone: z.string() });
    // @ts-expect-error `personId` has no classification
    expect(() => classified(patient, { patient: { ageYears: 'safe' }, phone: 'personal' })).toThrow(': patient.personId');
    expect(misclassified(patient, { patient: 'personal', phone: { digits: 'safe' } })).toEqual(['phone']);
  });
});
