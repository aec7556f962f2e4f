import { DTaskEvent, EventData } from '@dtask/events';
import { SafetyRules } from '../../safety-rules';
import { CommandOf, DTaskCommand } from '../commands';
import { nextRecallId, pendingRecalls } from '../recalls';
import { reject } from '../rejection';
import { DTaskFields, OpenTask, Recall } from '../state';
import { addMinutes, Emit, minutesBetween } from './emit';
import { requireSystem } from './guards';

// S8: a patient waiting for a D unit is never left alone with the wait.

/**
 * A unit request, with S8's first welfare recall when it is the task's first unit and at D: the
 * recall falls due one interval after the request.
 */
export function requestUnit(data: EventData<'UnitRequested'>, state: DTaskFields, command: DTaskCommand, rules: SafetyRules): Emit {
  const request: DTaskEvent = { type: 'UnitRequested', data };
  return data.urgency === 'D' && !state.unitRequested ? [request, firstWaitingRecall(state, command.at, rules)] : [request];
}

/** The unit S1 and S2 send on their own, at the county's configured level and at D. */
export function autoUnit(reason: 'unreachable' | 'waiting-limit', state: DTaskFields, command: DTaskCommand, rules: SafetyRules): Emit {
  return requestUnit({ unitLevel: rules.autoDispatchUnitLevel, urgency: 'D', reason }, state, command, rules);
}

/** The first recall of a D unit's wait (also the field commander's unit), due one interval after `requestedAt`. */
export function firstWaitingRecall(state: Pick<DTaskFields, 'recalls'>, requestedAt: string, rules: SafetyRules): DTaskEvent {
  const recallId = nextRecallId(state, 'waiting-for-unit');
  return { type: 'RecallScheduled', data: { recallId, reason: 'waiting-for-unit', dueAt: addMinutes(requestedAt, rules.s8RecallMinutes) } };
}

/**
 * After a waiting recall reached the patient, the next one while the unit is still not on scene:
 * on S8's grid from the request (request + interval × k), the first slot after now, so a late
 * call does not shift every later one. None while another waiting recall is still due.
 */
export function nextWaitingRecall(state: OpenTask, done: Recall, now: string, rules: SafetyRules): Emit {
  const wait = state.unitWait;
  if (done.reason !== 'waiting-for-unit' || !wait) return [];
  if (pendingRecalls(state).some((recall) => recall.reason === 'waiting-for-unit' && recall.recallId !== done.recallId)) return [];
  const slot = Math.floor(minutesBetween(wait.requestedAt, now) / rules.s8RecallMinutes) + 1;
  const recallId = nextRecallId(state, 'waiting-for-unit');
  return [{ type: 'RecallScheduled', data: { recallId, reason: 'waiting-for-unit', dueAt: addMinutes(wait.requestedAt, slot * rules.s8RecallMinutes) } }];
}

/**
 * A recall that failed too often: while a D unit is on its way, the supervisor is alerted and the
 * request raised to C (once; the recall stays due, the patient is still to be reached); with no
 * unit at all, S1 applies as to a callback: the patient gets one.
 */
export function recallFailedTooOften(state: OpenTask, recall: Recall, command: DTaskCommand, rules: SafetyRules): Emit {
  if (recall.failedAttempts + 1 < rules.s8RecallFailedAttempts) return [];
  if (state.unitWait && state.urgency === 'D') {
    return [{ type: 'UnitUrgencyRaised', data: { from: 'D', to: 'C', reason: 'recalls-failed', recallId: recall.recallId } }];
  }
  return state.unitRequested ? [] : autoUnit('unreachable', state, command, rules);
}

/** S8: the scheduler's alert when a D unit is not on scene this long after the request; once. */
export function markUnitOverdue(command: CommandOf<'MarkUnitOverdue'>, state: OpenTask, rules: SafetyRules): Emit {
  requireSystem(command);
  const wait = state.unitWait;
  if (!wait || wait.overdue) reject('not-due', 'no D unit is waiting, or it is already marked overdue');
  const waited = minutesBetween(wait.requestedAt, command.at);
  if (waited < rules.s8UnitOverdueMinutes) reject('not-due', 'the S8 overdue limit has not passed');
  return [{ type: 'UnitOverdue', data: { requestedAt: wait.requestedAt, minutesWaited: Math.floor(waited) } }];
}
