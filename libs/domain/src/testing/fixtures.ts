import { EventData } from '@dtask/events';
import { CommandContext } from '../dtask/commands';
import { TimedEvent } from '../dtask/state';

export const TASK_ID = '5b0c1f4e-3a1d-4e8b-9c2f-7d6e5a4b3c21';
export const T0 = '2026-11-22T10:00:00.000Z';
export const at = (minutes: number) => new Date(Date.parse(T0) + minutes * 60_000).toISOString();

export const nurse = (id = 'nurse-1'): CommandContext['actor'] => ({ id, role: 'nurse' });
export const supervisor: CommandContext['actor'] = { id: 'super-1', role: 'supervisor' };
export const system: CommandContext['actor'] = { id: 'policy', role: 'system' };
export const partner = (service: string): CommandContext['actor'] => ({ id: `partner-${service}`, role: 'partner', service });
export const erc: CommandContext['actor'] = { id: 'erc', role: 'erc' };
export const n1 = nurse('nurse-1');
export const n2 = nurse('nurse-2');

export const advice = { kind: 'phone-advice' as const, advice: 'rest, drink', safetyNet: 'call 112 if breathing gets worse', patientInformed: true };
export const redirect = { kind: 'redirect' as const, target: 'oulu-home-care', targetKind: 'home-care' as const, handoffNote: 'visit today', patientInformed: true };
/** The earlier no-unit decision an intake names for S4. */
export const previousAdvice = { previousTaskId: '6c1d2f4e-3a1d-4e8b-9c2f-7d6e5a4b3c21', previousDecision: 'phone-advice' as const };

export const received = (overrides: Partial<EventData<'DTaskReceived'>> = {}): EventData<'DTaskReceived'> => ({
  taskId: TASK_ID,
  ercTaskId: 'ERC-1',
  receivedAt: T0,
  taskCode: '745',
  urgency: 'D',
  municipality: 'Oulu',
  area: 'Oulu-Hailuoto',
  address: 'Isokatu 1',
  patient: { ageYears: 84, personId: '010142-123A' },
  callbackPhone: '+358401234567',
  ...overrides,
});

/** Event builders for `given`: each stamped at a minute after T0. */
export const e = {
  received: (minute = 0, overrides: Partial<EventData<'DTaskReceived'>> = {}): TimedEvent => ({ type: 'DTaskReceived', data: received(overrides), at: at(minute) }),
  claimed: (minute = 1, nurseId = 'nurse-1'): TimedEvent => ({ type: 'DTaskClaimed', data: { nurseId }, at: at(minute) }),
  callback: (outcome: EventData<'CallbackAttempted'>['outcome'], attempt: number, minute = 2): TimedEvent => ({
    type: 'CallbackAttempted', data: { outcome, attempt }, at: at(minute),
  }),
  assessed: (redFlags: EventData<'AssessmentRecorded'>['redFlags'] = [], concern = false, minute = 5): TimedEvent => ({
    type: 'AssessmentRecorded', data: { redFlags, concern, symptoms: 'dizzy', existingServices: [], notes: '' }, at: at(minute),
  }),
  redirected: (target = 'oulu-home-care', minute = 8): TimedEvent => ({
    type: 'RedirectRequested',
    data: { target, targetKind: 'home-care', handoffNote: 'visit today', patientInformed: true, handoffDeadline: at(minute + 30) },
    at: at(minute),
  }),
  advised: (followUpAt?: string, minute = 8): TimedEvent => ({
    type: 'PhoneAdviceGiven', data: { advice: 'rest', safetyNet: 'call 112 if worse', patientInformed: true, ...(followUpAt ? { followUpAt } : {}) }, at: at(minute),
  }),
  followUpScheduled: (dueAt: string, minute = 8): TimedEvent => ({ type: 'FollowUpScheduled', data: { dueAt }, at: at(minute) }),
  unit: (reason: EventData<'UnitRequested'>['reason'] = 'nurse-decision', minute = 8, urgency: EventData<'UnitRequested'>['urgency'] = 'D'): TimedEvent => ({
    type: 'UnitRequested', data: { unitLevel: 'basic', urgency, reason }, at: at(minute),
  }),
  escalated: (to: 'A' | 'B' | 'C' = 'B', minute = 6): TimedEvent => ({
    type: 'UrgencyEscalated', data: { from: 'D', to, reason: 'chest pain', trigger: 'red-flag', redFlags: ['chest-pain'] }, at: at(minute),
  }),
  secondContact: (minute = 0): TimedEvent => ({
    type: 'SecondContactFlagged', data: { ...previousAdvice, previousDecidedAt: at(-300), hoursSince: 5 }, at: at(minute),
  }),
  overridden: (minute = 7): TimedEvent => ({ type: 'OverrideGranted', data: { rule: 'S4-second-contact', reason: 'confirmed' }, at: at(minute) }),
  followUpFailed: (minute = 62): TimedEvent => ({ type: 'FollowUpCompleted', data: { outcome: 'no-answer', attempt: 1 }, at: at(minute) }),
  /** As before v1.1: no visit limit, the closure followed at once. */
  accepted: (minute = 10): TimedEvent => ({ type: 'HandoffAccepted', data: { target: 'oulu-home-care', partnerId: 'p1' }, at: at(minute) }),
  /** v1.1: accepted, the visit due within the default 24 hours. */
  acceptedForVisit: (minute = 10): TimedEvent => ({
    type: 'HandoffAccepted', data: { target: 'oulu-home-care', partnerId: 'partner-oulu-home-care', visitBy: at(minute + 24 * 60) }, at: at(minute),
  }),
  consulted: (consultId = 'consult-1', minute = 6): TimedEvent => ({
    type: 'ConsultRecorded', data: { consultId, consultant: 'ems-physician', question: 'advice enough?', advice: 'yes, with a safety net' }, at: at(minute),
  }),
  alerted: (minute = 20): TimedEvent => ({ type: 'WaitingLimitReached', data: { level: 'alert', waitedMinutes: minute }, at: at(minute) }),
  closed: (outcome: EventData<'DTaskClosed'>['outcome'], minute = 9): TimedEvent => ({ type: 'DTaskClosed', data: { outcome }, at: at(minute) }),
  // v1.1: the world around the task.
  ercUpdate: (data: EventData<'ErcUpdateReceived'>, minute = 3): TimedEvent => ({ type: 'ErcUpdateReceived', data, at: at(minute) }),
  mission: (stage: EventData<'MissionUpdated'>['stage'], minute = 30, unitId = 'OU-121'): TimedEvent => ({ type: 'MissionUpdated', data: { stage, unitId }, at: at(minute) }),
  recall: (dueMinute: number, minute = 8, recallId = 'waiting-for-unit-1', reason: EventData<'RecallScheduled'>['reason'] = 'waiting-for-unit'): TimedEvent => ({
    type: 'RecallScheduled', data: { recallId, reason, dueAt: at(dueMinute) }, at: at(minute),
  }),
  recallDone: (outcome: EventData<'RecallCompleted'>['outcome'], attempt: number, minute = 40, recallId = 'waiting-for-unit-1'): TimedEvent => ({
    type: 'RecallCompleted', data: { recallId, outcome, attempt, ...(outcome === 'reached' ? { condition: 'same' as const } : {}) }, at: at(minute),
  }),
};

/** An expected event whose data `then` compares in part. */
export const part = (type: TimedEvent['type'], data: object) => ({ type, data: expect.objectContaining(data) }) as Partial<TimedEvent>;

/** S8's welfare recall that comes with a D unit's request, as `then` expects it: due at `dueMinute`. */
export const waitingRecall = (dueMinute: number, n = 1) => ({
  type: 'RecallScheduled' as const,
  data: { recallId: `waiting-for-unit-${n}`, reason: 'waiting-for-unit' as const, dueAt: at(dueMinute) },
});

/** A task claimed by nurse-1, reached and assessed without red flags. */
export const assessedTask = (redFlags: EventData<'AssessmentRecorded'>['redFlags'] = []) => [
  e.received(), e.claimed(), e.callback('reached', 1), e.assessed(redFlags),
];

/** Advised with a safety-net call due at minute 60, unclaimed. */
export const pendingFollowUp = () => [...assessedTask(), e.advised(at(60)), e.followUpScheduled(at(60))];

/** Redirected to Oulu home care at minute 8: the S6 deadline is minute 38. */
export const awaitingHandoff = () => [...assessedTask(), e.redirected('oulu-home-care', 8)];

/** Accepted by Oulu home care at minute 10: its visit is to be reported by minute 1450 (24 h). */
export const awaitingVisit = () => [...awaitingHandoff(), e.acceptedForVisit(10)];

/** A D unit sent by nurse-1 at minute 8, with S8's first recall due at minute 38. */
export const waitingForUnit = () => [...assessedTask(), e.unit('nurse-decision', 8), e.recall(38)];

/** Escalated to B with its unit, then claimed again at minute 7. */
export const escalatedTask = () => [...assessedTask(['chest-pain']), e.escalated('B'), e.unit('escalation', 6, 'B'), e.claimed(7)];
