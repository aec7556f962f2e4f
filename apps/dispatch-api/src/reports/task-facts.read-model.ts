import { Injectable, OnModuleInit } from '@nestjs/common';
import { FoldEvent, PatientIndex, TaskFacts, TaskFactsFold } from '@dtask/read-models';
import { PatientIndexReadModel } from '../privacy/patient-index.read-model';
import { AllStreamFollower } from '../projections/projection-host';
import { Snapshottable } from '../projections/read-model-snapshots';
import { toFoldEvent } from '../projections/fold-event';

/** The measures' per-task facts, kept current from `$all` by the same fold analysts replay. */
@Injectable()
export class TaskFactsReadModel implements OnModuleInit, Snapshottable {
  readonly snapshotName = 'task-facts';
  // 2: patients are keyed by pseudonym. 3: patients moved to the patient index. 4: v1.1 (recalls, repeat calls, field units, re-contacts).
  // 5: issue 14 (unit time, nurses' units, dispositions, consults, interpreter, visits). 6: overrides' instants.
  readonly snapshotVersion = 6;
  /** The service's patient index, fed and snapshotted on its own: the facts read it. */
  private readonly patients: PatientIndex;
  private fold: TaskFactsFold;

  constructor(
    private readonly follower: AllStreamFollower,
    patients: PatientIndexReadModel,
  ) {
    this.patients = patients.index;
    this.fold = new TaskFactsFold(this.patients);
  }

  onModuleInit(): void {
    this.follower.register((event) => this.fold.apply(toFoldEvent(event)), this);
  }

  saveState(): unknown {
    return this.fold.saveState();
  }

  loadState(state: unknown): void {
    this.fold = TaskFactsFold.fromState(state, this.patients);
  }

  resetState(): void {
    this.fold = new TaskFactsFold(this.patients);
  }

  /** Tasks received in [fromMs, toMs). */
  receivedBetween(fromMs: number, toMs: number): TaskFacts[] {
    return this.fold.receivedBetween(fromMs, toMs);
  }

  otherTasksOfPatient(taskId: string): TaskFacts[] {
    return this.fold.otherTasksOfPatient(taskId);
  }

  /** The patient header's counts: the patient's other tasks in the last 7 and 30 days. */
  contactsOfPatient(taskId: string, nowMs: number): { last7Days: number; last30Days: number } {
    return this.fold.contactsOfPatient(taskId, nowMs);
  }

  /** When the first and the last task held were received (epoch ms), or null when there are none. */
  span(): { firstMs: number; lastMs: number; tasks: number } | null {
    let firstMs = Number.POSITIVE_INFINITY;
    let lastMs = Number.NEGATIVE_INFINITY;
    const tasks = this.fold.receivedBetween(Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY);
    for (const task of tasks) {
      if (task.receivedAtMs < firstMs) firstMs = task.receivedAtMs;
      if (task.receivedAtMs > lastMs) lastMs = task.receivedAtMs;
    }
    return tasks.length === 0 ? null : { firstMs, lastMs, tasks: tasks.length };
  }

  apply(event: FoldEvent): void {
    this.fold.apply(event);
  }
}
