import {
  clearPersonalData,
  DTaskDecider,
  DTaskState,
  flagsOf,
  hasPendingRecall,
  isFollowUpDue,
  isRecallDue,
  pendingRecalls,
  queuePriority,
  SecondContactOf,
  toTimedEvent,
} from '@dtask/domain';
import { QueueItemView, RecallInQueueView } from '@dtask/events';
import { FoldEvent, taskIdOf } from '../fold-event';
import { instantMs } from '../instant';
import { PatientIndex } from '../privacy/patient-index';
import { RecentlyClosed } from './recently-closed';
import { referralsOnBoard, ReturnedVisit } from './referrals';

/** Closed tasks kept for `?status=closed`; older ones live on in the event log and the reports. */
const RECENTLY_CLOSED = 500;

export interface QueueFilter {
  status?: DTaskState['status'];
  area?: string;
}

/**
 * The picture of open tasks, folded from `$all` with the decider's own fold, in place
 * (evolveInPlace: the board owns its states, and reads of them are synchronous): the queue, and
 * (through the PatientIndex) each patient's previous contact for S4 and open task for
 * `duplicate-open`. The live service and the analysts' time travel both run it. States are kept
 * without the ERC's later number and address (clearPersonalData): the queue needs neither, and
 * the board's snapshot on disk names no one.
 */
export class TaskBoardFold {
  readonly open = new Map<string, DTaskState>();
  private readonly closed = new RecentlyClosed<DTaskState>(RECENTLY_CLOSED);
  /**
   * Tasks that can be in the default queue, each with the earliest instant it can be there (epoch
   * ms): a waiting one at once, one with a follow-up call or a recall pending at its earliest due
   * time. A queue read then looks only at those already due: the tasks waiting for a D unit, each
   * with S8 recalls pending, may be many, and most are not due.
   */
  private readonly queueCandidates = new Map<string, number>();
  /** Open tasks' language as the last assessment that told it: the queue marks a Swedish speaker. */
  private readonly languages = new Map<string, string>();
  /** Open tasks a visit returned to the queue (its limit passed, or it failed), until decided again: the supervisor's overdue and failed visits. */
  private readonly returnedVisits = new Map<string, ReturnedVisit>();
  readonly patients: PatientIndex;
  /** A shared index is fed by its owner (the service's, a time travel's); the board feeds its own. */
  private readonly feedsPatients: boolean;

  constructor(
    private readonly decider: Pick<DTaskDecider, 'evolveInPlace'>,
    patients?: PatientIndex,
  ) {
    this.patients = patients ?? new PatientIndex();
    this.feedsPatients = patients === undefined;
  }

  /** A shared index is snapshotted by its owner. */
  saveState(): unknown {
    return {
      open: [...this.open],
      closed: [...this.closed],
      queueCandidates: [...this.queueCandidates.keys()],
      languages: [...this.languages],
      returnedVisits: [...this.returnedVisits],
      ...(this.feedsPatients ? { patients: this.patients.saveState() } : {}),
    };
  }

  loadState(saved: unknown): void {
    const state = saved as Record<string, [string, never][]> & { queueCandidates: string[]; patients?: unknown };
    const refill = <V>(target: { clear(): void; set(key: string, value: V): unknown }, entries: [string, V][]) => {
      target.clear();
      for (const [key, value] of entries) target.set(key, value);
    };
    refill(this.open, state.open);
    refill(this.closed, state.closed);
    refill(this.languages, state.languages ?? []);
    refill(this.returnedVisits, state.returnedVisits ?? []);
    if (this.feedsPatients) this.patients.loadState(state.patients);
    this.queueCandidates.clear();
    for (const taskId of state.queueCandidates) {
      const open = this.open.get(taskId);
      if (open) this.queueCandidates.set(taskId, inQueueFromMs(open));
    }
  }

  apply(stored: FoldEvent): void {
    const taskId = taskIdOf(stored);
    if (taskId === undefined) return;
    if (this.feedsPatients) this.patients.apply(stored);
    // Open states are the board's own and change in place. A closed one stays among the recently
    // closed as it closed: anything after a closure folds into a copy, as the pure evolve would.
    const open = this.open.get(taskId);
    const closed = open ? undefined : this.closed.get(taskId);
    const state = this.decider.evolveInPlace(open ?? (closed && { ...closed }), toTimedEvent(stored.type, stored.data, stored.metadata));
    clearPersonalData(state);
    // Events of a stream that never had its DTaskReceived describe no task the queue could show.
    if (!state.exists) return;
    if (state.status === 'waiting' || state.followUp || hasPendingRecall(state)) this.queueCandidates.set(taskId, inQueueFromMs(state));
    else this.queueCandidates.delete(taskId);
    this.foldSideFacts(taskId, stored, state);
    if (state.status === 'closed') {
      if (open) this.open.delete(taskId);
      this.closed.set(taskId, state);
    } else if (state !== open) {
      this.open.set(taskId, state);
    }
  }

  /** What the decider's state does not keep: the patient's language, and a visit the limit returned. */
  private foldSideFacts(taskId: string, stored: FoldEvent, state: DTaskState): void {
    if (stored.type === 'AssessmentRecorded' && typeof stored.data.language === 'string') this.languages.set(taskId, stored.data.language);
    if (stored.type === 'HandoffVisitOverdue') {
      this.returnedVisits.set(taskId, { target: String(stored.data.target), visitBy: String(stored.data.visitBy), returnedAt: stored.metadata.occurredAt });
    } else if (stored.type === 'HandoffFailed') {
      this.returnedVisits.set(taskId, { target: String(stored.data.target), failed: stored.metadata.occurredAt });
    } else if (state.status !== 'waiting' && state.status !== 'claimed') this.returnedVisits.delete(taskId);
    if (state.status === 'closed') this.languages.delete(taskId);
  }

  /** The supervisor's open referrals and overdue visits at `now`. */
  referrals(now: Date) {
    return referralsOnBoard(this.open.values(), this.returnedVisits, now);
  }

  /** The patient's previous contact, for flagging a second contact (S4). */
  lastNoUnitDecisionOf(personId: string | undefined, callbackPhone: string): SecondContactOf | undefined {
    return this.patients.lastNoUnitDecisionOf(personId, callbackPhone);
  }

  /** The patient's newest open task other than `taskId`, to link a new intake to (`duplicate-open`). */
  openTaskOfPatient(patient: string, taskId?: string): string | undefined {
    const tasks = this.patients.tasksOf(patient);
    for (let i = tasks.length - 1; i >= 0; i -= 1) if (tasks[i] !== taskId && this.open.has(tasks[i]!)) return tasks[i];
    return undefined;
  }

  /** The same patient's other open tasks: a task linked at intake names the older one, and the older one names it back. */
  openTasksLinkedTo(taskId: string): string[] {
    const patient = this.patients.patientOf(taskId);
    if (patient === undefined) return [];
    return this.patients.tasksOf(patient).filter((other) => other !== taskId && this.open.has(other));
  }

  /**
   * The queue: without a status, the tasks waiting for a nurse (waiting, and the ones not in a
   * nurse's hands whose follow-up call or recall is due), highest priority first.
   */
  queue(now: Date, filter: QueueFilter = {}): QueueItemView[] {
    const nowIso = now.toISOString();
    const source = filter.status === 'closed' ? this.closed.values() : filter.status ? this.open.values() : this.candidates(now.getTime());
    const items: QueueItemView[] = [];
    for (const state of source) {
      const inQueue = filter.status ? state.status === filter.status : inDefaultQueue(state, nowIso);
      if (!inQueue || (filter.area && state.area !== filter.area)) continue;
      items.push(queueItem(state, now, this.languages.get(state.taskId!)));
    }
    return items.sort((a, b) => b.priority - a.priority || a.receivedAt.localeCompare(b.receivedAt));
  }

  private *candidates(nowMs: number): Iterable<DTaskState> {
    for (const [taskId, fromMs] of this.queueCandidates) {
      if (fromMs > nowMs) continue;
      const state = this.open.get(taskId);
      if (state) yield state;
    }
  }
}

/** The earliest instant a candidate can be in the default queue: a waiting task at once, else its first booked call. */
function inQueueFromMs(state: DTaskState): number {
  if (state.status === 'waiting') return Number.NEGATIVE_INFINITY;
  let earliest = state.followUp ? instantMs(state.followUp.dueAt) : Number.POSITIVE_INFINITY;
  for (const recall of pendingRecalls(state)) earliest = Math.min(earliest, instantMs(recall.dueAt));
  return earliest;
}

const inDefaultQueue = (state: DTaskState, nowIso: string) =>
  state.status === 'waiting' || isFollowUpDue(state, nowIso) || (state.status !== 'claimed' && isRecallDue(state, nowIso));

/** The earliest recall due by now, v1's follow-up too: the one the task is back in the queue for. */
function recallInQueue(state: DTaskState, nowMs: number): RecallInQueueView | null {
  let due: RecallInQueueView | null = null;
  for (const { recallId, reason, dueAt } of pendingRecalls(state)) {
    if (Date.parse(dueAt) <= nowMs && (due === null || dueAt < due.dueAt)) due = { recallId, reason, dueAt };
  }
  return due;
}

export function queueItem(state: DTaskState, now: Date, language?: string): QueueItemView {
  const nowIso = now.toISOString();
  const followUpDue = isFollowUpDue(state, nowIso);
  // A due follow-up call shows as due, not also as booked.
  const flags: string[] = followUpDue ? [...flagsOf(state, nowIso).filter((flag) => flag !== 'follow-up-pending'), 'follow-up-due'] : flagsOf(state, nowIso);
  const recall = recallInQueue(state, now.getTime());
  // A recall due brings a decided task back, waiting from its due time; a task still waiting keeps the ERC's receipt.
  const waitingSince = recall && state.status !== 'waiting' ? recall.dueAt : state.receivedAt!;
  return {
    taskId: state.taskId!,
    status: state.status,
    urgency: state.urgency,
    taskCode: state.taskCode!,
    area: state.area!,
    municipality: state.municipality!,
    ...(state.ageYears === undefined ? {} : { ageYears: state.ageYears }),
    receivedAt: state.receivedAt!,
    waitingSeconds: Math.max(0, Math.round((now.getTime() - Date.parse(state.receivedAt!)) / 1000)),
    waitingSince,
    flags,
    ...(state.owner ? { owner: state.owner } : {}),
    ...(state.claimedAt ? { claimedAt: state.claimedAt } : {}),
    priority: Math.round(queuePriority(state, nowIso) * 10) / 10,
    recall,
    ...(language === undefined ? {} : { language }),
    ...(state.closedOutcome ? { closedOutcome: state.closedOutcome } : {}),
  };
}
