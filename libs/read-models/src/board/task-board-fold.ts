import { DTaskDecider, DTaskState, flagsOf, isFollowUpDue, queuePriority, SecondContactOf, toTimedEvent } from '@dtask/domain';
import { QueueItemView } from '@dtask/events';
import { FoldEvent, taskIdOf } from '../fold-event';
import { PatientIndex } from '../privacy/patient-index';

/** Closed tasks kept for `?status=closed`; older ones live on in the event log and the reports. */
const RECENTLY_CLOSED = 500;

export interface QueueFilter {
  status?: DTaskState['status'];
  area?: string;
}

/**
 * The picture of open tasks, folded from `$all` with the decider's own `evolve`: the queue, and
 * (through the PatientIndex) each patient's last no-unit decision for S4. The live service and the
 * analysts' time travel both run it.
 */
export class TaskBoardFold {
  readonly open = new Map<string, DTaskState>();
  private readonly closed = new Map<string, DTaskState>();
  /** Tasks that can be in the default queue: waiting, or with a follow-up call pending. */
  private readonly queueCandidates = new Set<string>();
  readonly patients: PatientIndex;
  /** A shared index is fed by its owner (the service's, a time travel's); the board feeds its own. */
  private readonly feedsPatients: boolean;

  constructor(
    private readonly evolve: DTaskDecider['evolve'],
    private readonly initialState: DTaskState,
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
      queueCandidates: [...this.queueCandidates],
      ...(this.feedsPatients ? { patients: this.patients.saveState() } : {}),
    };
  }

  loadState(saved: unknown): void {
    const state = saved as Record<string, [string, never][]> & { queueCandidates: string[]; patients?: unknown };
    const refill = <V>(target: Map<string, V>, entries: [string, V][]) => {
      target.clear();
      for (const [key, value] of entries) target.set(key, value);
    };
    refill(this.open, state.open);
    refill(this.closed, state.closed);
    if (this.feedsPatients) this.patients.loadState(state.patients);
    this.queueCandidates.clear();
    for (const taskId of state.queueCandidates) this.queueCandidates.add(taskId);
  }

  apply(stored: FoldEvent): void {
    const taskId = taskIdOf(stored);
    if (taskId === undefined) return;
    if (this.feedsPatients) this.patients.apply(stored);
    const event = toTimedEvent(stored.type, stored.data, stored.metadata as { occurredAt: string; schemaVersion: number });
    const state = this.evolve(this.open.get(taskId) ?? this.closed.get(taskId) ?? this.initialState, event);
    // Events of a stream that never had its DTaskReceived describe no task the queue could show.
    if (!state.exists) return;
    if (state.status === 'waiting' || state.followUp) this.queueCandidates.add(taskId);
    else this.queueCandidates.delete(taskId);
    if (state.status === 'closed') {
      this.open.delete(taskId);
      this.closed.set(taskId, state);
      if (this.closed.size > RECENTLY_CLOSED) this.closed.delete(this.closed.keys().next().value!);
    } else {
      this.open.set(taskId, state);
    }
  }

  /** The patient's last no-unit decision, for flagging a second contact (S4). */
  lastNoUnitDecisionOf(personId: string | undefined, callbackPhone: string): SecondContactOf | undefined {
    return this.patients.lastNoUnitDecisionOf(personId, callbackPhone);
  }

  /**
   * The queue: without a status, the tasks waiting for a nurse (waiting, and decided ones whose
   * follow-up call is due), highest priority first.
   */
  queue(now: Date, filter: QueueFilter = {}): QueueItemView[] {
    const nowIso = now.toISOString();
    const source = filter.status === 'closed' ? this.closed.values() : filter.status ? this.open.values() : this.candidates();
    const items: QueueItemView[] = [];
    for (const state of source) {
      const inQueue = filter.status ? state.status === filter.status : state.status === 'waiting' || isFollowUpDue(state, nowIso);
      if (!inQueue || (filter.area && state.area !== filter.area)) continue;
      items.push(queueItem(state, now));
    }
    return items.sort((a, b) => b.priority - a.priority || a.receivedAt.localeCompare(b.receivedAt));
  }

  private *candidates(): Iterable<DTaskState> {
    for (const taskId of this.queueCandidates) {
      const state = this.open.get(taskId);
      if (state) yield state;
    }
  }
}

export function queueItem(state: DTaskState, now: Date): QueueItemView {
  const nowIso = now.toISOString();
  const followUpDue = isFollowUpDue(state, nowIso);
  // A due follow-up call shows as due, not also as booked.
  const flags: string[] = followUpDue ? [...flagsOf(state).filter((flag) => flag !== 'follow-up-pending'), 'follow-up-due'] : flagsOf(state);
  // A due follow-up call waits from its due time, not from the ERC's first receipt.
  const waitingSince = followUpDue ? state.followUp!.dueAt : state.receivedAt!;
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
  };
}
