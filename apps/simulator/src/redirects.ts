import { DEFAULT_DIRECTORY, DirectoryService, POLICY_ACTOR, servicesServing } from '@dtask/domain';
import { EventActor } from '@dtask/events';
import { AFTER_RETURNED_REFERRAL } from './decision-mix';
import { adviceDisposition, redirectDisposition } from './dispositions';
import { FAILED_VISIT_REASONS, reportMinutes, VISIT_NOTES, visitInWindowMinutes, visitOutcome } from './handoff-visits';
import { mission } from './missions';
import { MINUTE, TaskLife } from './task-life';

const HELPLINE = DEFAULT_DIRECTORY.find((service) => service.kind === 'helpline')!;

/**
 * A redirect: the partner accepts (~86 %), declines (~10 %) or does not answer in time (S6, ~4 %);
 * a returned task is decided again. An accepted one awaits the service's visit (closed loop).
 * `again`: this is already the second referral of the task, after one that came back.
 */
export function redirect(life: TaskLife, municipality: string, service: DirectoryService, minutesLater: number, consultId?: string, again = false): void {
  const { random, nurse } = life;
  const { id: target, kind: targetKind } = service;
  const decision = { kind: 'redirect' as const, target, targetKind, handoffNote: 'generated', patientInformed: true, ...redirectDisposition(random, targetKind), ...(consultId ? { consultId } : {}) };
  life.act({ type: 'Decide', actor: nurse, decision }, minutesLater);
  const partner = { id: `partner-${target}`, role: 'partner' as const, service: target };
  const answer = random.weighted([['accept', 86], ['decline', 10], ['no answer', 4]] as const);
  if (answer === 'accept') {
    life.act({ type: 'AcceptHandoff', actor: partner }, random.int(3, 25));
    if (awaitVisit(life, partner)) decideAgain(life, municipality, target, again);
    return;
  }
  if (answer === 'decline') life.act({ type: 'DeclineHandoff', actor: partner, reason: 'no capacity' }, random.int(3, 25));
  else life.act({ type: 'TimeOutHandoff', actor: POLICY_ACTOR }, 30);
  life.act({ type: 'Claim', actor: nurse }, random.int(1, 5));
  if (answer === 'no answer' && !again && random.chance(0.5)) {
    reachAgain(life, random.int(1, 3));
    redirect(life, municipality, HELPLINE, random.int(1, 4), undefined, true);
    return;
  }
  sendUnit(life, random.int(1, 4));
}

/**
 * The accepting service's report: the visit done (the task closes), failed, or none by the time
 * the visit was due (the scheduler's `MarkHandoffVisitOverdue` at `visitBy`, within its tick): a
 * report forgotten, or a visit too late. Whether the task came back to the queue.
 */
function awaitVisit(life: TaskLife, partner: EventActor & { service: string }): boolean {
  const { random } = life;
  const visit = life.state.visit;
  if (life.state.status !== 'awaiting-visit' || !visit) return false;
  const visitByMs = Date.parse(visit.visitBy);
  const outcome = visitOutcome(random);
  const visitedAtMs = life.clock + visitInWindowMinutes(random, (visitByMs - life.clock) / MINUTE) * MINUTE;
  // A visit after it was due is reported too late: the limit has sent the task back to the nurses first.
  if (outcome === 'unreported' || visitedAtMs >= visitByMs - MINUTE) {
    return life.actAt({ type: 'MarkHandoffVisitOverdue', actor: POLICY_ACTOR }, visitByMs + random.int(0, 30) * 1000);
  }
  const reportAtMs = Math.min(visitedAtMs + reportMinutes(random, outcome) * MINUTE, visitByMs - MINUTE);
  if (outcome === 'failed') return life.actAt({ type: 'FailHandoff', actor: partner, reason: random.pick(FAILED_VISIT_REASONS) }, reportAtMs);
  const notes = random.chance(0.6) ? { notes: random.pick(VISIT_NOTES) } : {};
  life.actAt({ type: 'CompleteHandoff', actor: partner, visitedAt: new Date(visitedAtMs).toISOString(), ...notes }, reportAtMs);
  return false;
}

/**
 * A failed or unreported visit puts the task at the top of the queue: a nurse takes it within
 * minutes and calls the patient again. Reached, decided as decision-mix.ts says; not reached, a
 * unit (no one has seen the patient).
 */
function decideAgain(life: TaskLife, municipality: string, failedTarget: string, again: boolean): void {
  const { random } = life;
  life.nurse = life.anyNurse();
  if (!life.act({ type: 'Claim', actor: life.nurse }, random.int(1, 10))) return;
  let reached = random.chance(0.8);
  if (!reached) {
    life.act({ type: 'RecordCallback', actor: life.nurse, outcome: 'no-answer' }, random.int(1, 3));
    reached = random.chance(0.5);
  }
  if (!reached) {
    life.act({ type: 'RecordCallback', actor: life.nurse, outcome: random.pick(['no-answer', 'busy'] as const) }, random.int(3, 8));
    return sendUnit(life, random.int(1, 3));
  }
  reachAgain(life, random.int(1, 4));
  const others = servicesServing(DEFAULT_DIRECTORY, municipality).filter((service) => service.id !== failedTarget);
  const choice = random.weighted(AFTER_RETURNED_REFERRAL.map(([kind, weight]) => [kind, kind === 'redirect' && (again || others.length === 0) ? 0 : weight] as const));
  if (choice === 'redirect') return redirect(life, municipality, random.pick(others), random.int(3, 8), undefined, true);
  if (choice === 'phone-advice') {
    const advice = { kind: 'phone-advice' as const, advice: 'generated', safetyNet: 'call 112 if worse', patientInformed: true, ...adviceDisposition(random, true) };
    // A second contact without the supervisor's confirmation (S4) refuses advice: then a unit.
    if (life.act({ type: 'Decide', actor: life.nurse, decision: advice }, random.int(3, 8))) return;
  }
  sendUnit(life, random.int(2, 6));
}

/** A returned referral is decided again only with the patient on the line and assessed anew. */
function reachAgain(life: TaskLife, minutesLater: number): void {
  life.act({ type: 'RecordCallback', actor: life.nurse, outcome: 'reached' }, minutesLater);
  life.act({ type: 'RecordAssessment', actor: life.nurse, assessment: REASSESSMENT }, life.random.int(3, 8));
}

const REASSESSMENT = { redFlags: [], concern: false, symptoms: 'generated, after the referral came back', existingServices: [], notes: '' };

export function sendUnit(life: TaskLife, minutesLater: number, consultId?: string): void {
  const { random } = life;
  const unitLevel = random.pick(['basic', 'first-response'] as const);
  life.act({ type: 'Decide', actor: life.nurse, decision: { kind: 'send-unit', unitLevel, urgency: 'D', ...(consultId ? { consultId } : {}) } }, minutesLater);
  mission(life, { conveyedShare: 0.5 });
}
