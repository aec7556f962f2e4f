import { FOLLOW_UP_RECALL_ID } from '@dtask/domain';
import { FoldEvent } from '../fold-event';
import { instantMs, occurredAtMs } from '../instant';

/** One call back to the patient (a v1 follow-up, an S8 welfare recall, a nurse's), as the measures count it. */
export interface RecallFacts {
  recallId: string;
  reason: string;
  dueAtMs: number;
  /** When it stopped being due: reached, the unit on scene, a unit sent, the task closed; undefined while pending. */
  endedAtMs?: number;
  reached: boolean;
  worse: boolean;
}

/** The v1 follow-up after advice is the recall of this id and reason, as in the decider's state. */
const FOLLOW_UP = FOLLOW_UP_RECALL_ID;

/**
 * Folds the events that book, attempt and end recalls into the task's list. The decider ends them
 * the same way (a unit on scene ends S8's, a unit sent ends the others, closure all). A booking
 * replaces the list with one of its length (concat: one grown by push or spread keeps room for 16
 * more, for every task of a year); the rest change its recalls in place.
 */
export function foldRecall(task: { recalls: RecallFacts[] }, event: FoldEvent): void {
  const recalls = task.recalls;
  const data = event.data;
  switch (event.type) {
    case 'RecallScheduled':
    case 'FollowUpScheduled': {
      const recallId = event.type === 'FollowUpScheduled' ? FOLLOW_UP : String(data.recallId);
      const reason = event.type === 'FollowUpScheduled' ? FOLLOW_UP : String(data.reason);
      const recall = { recallId, reason, dueAtMs: instantMs(String(data.dueAt)), reached: false, worse: false };
      // A booking of the same id replaces the earlier one: the list holds one recall an id.
      task.recalls = recalls.filter((other) => other.recallId !== recallId).concat(recall);
      return;
    }
    case 'RecallCompleted':
    case 'FollowUpCompleted': {
      const recallId = event.type === 'FollowUpCompleted' ? FOLLOW_UP : String(data.recallId);
      const recall = recalls.find((candidate) => candidate.recallId === recallId && candidate.endedAtMs === undefined);
      if (!recall || data.outcome !== 'reached') return;
      recall.reached = true;
      recall.worse = data.condition === 'worse';
      recall.endedAtMs = occurredAtMs(event);
      return;
    }
    case 'UrgencyEscalated':
      // A patient found worse is escalated by the same command, at its instant; v1's follow-up event has no condition to tell it.
      for (const recall of recalls) if (recall.reached && recall.endedAtMs === occurredAtMs(event)) recall.worse = true;
      return;
    case 'MissionUpdated':
      if (data.stage !== 'unit-assigned') end(recalls, event, isWelfareRecall);
      return;
    case 'UnitRequested':
    case 'UnitAttachedByField':
      end(recalls, event, (recall) => !isWelfareRecall(recall));
      return;
    case 'DTaskClosed':
      end(recalls, event, () => true);
      return;
  }
}

function end(recalls: RecallFacts[], event: FoldEvent, which: (recall: RecallFacts) => boolean): void {
  for (const recall of recalls) if (recall.endedAtMs === undefined && which(recall)) recall.endedAtMs = occurredAtMs(event);
}

const isWelfareRecall = (recall: RecallFacts) => recall.reason === 'waiting-for-unit';

/** Fell due: reached, or still pending when its due time came (by `asOfMs` for one pending yet). */
export function wasDue(recall: RecallFacts, asOfMs: number): boolean {
  return recall.reached || recall.dueAtMs <= (recall.endedAtMs ?? asOfMs);
}
