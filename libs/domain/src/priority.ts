import { dueRecalls } from './dtask/recalls';
import { DTaskState } from './dtask/state';

/** Extra minutes of priority per task code; configuration, with a conservative default. */
export type TaskCodeRisk = Record<string, number>;

export const DEFAULT_TASK_CODE_RISK: TaskCodeRisk = {
  // Falls and "unknown illness" in the elderly hide the most under-triage.
  '703': 10, '704': 10, '744': 5, '745': 5, '762': 5, '763': 5, '764': 5,
  '772': 0, '773': 0, '774': 0, '775': 0, '781': 0, '782': 0, '783': 0, '784': 0, '785': 0, '786': 0, '793': 0, '794': 0,
};

/** A handoff returned by S6 or a decline jumps the queue: the patient has already waited once. */
const HANDOFF_RETURNED_BONUS = 10_000;
/**
 * A repeat call goes first of all, above a returned handoff: it is new word, now, that the patient
 * may be worse (inquests abroad: patients called three times while waiting), where a returned
 * handoff is a delay for a patient last judged safe without a unit. Both are warning signs; this
 * one is the nearer to harm.
 */
const REPEAT_CALL_BONUS = 100_000;
/** A task past the S2 alert limit has gone too long without contact: it goes before every other waiting task. */
const S2_ALERTED_BONUS = 1_000;

/**
 * Queue order, in "effective waiting minutes": higher is sooner. Waiting time counts from the ERC's
 * receipt; age, task-code risk and the safety flags add to it.
 */
export function queuePriority(state: DTaskState, now: string, risk: TaskCodeRisk = DEFAULT_TASK_CODE_RISK): number {
  if (!state.exists) return 0;
  let score = (Date.parse(now) - Date.parse(state.receivedAt)) / 60_000;
  const age = state.ageYears;
  if (age !== undefined) score += age >= 85 ? 20 : age >= 75 ? 10 : 0;
  score += risk[state.taskCode ?? ''] ?? 0;
  if (state.secondContact) score += 30;
  if (state.s2Alerted) score += S2_ALERTED_BONUS;
  if (state.followUp && Date.parse(state.followUp.dueAt) <= Date.parse(now)) score += 15;
  if (isRecallDue(state, now)) {
    score += 15;
    // S8's supervisor alerts (a unit overdue, recalls failing): the patient is alone with the wait.
    if (state.unitWait?.overdue || state.unitWait?.recallsFailed) score += S2_ALERTED_BONUS;
  }
  if (state.handoffReturned) score += HANDOFF_RETURNED_BONUS;
  if (state.repeatCalls) score += REPEAT_CALL_BONUS;
  return score;
}

export function isFollowUpDue(state: DTaskState, now: string): boolean {
  return state.status === 'decided' && state.followUp !== undefined && Date.parse(state.followUp.dueAt) <= Date.parse(now);
}

/** A recall (other than v1's follow-up, which isFollowUpDue tells) is due: the queue shows the task for it. */
export function isRecallDue(state: DTaskState, now: string): boolean {
  return state.exists && dueRecalls(state, now).length > 0;
}
