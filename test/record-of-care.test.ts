import { validateResource } from '@medplum/core';
import { AccessLog } from '../apps/dispatch-api/src/audit/access-log';
import { ManualClock } from '../apps/dispatch-api/src/clock/clock';
import { adviceDecision, cast } from './support/dtask-api';
import { Bundle, expectValidR4, loadR4, R4Definitions, requiredBindingViolations } from './support/fhir-r4';
import { startTestApp, TestApp } from './support/test-app';

const MINUTE = 60_000;
/** 14.00 in Helsinki (EET, UTC+2). */
const START = '2026-11-24T12:00:00.000Z';

/** Issue 14, item 5: the record of care as text in the reader's language and as an HL7 FHIR R4 Bundle. */
describe('the record of care', () => {
  let app: TestApp;
  let clock: ManualClock;
  let api: Awaited<ReturnType<typeof cast>>;

  let r4: R4Definitions;

  beforeAll(async () => {
    r4 = loadR4();
    clock = new ManualClock(START);
    app = await startTestApp({ SCHEDULER_INTERVAL_MS: '3600000' }, undefined, clock);
    api = await cast(app);
    // Indexing the R4 definitions takes seconds on a busy machine.
  }, 60_000);
  afterAll(() => app?.close());

  const at = (minutes: number) => clock.set(new Date(Date.parse(START) + minutes * MINUTE));

  /** A Swedish-speaking 84-year-old whose daughter called; no answer at first, then a consult and a referral to home care, visited. */
  async function referredAndVisited() {
    const { post, tokens } = api;
    at(0);
    const taskId = await api.intake({ receivedAt: clock.now().toISOString(), patient: { ageYears: 84, sex: 'female', personId: '150142-1236' } });
    at(3);
    await post(tokens.nurse, `/api/d-tasks/${taskId}/claim`).expect(200);
    at(5);
    await post(tokens.nurse, `/api/d-tasks/${taskId}/callbacks`, { outcome: 'no-answer' }).expect(200);
    at(7);
    await post(tokens.nurse, `/api/d-tasks/${taskId}/callbacks`, { outcome: 'reached' }).expect(200);
    at(12);
    await post(tokens.nurse, `/api/d-tasks/${taskId}/assessment`, {
      redFlags: [],
      concern: false,
      symptoms: 'Yrsel sedan i morse, har inte fallit.',
      existingServices: ['home-care'],
      livingSituation: 'Bor ensam, hemvård två gånger om dagen.',
      notes: '',
      language: 'sv',
      interpreter: false,
      caller: 'relative',
      spokeWithPatient: true,
      identity: 'verified',
    }).expect(200);
    at(15);
    await post(tokens.nurse, `/api/d-tasks/${taskId}/consult`, { consultant: 'ems-physician', question: 'Räcker hemvårdens besök i dag?', advice: 'Räcker, om blodtrycket mäts.' }).expect(200);
    at(18);
    const redirect = { kind: 'redirect', target: 'oulu-home-care', handoffNote: 'Besök i dag, mät blodtrycket.', patientInformed: true };
    await post(tokens.nurse, `/api/d-tasks/${taskId}/decision`, { ...redirect, careLevel: 'social-care', within: 'PT4H', transport: 'none', consultId: 'consult-1' }).expect(200);
    at(25);
    await post(tokens.homeCare, `/api/d-tasks/${taskId}/handoff/accept`).expect(200);
    at(130);
    await post(tokens.homeCare, `/api/d-tasks/${taskId}/handoff/complete`, { visitedAt: new Date(Date.parse(START) + 120 * MINUTE).toISOString(), notes: 'Blodtryck 135/80, mår bra.' }).expect(200);
    return taskId;
  }

  const fhirOf = async (taskId: string, token = api.tokens.nurse) => {
    const response = await api.get(token, `/api/d-tasks/${taskId}/record.fhir`).expect(200);
    expect(response.headers['content-type']).toMatch(/^application\/fhir\+json/);
    return response.body as Bundle;
  };
  const resources = (bundle: Bundle, type: string) => bundle.entry.map((entry) => entry.resource).filter((resource) => resource.resourceType === type);


  it('exports a referred and visited task as a valid FHIR R4 collection: Patient, Encounter, Observations, ServiceRequest and Task', async () => {
    const taskId = await referredAndVisited();
    const bundle = await fhirOf(taskId);
    expectValidR4(r4, bundle);
    // The value-set check sees a wrong code where Medplum does not, nested ones too.
    expect(validateResource({ resourceType: 'Task', status: 'bogus', intent: 'order' } as never)).toEqual([]);
    const wrong = { resourceType: 'CarePlan', id: 'x', status: 'done', intent: 'plan', subject: {}, activity: [{ detail: { status: 'later' } }] };
    expect(requiredBindingViolations(wrong, r4.profiles, r4.valueSets)).toEqual(['CarePlan.status = done', 'CarePlan.activity.detail.status = later']);
    expect(bundle).toMatchObject({ resourceType: 'Bundle', type: 'collection' });
    for (const entry of bundle.entry) expect(entry.fullUrl).toBe(`urn:uuid:${entry.resource.id}`);

    const [patient] = resources(bundle, 'Patient');
    expect(patient).toMatchObject({ identifier: [{ system: 'urn:oid:1.2.246.21', value: '150142-1236' }], gender: 'female', birthDate: '1942-01-15' });
    expect(patient!.communication).toEqual([{ language: expect.objectContaining({ coding: [{ system: 'urn:ietf:bcp:47', code: 'sv' }] }), preferred: true }]);
    const patientRef = { reference: bundle.entry.find((entry) => entry.resource === patient)!.fullUrl };

    const [encounter] = resources(bundle, 'Encounter');
    expect(encounter).toMatchObject({ status: 'finished', class: { code: 'VR' }, subject: patientRef, period: { start: START, end: new Date(Date.parse(START) + 130 * MINUTE).toISOString() } });
    expect(encounter!.identifier).toContainEqual({ system: 'urn:ietf:rfc:3986', value: `urn:uuid:${taskId}` });

    const observations = resources(bundle, 'Observation');
    const codeOf = (observation: Record<string, unknown>) => (observation.code as { coding: { code: string }[] }).coding[0]!.code;
    const byCode = Object.fromEntries(observations.map((observation) => [codeOf(observation), observation]));
    expect(byCode['red-flags']).toMatchObject({ status: 'final', valueBoolean: false, subject: patientRef, effectiveDateTime: new Date(Date.parse(START) + 12 * MINUTE).toISOString() });
    expect(byCode['symptoms']).toMatchObject({ valueString: 'Yrsel sedan i morse, har inte fallit.' });
    expect(byCode['nurse-concern']).toMatchObject({ valueBoolean: false });
    expect(byCode['caller']).toMatchObject({ valueCodeableConcept: { coding: [{ code: 'relative' }] } });
    expect(byCode['interpreter']).toMatchObject({ valueBoolean: false });
    expect(byCode['spoke-with-patient']).toMatchObject({ valueBoolean: true });
    expect(byCode['consult']).toMatchObject({ valueString: 'Räcker, om blodtrycket mäts.' });

    const [referral] = resources(bundle, 'ServiceRequest');
    expect(referral).toMatchObject({
      status: 'completed',
      intent: 'order',
      subject: patientRef,
      performer: [{ identifier: { value: 'oulu-home-care' }, display: 'Oulun kotihoito' }],
      occurrencePeriod: { start: new Date(Date.parse(START) + 18 * MINUTE).toISOString(), end: new Date(Date.parse(START) + 258 * MINUTE).toISOString() },
      requester: { identifier: { value: 'nurse-anna' } },
    });
    expect((referral!.orderDetail as { coding: { code: string }[] }[]).map((detail) => detail.coding[0]!.code)).toEqual(['social-care', 'none']);
    expect(referral!.supportingInfo).toEqual([{ reference: bundle.entry.find((entry) => entry.resource === byCode['consult'])!.fullUrl }]);
    expect(resources(bundle, 'CarePlan')).toEqual([]);

    const [task] = resources(bundle, 'Task');
    expect(task).toMatchObject({ status: 'completed', intent: 'order', for: patientRef, owner: { identifier: { value: 'oulu-home-care' } }, executionPeriod: { end: new Date(Date.parse(START) + 120 * MINUTE).toISOString() } });
    expect(task!.focus).toEqual({ reference: bundle.entry.find((entry) => entry.resource === referral)!.fullUrl });

    // The same task exports as the same resources.
    expect((await fhirOf(taskId)).entry.map((entry) => entry.fullUrl)).toEqual(bundle.entry.map((entry) => entry.fullUrl));
  });

  it('exports phone advice as a CarePlan with its care level, timeframe and transport, and a unit as a ServiceRequest', async () => {
    at(200);
    const advised = await api.assessed({ receivedAt: clock.now().toISOString() }, []);
    await api.post(api.tokens.nurse, `/api/d-tasks/${advised}/decision`, { ...adviceDecision(), careLevel: 'emergency-department', within: 'PT2H', transport: 'taxi' }).expect(200);
    const advice = await fhirOf(advised, api.tokens.supervisor);
    expectValidR4(r4, advice);
    const [plan] = resources(advice, 'CarePlan');
    expect(plan).toMatchObject({ status: 'completed', intent: 'plan', author: { identifier: { value: 'nurse-anna' } } });
    const activities = (plan!.activity as { detail: { code: { coding: { code: string }[] }; description?: string } }[]).map((a) => [a.detail.code.coding[0]!.code, a.detail.description]);
    expect(activities).toEqual([
      ['advice', 'Rest and drink; take your usual medicines.'],
      ['safety-net', 'Call 112 at once if you faint, get chest pain or breathing gets hard.'],
      ['emergency-department', undefined],
      ['taxi', undefined],
    ]);
    expect(resources(advice, 'ServiceRequest')).toEqual([]);
    expect(resources(advice, 'Task')).toEqual([]);

    const unit = await api.assessed({ receivedAt: clock.now().toISOString() }, ['chest-pain']);
    await api.post(api.tokens.nurse, `/api/d-tasks/${unit}/decision`, { kind: 'send-unit', unitLevel: 'advanced', urgency: 'C' }).expect(200);
    const sent = await fhirOf(unit);
    expectValidR4(r4, sent);
    expect(resources(sent, 'ServiceRequest')).toEqual([expect.objectContaining({ status: 'active', priority: 'urgent', intent: 'order' })]);
    const redFlags = resources(sent, 'Observation').find((o) => (o.code as { coding: { code: string }[] }).coding[0]!.code === 'red-flags');
    expect(redFlags).toMatchObject({ valueBoolean: true, component: [{ code: { coding: [{ code: 'chest-pain' }] }, valueBoolean: true }] });
  });

  it('reads in Swedish for a Swedish reader, in 24-hour Helsinki time, with no codes of ours', async () => {
    const taskId = await referredAndVisited();
    const response = await api.get(api.tokens.nurse, `/api/d-tasks/${taskId}/record`).set('Accept-Language', 'sv-FI,sv;q=0.9').expect(200);
    expect(response.headers['content-language']).toBe('sv');
    const record = response.body;
    expect(record).toMatchObject({ taskId, language: 'sv' });
    expect(record.summary).toContain('D-uppdrag mottaget från nödcentralen 24.11.2026 kl. 14.00');
    expect(record.summary).toContain('Den som ringde: en anhörig; patientens språk svenska, utan tolk.');
    expect(record.summary).toContain('Sjukskötare nurse-anna nådde den som ringde kl. 14.07.');
    expect(record.summary).toContain('Konsulterat: läkare inom prehospital akutsjukvård kl. 14.15.');
    expect(record.summary).toContain('hänvisad till Oulun kotihoito (hemvård), socialvård, inom 4 timmar, ingen transport behövs');
    expect(record.summary).toContain('Besöket gjort kl. 16.00.');
    expect(record.summary).toContain('Uppdraget avslutat 24.11.2026 kl. 16.10: hänvisad till annan tjänst.');
    expect(record.sections.map((section: { id: string }) => section.id)).toEqual(['task', 'caller', 'findings', 'consults', 'decision', 'handoff', 'closing']);
    const caller = record.sections.find((section: { id: string }) => section.id === 'caller');
    expect(caller.title).toBe('Den som ringde och samtalen');
    expect(caller.items).toContainEqual({ label: 'Återuppringning kl. 14.05', text: 'inget svar, sjukskötare nurse-anna' });
    expect(caller.items).toContainEqual({ label: 'Talat med patienten', text: 'ja' });
    const handoff = record.sections.find((section: { id: string }) => section.id === 'handoff');
    expect(handoff.items).toEqual([
      // Due when the four hours asked for at the redirect (14.18) end, the same day.
      { label: 'Godkänd kl. 14.25', text: 'mottagande tjänst kotihoito-1: besök senast kl. 18.18' },
      { label: 'Besöket gjort kl. 16.00', text: 'mottagande tjänst kotihoito-1: rapporterat kl. 16.10, Blodtryck 135/80, mår bra.' },
    ]);
    // No vocabulary code, timeframe or service id of ours reaches the reader.
    const written = JSON.stringify({ summary: record.summary, sections: record.sections });
    expect(written).not.toMatch(/social-care|relative|home-care|oulu-home-care|ems-physician|PT4H|no-answer|\bnone\b|phone-advice|redirect/);
  });

  it('reads in Finnish as the control room writes it, and in Finnish when the reader names no language of ours', async () => {
    const taskId = await referredAndVisited();
    const finnish = (await api.get(api.tokens.supervisor, `/api/d-tasks/${taskId}/record`).set('Accept-Language', 'fi').expect(200)).body;
    expect(finnish.summary).toContain('D-tehtävä vastaanotettu hätäkeskuksesta 24.11.2026 klo 14.00 (Oulu, tehtäväkoodi 745).');
    expect(finnish.summary).toContain('Potilas: 84-vuotias nainen.');
    expect(finnish.summary).toContain('Soittajana omainen; potilaan kieli ruotsi, ilman tulkkia.');
    expect(finnish.summary).toContain('Arvio: ei hälytysmerkkejä; oireet: Yrsel sedan i morse, har inte fallit; ei hoitajan huolta.');
    expect(finnish.summary).toContain('Päätös klo 14.18 (hoitaja nurse-anna): ohjattu: Oulun kotihoito (kotihoito), sosiaalihuolto, 4 tunnin kuluessa, kuljetusta ei tarvita.');
    expect(finnish.summary).toContain('Käynti tehty klo 16.00.');
    const decision = finnish.sections.find((section: { id: string }) => section.id === 'decision');
    expect(decision.items).toContainEqual({ label: 'Konsultoitu', text: 'ensihoitolääkäri, klo 14.15' });
    expect(decision.items).toContainEqual({ label: 'Potilaalle kerrottu, ettei ambulanssia tule', text: 'kyllä' });
    const unnamed = await api.get(api.tokens.nurse, `/api/d-tasks/${taskId}/record`).set('Accept-Language', 'de-DE').expect(200);
    expect(unnamed.body.language).toBe('fi');
    const english = await api.get(api.tokens.nurse, `/api/d-tasks/${taskId}/record`).set('Accept-Language', 'en-GB').expect(200);
    expect(english.body.summary).toContain('D task received from the ERC on 24 Nov 2026 14:00');
  });

  it('names the national helpline by its Swedish name in Swedish, and Oulu’s services by their Finnish one', async () => {
    at(300);
    const taskId = await api.assessed({ receivedAt: clock.now().toISOString() });
    await api.post(api.tokens.nurse, `/api/d-tasks/${taskId}/decision`, { kind: 'redirect', target: 'helpline-116117', handoffNote: 'Soittakaa tänään.', patientInformed: true }).expect(200);
    const record = async (language: string) => (await api.get(api.tokens.nurse, `/api/d-tasks/${taskId}/record`).set('Accept-Language', language).expect(200)).body.summary as string;
    expect(await record('sv')).toContain('hänvisad till Jourhjälpen 116117');
    expect(await record('fi')).toContain('ohjattu: Päivystysapu 116117');
    const services = (await api.get(api.tokens.nurse, '/api/services').expect(200)).body.services as { id: string; nameSv?: string }[];
    expect(services.filter((service) => service.nameSv).map(({ id, nameSv }) => [id, nameSv])).toEqual([['helpline-116117', 'Jourhjälpen 116117']]);
  });

  it('logs each read, as the record or its FHIR export, by its reader', async () => {
    at(400);
    const taskId = await api.assessed({ receivedAt: clock.now().toISOString() });
    const accessLog = app.app.get(AccessLog);
    const before = (await accessLog.readsOf(taskId)).length;
    await api.get(api.tokens.supervisor, `/api/d-tasks/${taskId}/record`).expect(200);
    await api.get(api.tokens.nurse, `/api/d-tasks/${taskId}/record.fhir`).expect(200);
    const reads = (await accessLog.readsOf(taskId)).slice(before);
    expect(reads.map(({ purpose, actor }) => [purpose, actor])).toEqual([
      ['record', { id: 'super-sari', role: 'supervisor' }],
      ['record-fhir', { id: 'nurse-anna', role: 'nurse' }],
    ]);
    // An open task has a record too: it says so.
    const open = (await api.get(api.tokens.nurse, `/api/d-tasks/${taskId}/record`).set('Accept-Language', 'en').expect(200)).body;
    expect(open.summary).toMatch(/The task is still open\.$/);
    expectValidR4(r4, await fhirOf(taskId));
  });

  it('is the nurses’ and supervisors’ alone; an unknown task is 404 and logs nothing', async () => {
    const taskId = await api.assessed();
    const others = [api.tokens.erc, api.tokens.homeCare, api.tokens.analyst, await app.tokenFor('admin', 'admin-1')];
    for (const path of [`/api/d-tasks/${taskId}/record`, `/api/d-tasks/${taskId}/record.fhir`]) {
      for (const token of others) await api.get(token, path).expect(403);
      await app.http.get(path).expect(401);
    }
    expect((await app.app.get(AccessLog).readsOf(taskId)).map((read) => read.purpose)).not.toContain('record');
    const unknown = globalThis.crypto.randomUUID();
    await api.get(api.tokens.nurse, `/api/d-tasks/${unknown}/record`).expect(404);
    await api.get(api.tokens.nurse, `/api/d-tasks/${unknown}/record.fhir`).expect(404);
    expect(await app.app.get(AccessLog).readsOf(unknown)).toEqual([]);
    const bad = await api.get(api.tokens.nurse, '/api/d-tasks/not-a-task/record').expect(400);
    expect(bad.body.issues[0].path).toBe('id');
  });
});
