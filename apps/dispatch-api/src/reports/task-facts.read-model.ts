import { Injectable, OnModuleInit } from '@nestjs/common';
import { FoldEvent, patientIdentity, Pseudonymiser, TaskFacts, TaskFactsFold } from '@dtask/read-models';
import { AllStreamFollower } from '../projections/projection-host';
import { Snapshottable } from '../projections/read-model-snapshots';
import { toFoldEvent } from '../projections/fold-event';

/** The measures' per-task facts, kept current from `$all` by the same fold analysts replay. */
@Injectable()
export class TaskFactsReadModel implements OnModuleInit, Snapshottable {
  readonly snapshotName = 'task-facts';
  // 2: patients are keyed by pseudonym; an older snapshot held identity codes and phone numbers.
  readonly snapshotVersion = 2;
  private readonly patientKey: (data: Record<string, unknown>) => string | undefined;
  private fold: TaskFactsFold;

  constructor(
    private readonly follower: AllStreamFollower,
    pseudonymiser: Pseudonymiser,
  ) {
    this.patientKey = pseudonymousPatientKey(pseudonymiser);
    this.fold = new TaskFactsFold(this.patientKey);
  }

  onModuleInit(): void {
    this.follower.register((event) => this.fold.apply(toFoldEvent(event)), this);
  }

  saveState(): unknown {
    return this.fold.saveState();
  }

  loadState(state: unknown): void {
    this.fold = TaskFactsFold.fromState(state, this.patientKey);
  }

  resetState(): void {
    this.fold = new TaskFactsFold(this.patientKey);
  }

  /** Tasks received in [fromMs, toMs). */
  receivedBetween(fromMs: number, toMs: number): TaskFacts[] {
    return this.fold.receivedBetween(fromMs, toMs);
  }

  otherTasksOfPatient(taskId: string): TaskFacts[] {
    return this.fold.otherTasksOfPatient(taskId);
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

/**
 * The live model keys patients by the keyed pseudonym of their identity code (or phone number),
 * so neither it nor its snapshot holds a second plaintext copy of them. A pseudonymised stream's
 * `patient.ref` is the same pseudonym of the identity code: analysts' replays count the same.
 */
export function pseudonymousPatientKey(pseudonymiser: Pseudonymiser) {
  return (data: Record<string, unknown>): string | undefined => {
    const identity = patientIdentity(data);
    if (identity === undefined || identity.startsWith('ref:')) return identity;
    return `ref:${pseudonymiser.pseudonym(identity)}`;
  };
}
