import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { DTaskDecider, DTaskState, flagsOf, isFollowUpDue, queuePriority, SecondContactOf } from '@dtask/domain';
import { EventMetadata, QueueItemView, taskIdFromStreamId } from '@dtask/events';
import { RecordedEvent } from '@dtask/event-store';
import { Pseudonymiser } from '@dtask/read-models';
import { AllStreamFollower } from '../projections/projection-host';
import { Snapshottable } from '../projections/read-model-snapshots';
import { toTimedEvent } from './command-executor';
import { DTASK_DECIDER } from './dtask-decider.provider';

/** Closed tasks kept for `?status=closed`; older ones live on in the event log and the reports. */
const RECENTLY_CLOSED = 500;

export type QueueItem = QueueItemView;

/**
 * The live picture of open tasks, folded from `$all` with the decider's own `evolve`: the queue,
 * the due-list of deadlines, and each patient's last no-unit decision for S4.
 */
@Injectable()
export class TaskBoard implements OnModuleInit, Snapshottable {
  readonly snapshotName = 'task-board';
  readonly snapshotVersion = 1;
  readonly open = new Map<string, DTaskState>();
  private readonly closed = new Map<string, DTaskState>();
  /** Tasks that can be in the default queue: waiting, or with a follow-up call pending. */
  private readonly queueCandidates = new Set<string>();
  private readonly patientOfTask = new Map<string, string>();
  private readonly lastNoUnitDecision = new Map<string, SecondContactOf>();

  constructor(
    private readonly follower: AllStreamFollower,
    @Inject(DTASK_DECIDER) private readonly decider: DTaskDecider,
    private readonly pseudonymiser: Pseudonymiser,
  ) {}

  onModuleInit(): void {
    this.follower.register((event) => this.apply(event), this);
  }

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

  apply(recorded: RecordedEvent): void {
    const taskId = taskIdFromStreamId(recorded.streamId);
    if (taskId === undefined) return;
    const event = toTimedEvent(recorded.type, recorded.data, recorded.metadata as EventMetadata);
    const state = this.decider.evolve(this.open.get(taskId) ?? this.closed.get(taskId) ?? this.decider.initialState, event);
    // Events of a stream that never had its DTaskReceived describe no task the queue could show.
    if (!state.exists) return;
    if (event.type === 'DTaskReceived') {
      const data = event.data;
      this.patientOfTask.set(taskId, this.patientKey(data.patient.personId, data.callbackPhone));
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
  queue(now: Date, filter: { status?: DTaskState['status']; area?: string }): QueueItem[] {
    const nowIso = now.toISOString();
    const source = filter.status === 'closed' ? this.closed.values() : filter.status ? this.open.values() : this.candidates();
    const items: QueueItem[] = [];
    for (const state of source) {
      const inQueue = filter.status ? state.status === filter.status : state.status === 'waiting' || isFollowUpDue(state, nowIso);
      if (!inQueue || (filter.area && state.area !== filter.area)) continue;
      items.push(this.item(state, now));
    }
    return items.sort((a, b) => b.priority - a.priority || a.receivedAt.localeCompare(b.receivedAt));
  }

  private *candidates(): Iterable<DTaskState> {
    for (const taskId of this.queueCandidates) {
      const state = this.open.get(taskId);
      if (state) yield state;
    }
  }

  item(state: DTaskState, now: Date): QueueItem {
    const nowIso = now.toISOString();
    const flags: string[] = flagsOf(state);
    if (isFollowUpDue(state, nowIso)) flags.push('follow-up-due');
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
      flags,
      ...(state.owner ? { owner: state.owner } : {}),
      priority: Math.round(queuePriority(state, nowIso) * 10) / 10,
    };
  }

  private forgetClosed(taskId: string): void {
    this.closed.delete(taskId);
    this.patientOfTask.delete(taskId);
  }

  /** Patients are matched by a keyed pseudonym, so this map holds no identity codes. */
  private patientKey(personId: string | undefined, callbackPhone: string): string {
    return this.pseudonymiser.pseudonym(personId ? `pid:${personId}` : `tel:${callbackPhone.replace(/[^0-9+]/g, '')}`);
  }
}
