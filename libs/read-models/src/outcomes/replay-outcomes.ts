import { EventBatches } from '../fold-event';
import { TaskFactsFold } from '../measures/task-facts';
import { PatientIndex, PatientRefs } from '../privacy/patient-index';
import { OutcomeBreakdowns } from './outcome-columns';
import { OutcomeFold } from './outcome-fold';
import { OutcomeLinkage, outcomeLinkage, OutcomeSources } from './outcome-linkage';

/** The outcome sources of a patient index (the analysts' pseudonyms) and an outcome fold. */
export function outcomeSources(patients: Pick<PatientIndex, 'patientOf'>, outcomes: OutcomeFold): OutcomeSources {
  return { patientOf: (taskId) => patients.patientOf(taskId), outcomesOf: (patientRef) => outcomes.of(patientRef), extent: () => outcomes.extent() };
}

/**
 * The live folds of the outcome linkage, fed from `$all`. Outcomes are keyed by the analysts'
 * pseudonyms, so the patient index takes the service's Pseudonymiser (the same PSEUDONYM_KEY) as
 * its refs. `tap` lets another replay's read of `$all` feed it too: one read for both.
 */
export class OutcomeLinkageReplay {
  private readonly patients: PatientIndex;
  private readonly facts: TaskFactsFold;
  private readonly outcomes = new OutcomeFold();

  constructor(refs: PatientRefs) {
    this.patients = new PatientIndex(refs);
    this.facts = new TaskFactsFold(this.patients);
  }

  async *tap(batches: EventBatches): EventBatches {
    for await (const batch of batches) {
      for (const event of batch) {
        this.patients.apply(event);
        this.facts.apply(event);
        this.outcomes.apply(event);
      }
      yield batch;
    }
  }

  /** The section for tasks received in [fromMs, toMs). */
  linkage(window: { fromMs: number; toMs: number }): OutcomeLinkage {
    return outcomeLinkage(this.facts.receivedBetween(window.fromMs, window.toMs), this.sources());
  }

  /** Each breakdown's outcome columns for tasks received in [fromMs, toMs). */
  breakdowns(window: { fromMs: number; toMs: number }): OutcomeBreakdowns {
    return new OutcomeBreakdowns(this.facts.receivedBetween(window.fromMs, window.toMs), this.sources());
  }

  private sources(): OutcomeSources {
    return outcomeSources(this.patients, this.outcomes);
  }
}

/** The outcome linkage replayed from `$all` with the live folds, for tasks received in [fromMs, toMs). */
export async function replayOutcomeLinkage(batches: EventBatches, window: { fromMs: number; toMs: number }, refs: PatientRefs): Promise<OutcomeLinkage> {
  const replay = new OutcomeLinkageReplay(refs);
  // Drains $all through the tap, which folds each batch as it passes.
  for await (const batch of replay.tap(batches)) void batch;
  return replay.linkage(window);
}
