import { CareFacts } from './care-facts';
import { assessmentObservations, consultObservations, encounterResource, patientResource, recordRefs } from './fhir-contact';
import { FhirResource, fullUrl, resourceId, SYSTEM } from './fhir-codes';
import { decisionResources } from './fhir-decisions';
import { RecordPhrasing, ServiceName } from './record-phrasing';
import { RecordLanguage } from './record-words';

/**
 * `GET /api/d-tasks/{id}/record.fhir`: the record of care as an HL7 FHIR R4 Bundle of type
 * `collection`, for the county's record system to take in (domain.md, "The record of care"). Texts
 * are in `language`, codings' displays in English; ids are the same at every export.
 */
export function recordBundle(facts: CareFacts, language: RecordLanguage, serviceName: ServiceName, exportedAt: string): FhirResource {
  const phrasing = new RecordPhrasing(facts, language, serviceName);
  const refs = recordRefs(facts.taskId);
  const resources = [
    patientResource(phrasing),
    encounterResource(phrasing, refs),
    ...assessmentObservations(phrasing, refs),
    ...consultObservations(phrasing, refs),
    ...decisionResources(phrasing, refs, serviceName),
  ];
  const id = resourceId(facts.taskId, 'bundle');
  return {
    resourceType: 'Bundle',
    id,
    language,
    identifier: { system: SYSTEM.uri, value: fullUrl(id) },
    type: 'collection',
    timestamp: exportedAt,
    entry: resources.map((resource) => ({ fullUrl: fullUrl(resource.id), resource })),
  };
}
