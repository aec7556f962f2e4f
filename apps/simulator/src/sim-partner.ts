import { ReferralView } from '@dtask/events';
import { FAILED_VISIT_REASONS, reportMinutes, VISIT_NOTES, VisitOutcome, visitMinutes, visitOutcome } from './handoff-visits';
import { count, SimContext, sleep } from './sim-context';

/** A visit the service has planned: what it will report, and when (on the service's clock). */
interface PlannedVisit {
  outcome: VisitOutcome;
  visitedAtMs: number;
  reportAtMs: number;
  reported?: boolean;
}

/**
 * One receiving service at its inbox every few simulated minutes: it accepts most new referrals
 * (~85 %) and declines the rest; an accepted one it visits within the referral's timeframe (in
 * simulated time) and reports the visit done or failed, or now and then forgets to report, so
 * the service's visit limit sends the task back to the nurses (at HANDOFF_VISIT_HOURS, real time).
 */
export async function partner(context: SimContext, service: string): Promise<void> {
  const { api, random, stats, signal, simMinutes, shares } = context;
  const token = await api.token(`sim-${service}`, 'partner', service);
  const planned = new Map<string, PlannedVisit>();
  const plan = (referral: ReferralView): PlannedVisit => {
    const acceptedAtMs = Date.parse(referral.acceptedAt ?? new Date().toISOString());
    const visitByMs = Date.parse(referral.visitBy ?? new Date(acceptedAtMs + 86_400_000).toISOString());
    const outcome = visitOutcome(random, { failed: shares.visitFailed, unreported: shares.visitUnreported });
    if (outcome === 'unreported') count(stats.visits, 'unreported');
    // The visit limit runs on the service's clock; the service's people on the simulated one.
    const visitedAtMs = acceptedAtMs + simMinutes(visitMinutes(random, referral.within, (visitByMs - acceptedAtMs) / simMinutes(1)));
    const reportAtMs = Math.min(visitedAtMs + simMinutes(reportMinutes(random, outcome === 'failed' ? 'failed' : 'completed')), visitByMs - 1000);
    return { outcome, visitedAtMs, reportAtMs };
  };
  while (!signal.aborted) {
    // Each read of the inbox is a logged read of personal data: at most one a real second, however fast the run.
    await sleep(Math.max(simMinutes(random.int(3, 12)), 1000), signal);
    const inbox = (await api.send<{ handoffs: ReferralView[] }>('GET', '/api/handoffs', token)).body.handoffs ?? [];
    for (const referral of inbox) {
      const base = `/api/d-tasks/${referral.taskId}/handoff`;
      if (referral.status !== 'awaiting-visit') {
        const accept = random.chance(0.85);
        if ((await api.send('POST', `${base}/${accept ? 'accept' : 'decline'}`, token, accept ? {} : { reason: 'ei kapasiteettia' })).status === 200) stats.handoffAnswers += 1;
        continue;
      }
      const visit = planned.get(referral.taskId) ?? plan(referral);
      planned.set(referral.taskId, visit);
      if (visit.outcome === 'unreported' || visit.reported || Date.now() < visit.reportAtMs) continue;
      visit.reported = true;
      const visitedAt = new Date(Math.min(visit.visitedAtMs, Date.now())).toISOString();
      const report = visit.outcome === 'failed' ? { path: 'fail', body: { reason: random.pick(FAILED_VISIT_REASONS) } } : { path: 'complete', body: { visitedAt, ...(random.chance(0.6) ? { notes: random.pick(VISIT_NOTES) } : {}) } };
      const answer = await api.send('POST', `${base}/${report.path}`, token, report.body);
      // 409: the visit limit sent the task back first.
      if (answer.status === 200) count(stats.visits, visit.outcome);
      else if (answer.status !== 409) stats.errors += 1;
    }
    // A referral gone from the inbox (reported, or sent back by the limit) is forgotten.
    const open = new Set(inbox.map((referral) => referral.taskId));
    for (const taskId of planned.keys()) if (!open.has(taskId)) planned.delete(taskId);
  }
}
