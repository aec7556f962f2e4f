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
    type: 'SecondContactFlagged',
    data: { previousTaskId: '6c1d2f4e-3a1d-4e8b-9c2f-7d6e5a4b3c21', previousDecision: 'phone-advice', previousDecidedAt: at(-300), hoursSince: 5 },
    at: at(minute),
  }),
  closed: (outcome: EventData<'DTaskClosed'>['outcome'], minute = 9): TimedEvent => ({ type: 'DTaskClosed', data: { outcome }, at: at(minute) }),
};

/** A task claimed by nurse-1, reached and assessed without red flags. */
export const assessedTask = (redFlags: EventData<'AssessmentRecorded'>['redFlags'] = []) => [
  e.received(), e.claimed(), e.callback('reached', 1), e.assessed(redFlags),
];
