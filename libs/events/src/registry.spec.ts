import { DecisionBody, IntakeBody } from './http/command-bodies';
import { currentSchemaVersion, DTaskEventType, EVENT_TYPES, isKnownEventType, parseEvent, upcastEvent } from './registry';
import { readStoredEvent, toEventToAppend } from './serialization';

const at = '2026-11-22T10:00:00+02:00';
const taskId = '2f1b7c1e-8d2a-4c55-9a57-3f3a0d9b8e11';

const SAMPLES: Record<DTaskEventType, unknown> = {
  DTaskReceived: {
    taskId, ercTaskId: 'ERC-1', receivedAt: at, taskCode: '745', urgency: 'D', municipality: 'Oulu', area: 'Oulu-Hailuoto',
    address: 'Isokatu 1', patient: { ageYears: 84, sex: 'female', personId: '010142-123A' }, callbackPhone: '+358401234567',
  },
  DTaskCancelled: { reason: 'patient went to the ED by taxi' },
  DTaskClaimed: { nurseId: 'n1' },
  DTaskReleased: { nurseId: 'n1' },
  CallbackAttempted: { outcome: 'no-answer', attempt: 1 },
  AssessmentRecorded: {
    redFlags: ['chest-pain'], concern: false, symptoms: 'pain', existingServices: ['home-care'], notes: '',
    language: 'sv', interpreter: false, caller: 'relative', spokeWithPatient: true, identity: 'verified',
  },
  UrgencyEscalated: { from: 'D', to: 'B', reason: 'chest pain', trigger: 'red-flag', redFlags: ['chest-pain'] },
  UnitRequested: { unitLevel: 'basic', urgency: 'D', reason: 'unreachable' },
  PhoneAdviceGiven: { advice: 'rest', safetyNet: 'call 112 if worse', patientInformed: true, followUpAt: at, careLevel: 'self-care', within: 'P1D', transport: 'none' },
  RedirectRequested: {
    target: 'oulu-home-care', targetKind: 'home-care', handoffNote: 'visit today', patientInformed: true, handoffDeadline: at,
    careLevel: 'social-care', within: 'PT4H', transport: 'none', consultId: 'consult-1',
  },
  HandoffAccepted: { target: 'oulu-home-care', partnerId: 'p1', visitBy: at },
  HandoffDeclined: { target: 'oulu-home-care', partnerId: 'p1', reason: 'no capacity' },
  HandoffTimedOut: { target: 'oulu-home-care', deadline: at },
  FollowUpScheduled: { dueAt: at },
  FollowUpCompleted: { outcome: 'reached', attempt: 1 },
  WaitingLimitReached: { level: 'alert', waitedMinutes: 20 },
  SecondContactFlagged: { previousTaskId: taskId, previousDecision: 'phone-advice', previousDecidedAt: at, hoursSince: 5 },
  OverrideGranted: { rule: 'S4-second-contact', reason: 'confirmed by phone' },
  MissionUpdated: { stage: 'completed', unitId: 'OU-121', conveyed: false, xCode: 'X-5' },
  DTaskClosed: { outcome: 'phone-advice' },
  ErcUpdateReceived: { kind: 'new-information', notes: 'relative says she fell again', callbackPhone: '+358401112233', address: 'Isokatu 3' },
  UnitAttachedByField: { unitId: 'OU-131' },
  DuplicateOpenFlagged: { openTaskId: taskId },
  RecallScheduled: { recallId: 'r1', dueAt: at, reason: 'waiting-for-unit' },
  RecallCompleted: { recallId: 'r1', outcome: 'reached', attempt: 1, condition: 'same' },
  UnitUrgencyRaised: { from: 'D', to: 'C', reason: 'recalls-failed', recallId: 'r1' },
  UnitOverdue: { requestedAt: at, minutesWaited: 120 },
  HandoffCompleted: { target: 'oulu-home-care', partnerId: 'p1', visitedAt: at, notes: 'visited, medication sorted' },
  HandoffFailed: { target: 'oulu-home-care', partnerId: 'p1', reason: 'nobody at home' },
  HandoffVisitOverdue: { target: 'oulu-home-care', visitBy: at },
  HandoffWithdrawn: { target: 'oulu-home-care', reason: 'repeat-call' },
  ConsultRecorded: { consultId: 'consult-1', consultant: 'ems-physician', question: 'home or ED?', advice: 'primary care tomorrow' },
};

describe('event registry', () => {
  it.each(Object.keys(EVENT_TYPES) as DTaskEventType[])('%s survives serialization and reads back valid', (type) => {
    const event = parseEvent(type, SAMPLES[type], EVENT_TYPES[type].currentVersion);
    const toStore = toEventToAppend(event, {
      actor: { id: 'n1', role: 'nurse' }, occurredAt: at, correlationId: taskId, causationId: taskId,
    });
    const json = JSON.parse(JSON.stringify(toStore));
    const back = readStoredEvent({ position: '1', streamId: `dtask-${taskId}`, revision: 0, ...json });
    expect(parseEvent(back.type, back.data, EVENT_TYPES[type].currentVersion)).toEqual(event);
    expect(back.metadata.eventId).toBe(toStore.eventId);
  });

  it('reads a stored v1 UnitRequested back as v2, a nurse decision', () => {
    const v1 = { unitLevel: 'advanced', urgency: 'C' };
    expect(upcastEvent('UnitRequested', v1, 1)).toEqual({ ...v1, reason: 'nurse-decision' });
    expect(parseEvent('UnitRequested', v1, 1)).toEqual({ type: 'UnitRequested', data: { ...v1, reason: 'nurse-decision' } });
    const stored = readStoredEvent({
      position: '7', streamId: 'dtask-x', revision: 3, type: 'UnitRequested', data: v1,
      metadata: { schemaVersion: 1, eventId: taskId, correlationId: taskId, causationId: taskId, actor: { id: 'n', role: 'nurse' }, occurredAt: at },
    });
    expect(stored.data).toEqual({ ...v1, reason: 'nurse-decision' });
    expect(upcastEvent('UnitRequested', SAMPLES.UnitRequested, 2)).toBe(SAMPLES.UnitRequested);
  });

  it('names the type and field of invalid data', () => {
    expect(() => parseEvent('CallbackAttempted', { outcome: 'voicemail', attempt: 1 }, 1)).toThrow(/CallbackAttempted\.outcome/);
    expect(() => parseEvent('PhoneAdviceGiven', { advice: 'x', safetyNet: 'y', patientInformed: false }, 1)).toThrow(/patientInformed/);
    expect(() => parseEvent('NoSuchEvent', {}, 1)).toThrow(/unknown event type/);
    expect(() => parseEvent('PhoneAdviceGiven', { ...(SAMPLES.PhoneAdviceGiven as object), within: '2 hours' }, 1)).toThrow(/PhoneAdviceGiven\.within/);
    expect(() => parseEvent('PhoneAdviceGiven', { ...(SAMPLES.PhoneAdviceGiven as object), within: 'PT' }, 1)).toThrow(/within/);
  });
});

describe('the registry', () => {
  it('holds exactly the event types of contract.md (v1 and v1.1), and the README\'s additions', () => {
    expect(Object.keys(EVENT_TYPES).sort()).toEqual([
      'AssessmentRecorded', 'CallbackAttempted', 'ConsultRecorded', 'DTaskCancelled', 'DTaskClaimed', 'DTaskClosed', 'DTaskReceived', 'DTaskReleased',
      'DuplicateOpenFlagged', 'ErcUpdateReceived',
      'FollowUpCompleted', 'FollowUpScheduled', 'HandoffAccepted', 'HandoffCompleted', 'HandoffDeclined', 'HandoffFailed',
      'HandoffTimedOut', 'HandoffVisitOverdue', 'HandoffWithdrawn', 'MissionUpdated',
      'OverrideGranted', 'PhoneAdviceGiven', 'RecallCompleted', 'RecallScheduled', 'RedirectRequested', 'SecondContactFlagged',
      'UnitAttachedByField', 'UnitOverdue', 'UnitRequested', 'UnitUrgencyRaised', 'UrgencyEscalated', 'WaitingLimitReached',
    ]);
    expect(isKnownEventType('UnitRequested')).toBe(true);
    expect(isKnownEventType('toString')).toBe(false);
    expect(currentSchemaVersion('UnitRequested')).toBe(2);
    expect(currentSchemaVersion('DTaskReceived')).toBe(1);
  });

  it('refuses a stored version it has no upcaster for', () => {
    expect(() => upcastEvent('UnitRequested', {}, 0)).toThrow(/UnitRequested: no upcaster from version 0/);
  });

  it('names a nested field of invalid data', () => {
    expect(() => parseEvent('DTaskReceived', { ...(SAMPLES.DTaskReceived as object), patient: { ageYears: 300 } }, 1)).toThrow(/DTaskReceived\.patient\.ageYears/);
  });
});

describe('command bodies', () => {
  it('refuse unknown and prototype-polluting keys by name', () => {
    const polluted = JSON.parse('{"kind":"send-unit","unitLevel":"basic","urgency":"D","__proto__":{"admin":true}}');
    const result = DecisionBody.safeParse(polluted);
    expect(result.success).toBe(false);
    expect(JSON.stringify(result.error?.issues)).toContain('__proto__');
  });

  it('requires the patient to be informed of a no-unit decision (S5)', () => {
    const result = DecisionBody.safeParse({ kind: 'phone-advice', advice: 'a', safetyNet: 'b', patientInformed: false });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['patientInformed']);
  });

  it('bounds string lengths', () => {
    const base = { ercTaskId: 'E', receivedAt: at, taskCode: '745', urgency: 'D', municipality: 'Oulu', address: 'x', patient: {}, callbackPhone: '+358401234567' };
    expect(IntakeBody.safeParse(base).success).toBe(true);
    const huge = IntakeBody.safeParse({ ...base, ercNotes: 'x'.repeat(100_000) });
    expect(huge.error?.issues[0]?.path).toEqual(['ercNotes']);
  });
});
