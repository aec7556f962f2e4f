import { DTaskState } from '@dtask/domain';
import { OpenReferralView, OverdueVisitView, ReferralsOnBoardView, TaskAtAGlance } from '@dtask/events';
import { taskAtAGlance as glance } from './task-at-a-glance';

/**
 * A visit that sent the task back to the queue: the limit passed (HandoffVisitOverdue: the service,
 * its limit, and when), or the service reported it failed (HandoffFailed, `failed`: when).
 */
export type ReturnedVisit = { target: string; visitBy: string; returnedAt: string; failed?: undefined } | { target: string; failed: string; visitBy?: undefined };

/** A visit the service reported failed, back in the queue and not decided again: not S6's return, a figure of its own. */
export interface FailedVisitView extends TaskAtAGlance {
  target: string;
  failedAt: string;
  status: OverdueVisitView['status'];
  owner?: string;
}

export type BoardReferrals = ReferralsOnBoardView & { failedVisits: FailedVisitView[] };

/**
 * The referrals the supervisor sees (domain.md, "The receiving service's side of a redirect"):
 * those awaiting the service's answer or its visit, and the visits not reported by their limit,
 * whether still awaited past it or returned to the queue by it and not decided again.
 */
export function referralsOnBoard(open: Iterable<DTaskState>, returned: ReadonlyMap<string, ReturnedVisit>, now: Date): BoardReferrals {
  const nowMs = now.getTime();
  const awaitingHandoff: OpenReferralView[] = [];
  const awaitingVisit: OpenReferralView[] = [];
  const overdueVisits: OverdueVisitView[] = [];
  const failedVisits: FailedVisitView[] = [];
  for (const state of open) {
    if (state.status === 'awaiting-handoff') {
      awaitingHandoff.push(referral(state, state.handoff.target, state.handoff.deadline, nowMs));
    } else if (state.status === 'awaiting-visit') {
      const item = { ...referral(state, state.visit.target, state.visit.visitBy, nowMs), acceptedAt: state.visit.acceptedAt };
      awaitingVisit.push(item);
      if (item.overdue) overdueVisits.push({ ...glance(state), target: state.visit.target, visitBy: state.visit.visitBy, status: state.status });
    } else {
      const visit = state.taskId === undefined ? undefined : returned.get(state.taskId);
      const owner = state.owner ? { owner: state.owner } : {};
      if (visit?.failed !== undefined) failedVisits.push({ ...glance(state), target: visit.target, failedAt: visit.failed, status: state.status, ...owner });
      else if (visit) overdueVisits.push({ ...glance(state), ...visit, status: state.status, ...owner });
    }
  }
  const byDue = (a: OpenReferralView, b: OpenReferralView) => a.dueBy.localeCompare(b.dueBy) || a.taskId.localeCompare(b.taskId);
  overdueVisits.sort((a, b) => a.visitBy.localeCompare(b.visitBy) || a.taskId.localeCompare(b.taskId));
  failedVisits.sort((a, b) => a.failedAt.localeCompare(b.failedAt) || a.taskId.localeCompare(b.taskId));
  return { awaitingHandoff: awaitingHandoff.sort(byDue), awaitingVisit: awaitingVisit.sort(byDue), overdueVisits, failedVisits };
}

function referral(state: DTaskState & { status: OpenReferralView['status'] }, target: string, dueBy: string, nowMs: number): OpenReferralView {
  return {
    ...glance(state),
    status: state.status,
    target,
    ...(state.decision?.kind === 'redirect' ? { redirectedAt: state.decision.at } : {}),
    dueBy,
    overdue: Date.parse(dueBy) <= nowMs,
  };
}
