import { DTaskState, flagsOf } from '@dtask/domain';
import { AwaitedVisitView, ConsultView, DispositionView } from '@dtask/events';

/** A task's state as commands answer it, at `now` (a recall may have come due): no personal data, which only the logged detail read shows. */
export function taskView(taskId: string, state: DTaskState, now: string) {
  return {
    taskId,
    status: state.status,
    urgency: state.urgency,
    flags: flagsOf(state, now),
    owner: state.owner ?? null,
    claimedAt: state.claimedAt ?? null,
    failedAttempts: state.failedAttempts,
    overrides: state.overrides,
    revision: state.revision,
    decision: state.decision?.kind ?? null,
    unitRequested: state.unitRequested ?? null,
    handoff: state.handoff ?? null,
    followUp: state.followUp ?? null,
    closedOutcome: state.closedOutcome ?? null,
    // v1.1
    recalls: state.recalls.map(({ recallId, reason, dueAt, attempts, failedAttempts, done }) => ({ recallId, reason, dueAt, attempts, failedAttempts, done: done ?? null })),
    repeatCalls: state.repeatCalls ?? null,
    linkedTasks: state.linkedTaskIds,
    identity: state.identityUnverified ? 'unverified' : null,
    unitAttachedByField: state.unitRequested?.reason === 'field-commander' ? { at: state.unitRequested.at } : null,
    consults: state.consults.map(({ consultId, consultant, at }): ConsultView => ({ consultId, consultant, at })),
    disposition: dispositionView(state.decision),
    visit: state.visit ? ({ target: state.visit.target, acceptedAt: state.visit.acceptedAt, visitBy: state.visit.visitBy } satisfies AwaitedVisitView) : null,
  };
}

function dispositionView(decision: DTaskState['decision']): DispositionView | null {
  if (!decision) return null;
  return { careLevel: decision.careLevel ?? null, within: decision.within ?? null, transport: decision.transport ?? null, consultId: decision.consultId ?? null };
}
