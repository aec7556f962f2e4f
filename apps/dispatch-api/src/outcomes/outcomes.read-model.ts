import { Injectable, OnModuleInit } from '@nestjs/common';
import { Breakdown, OutcomeColumns, OutcomeFold, OutcomeLinkage, outcomeLinkage, outcomeSources, OutcomeSources, TaskFacts, withOutcomeColumns } from '@dtask/read-models';
import { PatientIndexReadModel } from '../privacy/patient-index.read-model';
import { toFoldEvent } from '../projections/fold-event';
import { AllStreamFollower } from '../projections/projection-host';
import { Snapshottable } from '../projections/read-model-snapshots';

/**
 * The imported outcomes, kept current from `$all` (an import by the CLI while the service runs
 * arrives like any other write), joined on demand to the tasks of a report's window by the
 * service's patient index, whose patients are the analysts' pseudonyms the outcomes are keyed by.
 */
@Injectable()
export class OutcomesReadModel implements OnModuleInit, Snapshottable {
  readonly snapshotName = 'outcomes';
  readonly snapshotVersion = 1;
  private readonly fold = new OutcomeFold();

  constructor(
    private readonly follower: AllStreamFollower,
    private readonly patients: PatientIndexReadModel,
  ) {}

  onModuleInit(): void {
    this.follower.register((event) => this.fold.apply(toFoldEvent(event)), this);
  }

  /** The report's outcome section for these tasks (those of its window). */
  linkage(tasks: readonly TaskFacts[]): OutcomeLinkage {
    return outcomeLinkage(tasks, this.sources());
  }

  /** The measures CSV's rows of these tasks, each with the outcome columns of its own tasks. */
  withColumns<R extends { breakdown: Breakdown; key: string }>(rows: readonly R[], tasks: readonly TaskFacts[]): (R & OutcomeColumns)[] {
    return withOutcomeColumns(rows, tasks, this.sources());
  }

  private sources(): OutcomeSources {
    return outcomeSources(this.patients.index, this.fold);
  }

  saveState(): unknown {
    return this.fold.saveState();
  }

  loadState(state: unknown): void {
    this.fold.loadState(state);
  }

  resetState(): void {
    this.fold.reset();
  }
}
