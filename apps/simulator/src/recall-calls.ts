import { RecallCondition } from '@dtask/domain';
import { TaskLife } from './task-life';

/** What a nurse's call on a recall came to: the patient as before or better, worse, or not reached. */
export type RecallCall = 'reached' | 'worse' | 'unanswered' | 'not-taken';

export interface RecallCallOdds {
  /** The chance that one attempt reaches the patient. */
  reach: number;
  /** The chance that a patient reached is worse than when last judged. */
  worse: number;
}

/** Patients who wait for a unit expect the call and mostly answer; a few are worse by then. */
export const WAITING_PATIENT: RecallCallOdds = { reach: 0.9, worse: 0.05 };

/**
 * A nurse takes a due recall from the queue at `atMs` and calls the patient: reached, she tells
 * the condition (worse, the decider escalates); not reached, she tries once more a few minutes
 * later, and a second failure is for the decider's S8 (the unit's request raised to C) or S1 (a
 * unit sent) to answer. Then she lets the task go back to wait.
 */
export function recallCall(life: TaskLife, recallId: string, atMs: number, odds: RecallCallOdds): RecallCall {
  const { random } = life;
  life.nurse = life.anyNurse();
  const nurse = life.nurse;
  if (!life.actAt({ type: 'Claim', actor: nurse }, atMs)) return 'not-taken';
  // The second try comes a few minutes after the first.
  for (const minutesLater of [random.int(1, 3), random.int(5, 12)]) {
    if (random.chance(odds.reach)) {
      const condition: RecallCondition = random.chance(odds.worse) ? 'worse' : random.chance(0.22) ? 'better' : 'same';
      life.act({ type: 'RecordRecall', actor: nurse, recallId, outcome: 'reached', condition, ...(condition === 'same' ? {} : { notes: NOTES[condition] }) }, minutesLater);
      // Worse, the escalation's unit ended the hold: the release is then refused, and skipped.
      life.act({ type: 'Release', actor: nurse }, 1);
      return condition === 'worse' ? 'worse' : 'reached';
    }
    life.act({ type: 'RecordRecall', actor: nurse, recallId, outcome: random.pick(['no-answer', 'no-answer', 'busy'] as const) }, minutesLater);
  }
  life.act({ type: 'Release', actor: nurse }, 1);
  return 'unanswered';
}

const NOTES: Record<Exclude<RecallCondition, 'same'>, string> = {
  better: 'vointi parempi',
  worse: 'vointi huonontunut',
};
