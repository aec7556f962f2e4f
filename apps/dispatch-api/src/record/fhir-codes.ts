import { nameBasedUuid } from '@dtask/dtask-service';

/**
 * The code systems of the FHIR record. The identity code's is Finland's national one (DVV's OID);
 * the others name this product's own closed vocabularies (libs/events vocabulary-values.ts), for
 * the county's record system to map to its code sets.
 */
export const SYSTEM = {
  personId: 'urn:oid:1.2.246.21',
  uri: 'urn:ietf:rfc:3986',
  bcp47: 'urn:ietf:bcp:47',
  snomed: 'http://snomed.info/sct',
  actCode: 'http://terminology.hl7.org/CodeSystem/v3-ActCode',
  participationType: 'http://terminology.hl7.org/CodeSystem/v3-ParticipationType',
  observationCategory: 'http://terminology.hl7.org/CodeSystem/observation-category',
  taskCode: 'http://hl7.org/fhir/CodeSystem/task-code',
  ercTaskId: 'urn:dtask:erc-task-id',
  ercTaskCode: 'urn:dtask:erc-task-code',
  staff: 'urn:dtask:staff',
  service: 'urn:dtask:service',
  assessment: 'urn:dtask:phone-assessment',
  redFlag: 'urn:dtask:red-flag',
  caller: 'urn:dtask:caller',
  identityCheck: 'urn:dtask:identity-check',
  serviceKind: 'urn:dtask:service-kind',
  decision: 'urn:dtask:decision',
  careLevel: 'urn:dtask:care-level',
  transport: 'urn:dtask:transport',
  consultant: 'urn:dtask:consultant',
  unitLevel: 'urn:dtask:unit-level',
  unitReason: 'urn:dtask:unit-request-reason',
} as const;

export interface Coding {
  system: string;
  code: string;
  display?: string;
}

export interface CodeableConcept {
  coding?: Coding[];
  text?: string;
}

export interface Reference {
  reference?: string;
  identifier?: { system: string; value: string };
  display?: string;
}

export type FhirResource = { resourceType: string; id: string } & Record<string, unknown>;

export const concept = (system: string, code: string, display?: string, text?: string): CodeableConcept => ({
  coding: [{ system, code, ...(display ? { display } : {}) }],
  ...(text ? { text } : {}),
});

/** A staff member or a service, by the id the service knows them by (no Practitioner resource of ours). */
export const staffRef = (id: string, display: string): Reference => ({ identifier: { system: SYSTEM.staff, value: id }, display });

/** The namespace of the record's resources (name-based ids, RFC 9562 version 5). */
const RECORD_RESOURCES = Buffer.from('4f1d6c2a9b3e47c8a1d05e7b3c9f2a68', 'hex');

/** The id of one resource of one task's record, the same at every export, so the county's system sees a re-export as the same resources. */
export const resourceId = (taskId: string, name: string): string => nameBasedUuid(RECORD_RESOURCES, `${taskId}:${name}`);

export const fullUrl = (id: string) => `urn:uuid:${id}`;

/** The birth date a Finnish identity code holds: DDMMYY and the century sign. */
export function birthDateOf(personId: string): string | undefined {
  const sign = personId[6];
  const century = sign === '+' ? 1800 : sign && '-YXWVU'.includes(sign) ? 1900 : sign && 'ABCDEF'.includes(sign) ? 2000 : undefined;
  if (century === undefined) return undefined;
  const [day, month, year] = [personId.slice(0, 2), personId.slice(2, 4), century + Number(personId.slice(4, 6))];
  const date = `${year}-${month}-${day}`;
  const parsed = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(date) ? date : undefined;
}
