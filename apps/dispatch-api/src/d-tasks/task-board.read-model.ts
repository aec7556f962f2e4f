import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { DTaskDecider, DTaskState, SecondContactOf } from '@dtask/domain';
import { QueueItemView } from '@dtask/events';
import { QueueFilter, TaskBoardFold } from '@dtask/read-models';
import { toFoldEvent } from '../projections/fold-event';
import { AllStreamFollower } from '../projections/projection-host';
import { PatientIndexReadModel } from '../privacy/patient-index.read-model';
import { Snapshottable } from '../projections/read-model-snapshots';
import { DTASK_DECIDER } from './dtask-decider.provider';

export type QueueItem = QueueItemView;

/** The live task board: the queue, kept current from `$all` (see TaskBoardFold), and the S4 look-up. */
@Injectable()
export class TaskBoard implements OnModuleInit, Snapshottable {
  readonly snapshotName = 'task-board';
  // 2: task states carry `claimedAt`. 3: patients moved to the patient index. 4: v1.1 states (recalls, links, S8), without personal data.
  // 5: the awaited visit and the consults (issue 14). 6: the patient's language, visits returned overdue.
  // 7: a returned referral needs the patient reached again (`recontactNeeded`; S1 counts afresh).
  // 8: visits returned failed (HandoffFailed), the wall's own figure apart from S6's returns.
  readonly snapshotVersion = 8;
  private fold: TaskBoardFold;

  constructor(
    private readonly follower: AllStreamFollower,
    @Inject(DTASK_DECIDER) private readonly decider: DTaskDecider,
    private readonly patients: PatientIndexReadModel,
  ) {
    this.fold = this.emptyFold();
  }

  /** The board reads the service's patient index (fed and snapshotted on its own); it holds no patients. */
  private emptyFold(): TaskBoardFold {
    return new TaskBoardFold(this.decider, this.patients.index);
  }

  onModuleInit(): void {
    this.follower.register((event) => this.fold.apply(toFoldEvent(event)), this);
  }

  get open(): ReadonlyMap<string, DTaskState> {
    return this.fold.open;
  }

  saveState(): unknown {
    return this.fold.saveState();
  }

  /** A state that does not load leaves the model empty, never half loaded. */
  loadState(saved: unknown): void {
    const fold = this.emptyFold();
    fold.loadState(saved);
    this.fold = fold;
  }

  resetState(): void {
    this.fold = this.emptyFold();
  }

  /** The supervisor's open referrals and overdue visits at `now`. */
  referrals(now: Date) {
    return this.fold.referrals(now);
  }

  /** The patient's newest open task, for linking a new intake to it (`duplicate-open`). */
  openTaskOf(personId: string | undefined, callbackPhone: string): string | undefined {
    const patient = this.patients.index.refOf(personId, callbackPhone);
    return patient === undefined ? undefined : this.fold.openTaskOfPatient(patient);
  }

  /** The same patient's other open tasks: a task linked at intake names the older one, and the older one names it back. */
  openTasksLinkedTo(taskId: string): string[] {
    return this.fold.openTasksLinkedTo(taskId);
  }

  /** The patient's previous contact for S4 (a no-unit decision, a mission without conveyance), by the one patient key; as current as the follower. */
  lastNoUnitDecisionOf(personId: string | undefined, callbackPhone: string): SecondContactOf | undefined {
    return this.patients.index.lastNoUnitDecisionOf(personId, callbackPhone);
  }

  queue(now: Date, filter: QueueFilter): QueueItem[] {
    return this.fold.queue(now, filter);
  }
}
