import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { DTaskDecider, DTaskState, SecondContactOf } from '@dtask/domain';
import { QueueItemView } from '@dtask/events';
import { Pseudonymiser, QueueFilter, TaskBoardFold } from '@dtask/read-models';
import { toFoldEvent } from '../projections/fold-event';
import { AllStreamFollower } from '../projections/projection-host';
import { Snapshottable } from '../projections/read-model-snapshots';
import { DTASK_DECIDER } from './dtask-decider.provider';

export type QueueItem = QueueItemView;

/** The live task board: the queue and the S4 memory, kept current from `$all` (see TaskBoardFold). */
@Injectable()
export class TaskBoard implements OnModuleInit, Snapshottable {
  readonly snapshotName = 'task-board';
  // 2: task states carry `claimedAt`; an older snapshot would show claimed tasks without it.
  readonly snapshotVersion = 2;
  private fold: TaskBoardFold;

  constructor(
    private readonly follower: AllStreamFollower,
    @Inject(DTASK_DECIDER) private readonly decider: DTaskDecider,
    private readonly pseudonymiser: Pseudonymiser,
  ) {
    this.fold = this.emptyFold();
  }

  /** Patients are matched by a keyed pseudonym, so the board (and its snapshot) holds no identity codes. */
  private emptyFold(): TaskBoardFold {
    return new TaskBoardFold(this.decider.evolve, this.decider.initialState, patientPseudonym(this.pseudonymiser));
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

  lastNoUnitDecisionOf(personId: string | undefined, callbackPhone: string): SecondContactOf | undefined {
    return this.fold.lastNoUnitDecisionOf(personId, callbackPhone);
  }

  queue(now: Date, filter: QueueFilter): QueueItem[] {
    return this.fold.queue(now, filter);
  }
}

export function patientPseudonym(pseudonymiser: Pseudonymiser) {
  return (personId: string | undefined, callbackPhone: string) =>
    pseudonymiser.pseudonym(personId ? `pid:${personId}` : `tel:${callbackPhone.replace(/[^0-9+]/g, '')}`);
}
