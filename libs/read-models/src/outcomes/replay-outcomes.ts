import { EventBatches } from '../fold-event';
import { TaskFactsFold } from '../measures/task-facts';
import { PatientIndex, PatientRefs } from '../privacy/patient-index';
import { OutcomeFold } from './outcome-fold';
import { OutcomeLinkage, outcomeLinkage, OutcomeSources } from './outcome-linkage';

/** The outcome sources of a patient index (the analysts' pseudonyms) and an outcome fold. */
export function outcomeSources(patients: Pick<PatientIndex, 'patientOf'>, outcomes: OutcomeFold): OutcomeSources {
  return { patientOf: (taskId) => patients.patientOf(taskId), outcomesOf: (patientRef) => outcomes.of(patientRef), extent: () => outcomes.extent() };
}

/**
 * The outcome linkage replayed from `$all` with the live folds, for tasks received in [fromMs,
 * toMs). Outcomes are keyed by the analysts' pseudonyms, so the patient index takes the service's
 * Pseudonymiser (the same PSEUDONYM_KEY) as its refs.
 */
export async function replayOutcomeLinkage(batches: EventBatches, window: { fromMs: number; toMs: number }, refs: PatientRefs): Promise<OutcomeLinkage> {
  const patients = new PatientIndex(refs);
  const facts = new TaskFactsFold(patients);
  const outcomes = new OutcomeFold();
  for await (const batch of batches) {
    for (const event of batch) {
      patients.apply(event);
      facts.apply(event);
      outcomes.apply(event);
    }
  }
  return outcomeLinkage(facts.receivedBetween(window.fromMs, window.toMs), outcomeSources(patients, outcomes));
}
