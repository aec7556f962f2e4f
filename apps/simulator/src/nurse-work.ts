import { DEFAULT_DIRECTORY, servicesServing } from '@dtask/domain';
import { RedFlag } from '@dtask/events';
import { assessment, callFacts } from './assessment';
import { consult, CONSULT_MINUTES, CONSULT_SHARE } from './consults';
import { AFTER_CONSULT, DECISION_MIX } from './decision-mix';
import { adviceDisposition } from './dispositions';
import { mission } from './missions';
import { waitForNurse } from './queue-wait';
import { recallCall } from './recall-calls';
import { redirect, sendUnit } from './redirects';
import { ERC, MINUTE, TaskLife } from './task-life';
/** A patient we could not reach before answers S8's recalls less often. */
const UNREACHED = { reach: 0.7, worse: 0.06 };
type Facts = ReturnType<typeof callFacts>;

/**
 * What the centre does with one task after its intake, with times drawn from its working rhythm:
 * the queue, the callback, the assessment, now and then a consult, and the decision, the unit's
 * mission or the handoff and the visit, and the calls back that follow advice.
 */
export function nurseWork(life: TaskLife, municipality: string, identityCodeKnown: boolean): void {
  const { random } = life;
  if (random.chance(0.02)) {
    life.act({ type: 'Cancel', actor: ERC, reason: 'ERC cancelled' }, random.int(2, 15));
    return;
  }
  if (!waitForNurse(life, Math.max(1, Math.round(random.exponential(1 / 12))))) return;
  // Now and then the nurse is pulled to another call before dialling, and a colleague takes over.
  if (random.chance(0.06)) {
    life.act({ type: 'Release', actor: life.nurse, reason: 'another call' }, random.int(1, 3));
    life.nurse = life.anyNurse();
    life.act({ type: 'Claim', actor: life.nurse }, random.int(1, 5));
  }
  const nurse = life.nurse;
  let reached = random.chance(0.76);
  if (!reached) {
    life.act({ type: 'RecordCallback', actor: nurse, outcome: 'no-answer' }, random.int(1, 3));
    reached = random.chance(0.7);
    if (!reached) {
      // The second failure sends a unit (S1).
      life.act({ type: 'RecordCallback', actor: nurse, outcome: 'busy' }, random.int(3, 8));
      mission(life, { conveyedShare: 0.6, odds: UNREACHED });
      return;
    }
  }
  life.act({ type: 'RecordCallback', actor: nurse, outcome: 'reached' }, random.int(1, 4));
  const facts = callFacts(random, identityCodeKnown);
  if (random.chance(0.06)) {
    escalate(life, facts, 'chest-pain', random.int(3, 9));
    return;
  }
  life.act({ type: 'RecordAssessment', actor: nurse, assessment: assessment(facts) }, random.int(3, 9));
  // Sometimes the nurse adds what a relative or the home-care record told her before deciding.
  if (random.chance(0.08)) life.act({ type: 'RecordAssessment', actor: nurse, assessment: { redFlags: [], concern: false, symptoms: 'generated', existingServices: ['home-care'], notes: 'supplemented' } }, random.int(2, 6));
  // A consult first, a few % (see consults.ts); the decision then names it, as the console offers.
  const consultId = random.chance(CONSULT_SHARE) ? recordConsult(life) : undefined;
  let decision = random.weighted(consultId ? AFTER_CONSULT : DECISION_MIX);
  // S9: a patient who could not be identified gets a unit.
  if (facts.identity === 'unverified') decision = 'send-unit';
  // A second contact (S4): advice again only after a supervisor confirms it; otherwise a unit.
  if (decision === 'phone-advice' && life.state.secondContact) {
    if (random.chance(0.6)) life.act({ type: 'GrantOverride', actor: { id: 'super-1', role: 'supervisor' }, rule: 'S4-second-contact', reason: 'stable, advised again on confirmation' }, random.int(1, 4));
    else decision = 'send-unit';
  }
  if (decision === 'phone-advice') advise(life, facts, consultId);
  // Only a service that serves the patient's municipality takes the redirect, as the service allows.
  else if (decision === 'redirect') redirect(life, municipality, random.pick(servicesServing(DEFAULT_DIRECTORY, municipality)), random.int(2, 6), consultId);
  else sendUnit(life, random.int(2, 6), consultId);
}

/** The consultant calls back within minutes; the consult's id, as the decider named it. */
function recordConsult(life: TaskLife): string | undefined {
  const { random } = life;
  if (!life.act({ type: 'RecordConsult', actor: life.nurse, ...consult(random) }, random.int(...CONSULT_MINUTES))) return undefined;
  const recorded = life.out[life.out.length - 1]!.event;
  return recorded.type === 'ConsultRecorded' ? recorded.data.consultId : undefined;
}

/** A red flag found: the escalation asks for a B or C unit at once. */
function escalate(life: TaskLife, facts: Facts, redFlag: RedFlag, minutesLater: number): void {
  life.act({ type: 'RecordAssessment', actor: life.nurse, assessment: assessment(facts, [redFlag]) }, minutesLater);
  life.act({ type: 'Escalate', actor: life.nurse, urgency: life.random.pick(['B', 'C'] as const), reason: 'red flag' }, 1);
  mission(life, { conveyedShare: 0.9 });
}

/**
 * Most advised patients get the safety-net call back later the same day or the next morning; a
 * few of those the nurse also wants to hear from sooner (a recall at her choice).
 */
function advise(life: TaskLife, facts: Facts, consultId?: string): void {
  const { random } = life;
  const followUpMinutes = random.chance(0.75) ? random.int(120, 18 * 60) : undefined;
  const advisedAt = life.clock + random.int(2, 6) * MINUTE;
  const followUpAt = followUpMinutes === undefined ? undefined : advisedAt + followUpMinutes * MINUTE;
  const disposition = { ...adviceDisposition(random, consultId !== undefined), ...(consultId ? { consultId } : {}) };
  const decision = { kind: 'phone-advice' as const, advice: 'generated', safetyNet: 'call 112 if worse', patientInformed: true, ...disposition };
  life.actAt({ type: 'Decide', actor: life.nurse, decision: { ...decision, ...(followUpAt ? { followUpAt: new Date(followUpAt).toISOString() } : {}) } }, advisedAt);
  if (followUpAt === undefined) return;
  if (random.chance(0.04)) {
    const dueAtMs = advisedAt + random.int(30, 90) * MINUTE;
    life.act({ type: 'ScheduleRecall', actor: life.nurse, dueAt: new Date(dueAtMs).toISOString(), reason: 'nurse' }, 1);
    const recall = life.dueRecall('nurse');
    const outcome = recall && recallCall(life, recall.recallId, dueAtMs + random.int(0, 15) * MINUTE, { reach: 0.85, worse: 0.08 });
    // Worse, an escalation; not reached twice, S1's unit.
    if (life.hasUnit) return mission(life, { conveyedShare: outcome === 'worse' ? 0.9 : 0.6, odds: UNREACHED });
  }
  followUp(life, facts, followUpAt);
}

/** The follow-up call: usually reached and closed; unanswered twice, a unit (S1); worse, an escalation. */
function followUp(life: TaskLife, facts: Facts, dueAtMs: number): void {
  const { random } = life;
  life.nurse = life.anyNurse();
  const nurse = life.nurse;
  life.actAt({ type: 'Claim', actor: nurse }, dueAtMs + random.int(0, 20) * MINUTE);
  if (random.chance(0.2)) {
    life.act({ type: 'RecordFollowUp', actor: nurse, outcome: random.pick(['no-answer', 'busy'] as const) }, random.int(1, 3));
    if (random.chance(0.3)) {
      life.act({ type: 'RecordFollowUp', actor: nurse, outcome: 'no-answer' }, random.int(10, 30));
      mission(life, { conveyedShare: 0.6, odds: UNREACHED });
      return;
    }
  }
  if (random.chance(0.04)) {
    escalate(life, facts, random.pick(['new-confusion', 'breathing-difficulty-at-rest', 'suspected-sepsis'] as const), random.int(3, 8));
    return;
  }
  life.act({ type: 'RecordFollowUp', actor: nurse, outcome: 'reached' }, random.int(3, 10));
}
