import { CommandOf } from './dtask/commands';
import { pendingRecalls } from './dtask/recalls';
import { DTaskState, FOLLOW_UP_RECALL_ID } from './dtask/state';
import { SafetyRules } from './safety-rules';
import { inContact } from './dtask/in-contact';

/** Who issues the deadlines' commands: the safety policies, live or replayed. */
export const POLICY_ACTOR = { id: 'policy-engine', role: 'system' as const };

export type DeadlineKind =
  | 's1-unreachable'
  | 's2-alert'
  | 's2-dispatch'
  | 's6-handoff'
  | 'follow-up-due'
  | 'recall-due'
  | 's8-unit-overdue'
  /** v1.1: an accepted redirect's visit not reported by `visitBy`. */
  | 'handoff-visit-overdue';

export interface Deadline {
  kind: DeadlineKind;
  dueAt: string;
  /** Which recall falls due (`recall-due` only). */
  recallId?: string;
}

const addMinutes = (at: string, minutes: number) => new Date(Date.parse(at) + minutes * 60_000).toISOString();

/**
 * The deadlines still pending for a task (S1, S2, S6, S8, the visit limit, the follow-up and every recall). Timers are data: the scheduler rebuilds them from the
 * events after a restart, so none is forgotten.
 */
export function deadlinesOf(state: DTaskState, rules: SafetyRules): Deadline[] {
  if (!state.exists || state.status === 'closed') return [];
  const deadlines: Deadline[] = [];
  const awaitingContact = !state.contactAt && !state.unitRequested;
  if (!inContact(state) && !state.unitRequested && state.firstFailedAt) {
    deadlines.push({ kind: 's1-unreachable', dueAt: addMinutes(state.firstFailedAt, rules.s1MinutesAfterFirstFailure) });
  }
  if (awaitingContact && !state.s2Alerted) deadlines.push({ kind: 's2-alert', dueAt: addMinutes(state.receivedAt, rules.s2AlertMinutes) });
  if (awaitingContact) deadlines.push({ kind: 's2-dispatch', dueAt: addMinutes(state.receivedAt, rules.s2DispatchMinutes) });
  if (state.status === 'awaiting-handoff') deadlines.push({ kind: 's6-handoff', dueAt: state.handoff.deadline });
  if (state.status === 'awaiting-visit') deadlines.push({ kind: 'handoff-visit-overdue', dueAt: state.visit.visitBy });
  if (state.followUp) deadlines.push({ kind: 'follow-up-due', dueAt: state.followUp.dueAt });
  // Each recall has its own due time; v1's follow-up is the `follow-up-due` above.
  for (const recall of pendingRecalls(state)) {
    if (recall.recallId !== FOLLOW_UP_RECALL_ID) deadlines.push({ kind: 'recall-due', dueAt: recall.dueAt, recallId: recall.recallId });
  }
  if (state.unitWait && !state.unitWait.overdue) {
    deadlines.push({ kind: 's8-unit-overdue', dueAt: addMinutes(state.unitWait.requestedAt, rules.s8UnitOverdueMinutes) });
  }
  return deadlines;
}

/** The system command a due deadline issues; follow-ups and recalls only surface in the queue. */
export function commandForDeadline(kind: DeadlineKind): CommandOf<'DispatchUnreachable' | 'ReachWaitingLimit' | 'TimeOutHandoff' | 'MarkUnitOverdue' | 'MarkHandoffVisitOverdue'>['type'] | undefined {
  switch (kind) {
    case 's1-unreachable':
      return 'DispatchUnreachable';
    case 's2-alert':
    case 's2-dispatch':
      return 'ReachWaitingLimit';
    case 's6-handoff':
      return 'TimeOutHandoff';
    case 's8-unit-overdue':
      return 'MarkUnitOverdue';
    case 'handoff-visit-overdue':
      return 'MarkHandoffVisitOverdue';
    case 'follow-up-due':
    case 'recall-due':
      return undefined;
  }
}
