import { DEFAULT_DIRECTORY } from '@dtask/domain';
import { z } from 'zod';
import {
  AssessmentBody,
  CallbackBody,
  CancelBody,
  CloseBody,
  DecisionBody,
  EscalationBody,
  FollowUpBody,
  HandoffDeclineBody,
  IntakeBody,
  MissionBody,
  OverrideBody,
} from './command-bodies';
import { REGION_MUNICIPALITIES } from '../region';

const at = '2026-11-22T10:00:00+02:00';
const intake = {
  ercTaskId: 'ERC-2026-1', receivedAt: at, taskCode: '745', urgency: 'D', municipality: 'Oulu', address: 'Isokatu 1',
  location: { lat: 65.01, lon: 25.47 }, patient: { ageYears: 84, sex: 'female', personId: '010142-123A' },
  callbackPhone: '+358 40 123 4567', ercNotes: 'dizzy since morning',
};

/** One valid body per route of contract.md, as the console sends it. */
const BODIES: [string, z.ZodType, Record<string, unknown>][] = [
  ['intake', IntakeBody, intake],
  ['cancel', CancelBody, { reason: 'patient went by taxi' }],
  ['callback', CallbackBody, { outcome: 'no-answer' }],
  ['assessment', AssessmentBody, { redFlags: ['chest-pain'], concern: true, symptoms: 'pain', notes: 'n', existingServices: ['home-care'] }],
  ['escalation', EscalationBody, { urgency: 'B', reason: 'chest pain' }],
  ['send-unit', DecisionBody, { kind: 'send-unit', unitLevel: 'single-responder', urgency: 'C' }],
  ['phone-advice', DecisionBody, { kind: 'phone-advice', advice: 'rest', safetyNet: 'call 112 if worse', patientInformed: true, followUpAt: at }],
  ['redirect', DecisionBody, { kind: 'redirect', target: 'oulu-home-care', handoffNote: 'visit today', patientInformed: true }],
  ['follow-up', FollowUpBody, { outcome: 'reached', notes: 'better' }],
  ['mission', MissionBody, { stage: 'completed', unitId: 'OU-121', conveyed: false, xCode: 'X-5' }],
  ['handoff decline', HandoffDeclineBody, { reason: 'no capacity' }],
  ['override', OverrideBody, { rule: 'S4-second-contact', reason: 'confirmed with the patient' }],
  ['close', CloseBody, {}],
];

describe('HTTP command bodies', () => {
  it.each(BODIES)('%s accepts the contract’s body as it is', (_, schema, body) => {
    expect(schema.parse(body)).toEqual(body);
  });

  it.each(BODIES)('%s refuses an unknown key, naming it', (_, schema, body) => {
    const issues = schema.safeParse({ ...body, urgencyOverride: 'A' }).error?.issues;
    expect(issues?.[0]).toMatchObject({ code: 'unrecognized_keys', keys: ['urgencyOverride'] });
  });

  it.each(BODIES)('%s never lets __proto__ or constructor through', (_, schema, body) => {
    for (const key of ['__proto__', 'constructor']) {
      // JSON.parse makes `__proto__` an own key, as a request body would.
      const fields = JSON.stringify(body).slice(1, -1);
      const hostile = JSON.parse(`{"${key}":{"polluted":true}${fields ? `,${fields}` : ''}}`);
      const result = schema.safeParse(hostile);
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]?.message).toContain(key);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses nested pollution in the patient and the location', () => {
    const patient = IntakeBody.safeParse({ ...intake, patient: JSON.parse('{"__proto__":{"admin":true}}') });
    expect(patient.error?.issues[0]).toMatchObject({ path: ['patient'], keys: ['__proto__'] });
    const location = IntakeBody.safeParse({ ...intake, location: { lat: 65, lon: 25, constructor: {} } });
    expect(location.error?.issues[0]).toMatchObject({ path: ['location'], keys: ['constructor'] });
  });

  it('needs the ERC receive time, with an offset', () => {
    const { receivedAt: _, ...withoutTime } = intake;
    expect(IntakeBody.safeParse(withoutTime).error?.issues[0]?.path).toEqual(['receivedAt']);
    expect(IntakeBody.safeParse({ ...intake, receivedAt: '2026-11-22T10:00:00' }).error?.issues[0]?.path).toEqual(['receivedAt']);
    expect(IntakeBody.safeParse({ ...intake, receivedAt: '2026-11-22T08:00:00Z' }).success).toBe(true);
  });

  it('checks the callback phone, the ids and the personal identity code', () => {
    expect(IntakeBody.safeParse({ ...intake, callbackPhone: 'call me' }).error?.issues[0]?.path).toEqual(['callbackPhone']);
    expect(IntakeBody.safeParse({ ...intake, ercTaskId: 'x'.repeat(65) }).error?.issues[0]?.path).toEqual(['ercTaskId']);
    expect(IntakeBody.safeParse({ ...intake, patient: { personId: '12345' } }).error?.issues[0]?.path).toEqual(['patient', 'personId']);
    expect(IntakeBody.safeParse({ ...intake, urgency: 'C' }).error?.issues[0]?.path).toEqual(['urgency']);
  });

  it('bounds free text', () => {
    const long = 'x'.repeat(4001);
    expect(AssessmentBody.safeParse({ redFlags: [], concern: false, symptoms: 's', notes: long }).error?.issues[0]?.path).toEqual(['notes']);
    expect(FollowUpBody.safeParse({ outcome: 'reached', notes: long }).error?.issues[0]?.path).toEqual(['notes']);
    expect(DecisionBody.safeParse({ kind: 'redirect', target: 'x'.repeat(65), handoffNote: 'n', patientInformed: true }).error?.issues[0]?.path).toEqual(['target']);
  });

  it('defaults the assessment’s lists and notes, and refuses an unknown red flag by its index', () => {
    expect(AssessmentBody.parse({ redFlags: [], concern: false, symptoms: 's' })).toMatchObject({ existingServices: [], notes: '' });
    expect(AssessmentBody.safeParse({ redFlags: ['headache'], concern: false, symptoms: 's' }).error?.issues[0]?.path).toEqual(['redFlags', 0]);
  });

  it('keeps each decision kind to its own fields', () => {
    expect(DecisionBody.safeParse({ kind: 'send-unit', unitLevel: 'basic', urgency: 'B' }).error?.issues[0]?.path).toEqual(['urgency']);
    expect(DecisionBody.safeParse({ kind: 'redirect', target: 't', handoffNote: 'n', patientInformed: true, followUpAt: at }).success).toBe(false);
    expect(DecisionBody.safeParse({ kind: 'escalate' }).error?.issues[0]?.path).toEqual(['kind']);
  });

  describe('fields analysts see as they are carry no free text', () => {
    const issue = (body: Record<string, unknown>, schema: z.ZodType = IntakeBody) => schema.safeParse(body).error?.issues[0];

    it.each(['Maija Meikäläinen', 'ERC 42', 'ERC-1; drop', 'soita 0401234567 Maija', 'ÄÖ-1', '-123', 'x'.repeat(48) + '1'])(
      'refuses the ERC task number %j, naming it',
      (ercTaskId) => {
        expect(issue({ ...intake, ercTaskId })).toMatchObject({ path: ['ercTaskId'], message: expect.stringContaining('ERC task number') });
      },
    );

    it.each(['20261122-00042', 'ERC-2026-1', 'SIM-1764583200000-17', 'bench-123-4-1764583200000', 'a1', 'X:1.2_3'])('accepts the ERC task number %j', (ercTaskId) => {
      expect(IntakeBody.safeParse({ ...intake, ercTaskId }).success).toBe(true);
    });

    it.each(['Maija Meikäläinen', 'Helsinki', 'Oulu, Isokatu 1', 'x'.repeat(64), 'x'.repeat(65), 'muu', ''])('refuses a municipality outside the region: %j', (municipality) => {
      expect(issue({ ...intake, municipality })).toMatchObject({ path: ['municipality'], message: expect.stringContaining('one of the region’s municipalities') });
    });

    it('takes a municipality in any case or spacing, in the region’s own spelling', () => {
      expect(IntakeBody.parse({ ...intake, municipality: '  oulu ' }).municipality).toBe('Oulu');
      expect(IntakeBody.parse({ ...intake, municipality: 'PYHÄJÄRVI' }).municipality).toBe('Pyhäjärvi');
    });

    it('knows the municipalities the service directory serves, no more and no fewer', () => {
      const served = new Set(DEFAULT_DIRECTORY.flatMap((service) => service.municipalities ?? []));
      expect([...served].sort()).toEqual([...REGION_MUNICIPALITIES].sort());
    });

    it.each(['Maija', 'OU-121 Maija', 'ou-121', 'OU--121', '121', 'OU-12345', 'OU_121'])('refuses the unit call sign %j, naming it', (unitId) => {
      expect(issue({ stage: 'on-scene', unitId }, MissionBody)).toMatchObject({ path: ['unitId'], message: expect.stringContaining('call sign') });
    });

    it.each(['OU-121', 'OU 121', 'OU121', 'U1', 'PPS-4021B'])('accepts the unit call sign %j', (unitId) => {
      expect(MissionBody.safeParse({ stage: 'on-scene', unitId }).success).toBe(true);
    });
  });
});
