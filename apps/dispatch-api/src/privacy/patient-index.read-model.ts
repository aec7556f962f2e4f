import { Injectable, OnModuleInit } from '@nestjs/common';
import { PatientIndex, Pseudonymiser } from '@dtask/read-models';
import { toFoldEvent } from '../projections/fold-event';
import { AllStreamFollower } from '../projections/projection-host';
import { Snapshottable } from '../projections/read-model-snapshots';

/**
 * The service's one patient index, kept current from `$all`: the task board's S4 look-up and the
 * measures' second and earlier contacts read it, and none of them feeds it. Patients are held as
 * the analysts' pseudonyms, so neither the index nor its snapshot holds identity codes or numbers.
 */
@Injectable()
export class PatientIndexReadModel implements OnModuleInit, Snapshottable {
  /** One instance for the life of the service: its readers hold it. */
  readonly index: PatientIndex;
  readonly snapshotName = 'patient-index';
  // 2: each patient's contacts (our no-unit decision, a mission without conveyance, the last decision).
  readonly snapshotVersion = 2;

  constructor(private readonly follower: AllStreamFollower, pseudonymiser: Pseudonymiser) {
    this.index = new PatientIndex(pseudonymiser);
  }

  onModuleInit(): void {
    this.follower.register((event) => this.index.apply(toFoldEvent(event)), this);
  }

  saveState(): unknown {
    return this.index.saveState();
  }

  loadState(state: unknown): void {
    this.index.loadState(state);
  }

  resetState(): void {
    this.index.reset();
  }
}
