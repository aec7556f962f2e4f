import { en } from './record-words-en';
import { nurseOf } from './care-facts';
import { birthDateOf, concept, FhirResource, fullUrl, resourceId, staffRef, SYSTEM } from './fhir-codes';
import { RecordPhrasing } from './record-phrasing';

/** The references every resource of the record shares. */
export interface RecordRefs {
  patient: { reference: string };
  encounter: { reference: string };
}

export function recordRefs(taskId: string): RecordRefs {
  return { patient: { reference: fullUrl(resourceId(taskId, 'patient')) }, encounter: { reference: fullUrl(resourceId(taskId, 'encounter')) } };
}

/** The patient: the identity code under Finland's national system, and the language the patient speaks. */
export function patientResource(phrasing: RecordPhrasing): FhirResource {
  const { facts } = phrasing;
  const patient = facts.received?.patient ?? {};
  const language = facts.assessment?.language;
  const birthDate = patient.personId ? birthDateOf(patient.personId) : undefined;
  return {
    resourceType: 'Patient',
    id: resourceId(facts.taskId, 'patient'),
    ...(patient.personId ? { identifier: [{ use: 'official', system: SYSTEM.personId, value: patient.personId }] } : {}),
    ...(patient.sex ? { gender: patient.sex } : {}),
    ...(birthDate ? { birthDate } : {}),
    ...(language ? { communication: [{ language: concept(SYSTEM.bcp47, language, undefined, phrasing.spokenLanguage()), preferred: true }] } : {}),
  };
}

/** The contact: a telephone encounter from the ERC's receipt to the task's close. */
export function encounterResource(phrasing: RecordPhrasing, refs: RecordRefs): FhirResource {
  const { facts, words } = phrasing;
  const received = facts.received;
  const ended = facts.closed ?? facts.cancelled;
  const nurse = nurseOf(facts);
  return {
    resourceType: 'Encounter',
    id: resourceId(facts.taskId, 'encounter'),
    identifier: [
      { system: SYSTEM.uri, value: `urn:uuid:${facts.taskId}` },
      ...(received ? [{ system: SYSTEM.ercTaskId, value: received.ercTaskId }] : []),
    ],
    status: facts.cancelled ? 'cancelled' : ended ? 'finished' : 'in-progress',
    class: { system: SYSTEM.actCode, code: 'VR', display: 'virtual' },
    type: [concept(SYSTEM.snomed, '185317003', 'Telephone encounter', words.section.findings)],
    subject: refs.patient,
    ...(nurse
      ? { participant: [{ type: [concept(SYSTEM.participationType, 'PPRF', 'primary performer')], individual: staffRef(nurse.id, phrasing.who(nurse)) }] }
      : {}),
    ...(received ? { period: { start: received.at, ...(ended ? { end: ended.at } : {}) } } : {}),
    ...(received ? { reasonCode: [concept(SYSTEM.ercTaskCode, received.taskCode, undefined, `${words.label.taskCode} ${received.taskCode}`)] } : {}),
  };
}

/** The assessment as Observations: one finding each, by the nurse who recorded it, at that time. */
export function assessmentObservations(phrasing: RecordPhrasing, refs: RecordRefs): FhirResource[] {
  const { facts, words } = phrasing;
  const assessment = facts.assessment;
  if (!assessment) return [];
  const observation = (code: string, display: string, value: Record<string, unknown>, extra: Record<string, unknown> = {}): FhirResource => ({
    resourceType: 'Observation',
    id: resourceId(facts.taskId, `observation:${code}`),
    status: 'final',
    category: [concept(SYSTEM.observationCategory, 'survey', 'Survey')],
    code: concept(SYSTEM.assessment, code, display),
    subject: refs.patient,
    encounter: refs.encounter,
    effectiveDateTime: assessment.at,
    performer: [staffRef(assessment.by.id, phrasing.who(assessment.by))],
    ...value,
    ...extra,
  });
  const text = (code: string, display: string, value: string | undefined) => (value?.trim() ? [observation(code, display, { valueString: value })] : []);
  const coded = <K extends string>(code: string, display: string, system: string, value: K | undefined, names: Record<K, string>, englishNames: Record<K, string>) =>
    value === undefined ? [] : [observation(code, display, { valueCodeableConcept: concept(system, value, englishNames[value], names[value]) })];
  const flag = (code: string, display: string, value: boolean | undefined) => (value === undefined ? [] : [observation(code, display, { valueBoolean: value })]);
  return [
    observation(
      'red-flags',
      'Red flags',
      { valueBoolean: assessment.redFlags.length > 0 },
      assessment.redFlags.length > 0
        ? { component: assessment.redFlags.map((redFlag) => ({ code: concept(SYSTEM.redFlag, redFlag, en.redFlag[redFlag], words.redFlag[redFlag]), valueBoolean: true })) }
        : {},
    ),
    ...text('symptoms', 'Symptoms', assessment.symptoms),
    ...text('onset', 'Onset', assessment.onset),
    ...text('tried', 'Tried so far', assessment.tried),
    ...text('living-situation', 'Living situation', assessment.livingSituation),
    ...(assessment.existingServices.length > 0
      ? [
          observation('existing-services', 'Services in use', {
            component: assessment.existingServices.map((service) => ({
              code: concept(SYSTEM.assessment, 'existing-service', 'Service in use'),
              valueCodeableConcept: concept(SYSTEM.serviceKind, service, en.service[service], words.service[service]),
            })),
          }),
        ]
      : []),
    ...flag('nurse-concern', "Nurse's concern", assessment.concern),
    ...text('notes', 'Notes', assessment.notes),
    ...coded('caller', 'Caller', SYSTEM.caller, assessment.caller, words.caller, en.caller),
    ...flag('interpreter', 'Interpreter used', assessment.interpreter),
    ...flag('spoke-with-patient', 'Spoke with the patient', assessment.spokeWithPatient),
    ...coded('identity-check', 'Identity check', SYSTEM.identityCheck, assessment.identity, words.identity, en.identity),
  ];
}

/** Each consult as an Observation of the advice, with the consultant and the question as components. */
export function consultObservations(phrasing: RecordPhrasing, refs: RecordRefs): FhirResource[] {
  const { facts, words } = phrasing;
  return facts.consults.map((consult) => ({
    resourceType: 'Observation',
    id: resourceId(facts.taskId, `consult:${consult.consultId}`),
    status: 'final',
    code: concept(SYSTEM.assessment, 'consult', 'Consult', words.section.consults),
    subject: refs.patient,
    encounter: refs.encounter,
    effectiveDateTime: consult.at,
    performer: [staffRef(consult.by.id, phrasing.who(consult.by))],
    valueString: consult.advice,
    component: [
      { code: concept(SYSTEM.assessment, 'consultant', 'Consultant'), valueCodeableConcept: concept(SYSTEM.consultant, consult.consultant, en.consultant[consult.consultant], words.consultant[consult.consultant]) },
      { code: concept(SYSTEM.assessment, 'consult-question', 'Question'), valueString: consult.question },
    ],
  }));
}

export const consultRef = (taskId: string, consultId: string) => ({ reference: fullUrl(resourceId(taskId, `consult:${consultId}`)) });
