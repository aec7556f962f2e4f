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
  private readonly fold: TaskBoardFold;

  constructor(
    private readonly follower: AllStreamFollower,
    @Inject(DTASK_DECIDER) decider: DTaskDecider,
    pseudonymiser: Pseudonymiser,
  ) {
    // Patients are matched by a keyed pseudonym, so the board holds no identity codes.
    this.fold = new TaskBoardFold(decider.evolve, decider.initialState, patientPseudonym(pseudonymiser));
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

  loadState(saved: unknown): void {
    this.fold.loadState(saved);
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
