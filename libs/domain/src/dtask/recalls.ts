import { DTaskFields, DTaskState, FOLLOW_UP_RECALL_ID, Recall } from './state';

/** The recalls still due (or coming due) on an open task. */
export function pendingRecalls(state: Pick<DTaskFields, 'recalls' | 'status'>): Recall[] {
  return state.status === 'closed' ? [] : state.recalls.filter(isPending);
}

export function pendingRecall(state: Pick<DTaskFields, 'recalls' | 'status'>, recallId: string): Recall | undefined {
  return pendingRecalls(state).find((recall) => recall.recallId === recallId);
}

/**
 * The recalls due by `now`, earliest first, without the v1 follow-up: it keeps its own flags
 * (`follow-up-pending`, the queue's `follow-up-due`) so v1 clients see what they saw.
 */
export function dueRecalls(state: DTaskState, now: string): Recall[] {
  const nowMs = Date.parse(now);
  return pendingRecalls(state)
    .filter((recall) => recall.recallId !== FOLLOW_UP_RECALL_ID && Date.parse(recall.dueAt) <= nowMs)
    .sort((a, b) => a.dueAt.localeCompare(b.dueAt));
}

/** A decided task a nurse may take up again: a call back to its patient is pending. */
export const hasPendingRecall = (state: Pick<DTaskFields, 'recalls' | 'status'>) =>
  state.status !== 'closed' && state.recalls.some(isPending);

/** Not yet ended: still due, or coming due. */
const isPending = (recall: Recall) => recall.done === undefined;

/** S8's watch: a unit requested at D not yet on scene, on an open task. */
export const isWaitingForUnit = (state: DTaskFields) => state.status !== 'closed' && state.unitWait !== undefined;

/** A recall id not yet used on the task: `<reason>-<n>`, the same on every replay of the same history. */
export function nextRecallId(state: Pick<DTaskFields, 'recalls'>, prefix: string): string {
  return nextFreeId(state.recalls.map((recall) => recall.recallId), prefix);
}

/** `<prefix>-<n>` for the first n from the list's length + 1 that no id of the list takes (recalls, consults). */
export function nextFreeId(ids: readonly string[], prefix: string): string {
  const taken = new Set(ids);
  let n = ids.length + 1;
  while (taken.has(`${prefix}-${n}`)) n += 1;
  return `${prefix}-${n}`;
}

// Folding: each returns a new list, leaving the given one as it was.

export function withRecall(recalls: Recall[], recall: Recall): Recall[] {
  return [...recalls.filter((existing) => existing.recallId !== recall.recallId), recall];
}

export function withAttempt(recalls: Recall[], recallId: string, reached: boolean): Recall[] {
  return recalls.map((recall) =>
    recall.recallId !== recallId || recall.done !== undefined
      ? recall
      : {
          ...recall,
          attempts: recall.attempts + 1,
          failedAttempts: recall.failedAttempts + (reached ? 0 : 1),
          done: reached ? 'reached' : undefined,
        },
  );
}

/** Ends the pending recalls `which` picks; the list is kept as it was when none is pending. */
export function ending(recalls: Recall[], done: NonNullable<Recall['done']>, which: (recall: Recall) => boolean = () => true): Recall[] {
  if (!recalls.some((recall) => recall.done === undefined && which(recall))) return recalls;
  return recalls.map((recall) => (recall.done === undefined && which(recall) ? { ...recall, done } : recall));
}

export const newRecall = (recallId: string, reason: Recall['reason'], dueAt: string): Recall => ({
  recallId,
  reason,
  dueAt,
  attempts: 0,
  failedAttempts: 0,
  done: undefined,
});
