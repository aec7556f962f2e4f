import { DTaskCommand } from '@dtask/domain';
import { PatientIndex } from '../privacy/patient-index';

/**
 * What the intake handler looks up before an intake, in the what-if's own history: S4's previous
 * contact under the tried window, and the patient's open task (`duplicate-open`), by the one index.
 */
export function lookUpIntake(command: Extract<DTaskCommand, { type: 'Intake' }>, patients: PatientIndex, isOpen: (taskId: string) => boolean): void {
  const patient = patients.refOfIntake(command.task as unknown as Record<string, unknown>);
  if (patient === undefined) return;
  const previous = patients.lastNoUnitDecisionOfPatient(patient);
  if (previous) command.secondContactOf = previous;
  const open = patients.tasksOf(patient).filter((other) => other !== command.task.taskId && isOpen(other));
  if (open.length > 0) command.openTaskOf = { openTaskId: open[open.length - 1]! };
}
