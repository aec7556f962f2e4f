import { DTaskDecider, DTaskState, flagsOf, isFollowUpDue, queuePriority, SecondContactOf, toTimedEvent } from '@dtask/domain';
import { QueueItemView } from '@dtask/events';
import { FoldEvent, taskIdOf } from '../fold-event';

/** Closed tasks kept for `?status=closed`; older ones live on in the event log and the reports. */
const RECENTLY_CLOSED = 500;

/** Who the patient is, as a key that need not be reversible: live passes a keyed pseudonym. */
export type PatientKey = (personId: string | undefined, callbackPhone: string) => string;

export interface QueueFilter {
  status?: DTaskState['status'];
  area?: string;
}

/**
 * The picture of open tasks, folded from `$all` with the decider's own `evolve`: the queue, and each
 * patient's last no-unit decision for S4. The live service and the analysts' time travel both run it.
 */
export class TaskBoardFold {
  readonly open = new Map<string, DTaskState>();
  private readonly closed = new Map<string, DTaskState>();
  /** Tasks that can be in the default queue: waiting, or with a follow-up call pending. */
  private readonly queueCandidates = new Set<string>();
  private readonly patientOfTask = new Map<string, string>();
  private readonly lastNoUnitDecision = new Map<string, SecondContactOf>();

  constructor(
    private readonly evolve: DTaskDecider['evolve'],
    private readonly initialState: DTaskState,
    private readonly patientKey: PatientKey,
  ) {}

  saveState(): unknown {
    return {
      open: [...this.open],
      closed: [...this.closed],
      queueCandidates: [...this.queueCandidates],
      patientOfTask: [...this.patientOfTask],
      lastNoUnitDecision: [...this.lastNoUnitDecision],
    };
  }

  loadState(saved: unknown): void {
    const state = saved as Record<string, [string, never][]> & { queueCandidates: string[] };
    const refill = <V>(target: Map<string, V>, entries: [string, V][]) => {
      target.clear();
      for (const [key, value] of entries) target.set(key, value);
    };
    refill(this.open, state.open);
    refill(this.closed, state.closed);
    refill(this.patientOfTask, state.patientOfTask);
    refill(this.lastNoUnitDecision, state.lastNoUnitDecision);
    this.queueCandidates.clear();
    for (const taskId of state.queueCandidates) this.queueCandidates.add(taskId);
  }

  apply(stored: FoldEvent): void {
    const taskId = taskIdOf(stored);
    if (taskId === undefined) return;
    const event = toTimedEvent(stored.type, stored.data, stored.metadata as { occurredAt: string; schemaVersion: number });
    const state = this.evolve(this.open.get(taskId) ?? this.closed.get(taskId) ?? this.initialState, event);
    // Events of a stream that never had its DTaskReceived describe no task the queue could show.
    if (!state.exists) return;
    if (event.type === 'DTaskReceived') {
      this.patientOfTask.set(taskId, this.patientKey(event.data.patient.personId, event.data.callbackPhone));
    }
    if (event.type === 'PhoneAdviceGiven' || event.type === 'RedirectRequested') {
      const patient = this.patientOfTask.get(taskId);
      const decision = event.type === 'PhoneAdviceGiven' ? 'phone-advice' : 'redirect';
      if (patient) this.lastNoUnitDecision.set(patient, { previousTaskId: taskId, previousDecision: decision, previousDecidedAt: event.at });
    }
    if (event.type === 'UnitRequested') {
      const patient = this.patientOfTask.get(taskId);
      if (patient && this.lastNoUnitDecision.get(patient)?.previousTaskId === taskId) this.lastNoUnitDecision.delete(patient);
    }
    if (state.status === 'waiting' || state.followUp) this.queueCandidates.add(taskId);
    else this.queueCandidates.delete(taskId);
    if (state.status === 'closed') {
      this.open.delete(taskId);
      this.closed.set(taskId, state);
      if (this.closed.size > RECENTLY_CLOSED) this.forgetClosed(this.closed.keys().next().value!);
    } else {
      this.open.set(taskId, state);
    }
  }

  /** The patient's last no-unit decision, for flagging a second contact (S4). */
  lastNoUnitDecisionOf(personId: string | undefined, callbackPhone: string): SecondContactOf | undefined {
    return this.lastNoUnitDecision.get(this.patientKey(personId, callbackPhone));
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

  private forgetClosed(taskId: string): void {
    this.closed.delete(taskId);
    this.patientOfTask.delete(taskId);
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
