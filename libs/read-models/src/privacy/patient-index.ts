import type { SecondContactOf } from '@dtask/domain';
import { patientKey, patientKeyOfIntake } from '@dtask/events';
import { FoldEvent, taskIdOf } from '../fold-event';

/** Turns a patient key into the ref the index holds; the service passes its Pseudonymiser. */
export interface PatientRefs {
  patientRef(key: string): string;
}

/**
 * The patient an intake's data names: a pseudonymised intake's `patient.ref`, else its key
 * (patientKey) as `refs` turn it into a ref. The service's refs are the analysts' pseudonyms, so a
 * raw and a pseudonymised stream name every patient alike.
 */
export function patientRefOfIntake(data: Record<string, unknown>, refs?: PatientRefs): string | undefined {
  const patient = data.patient as { ref?: unknown } | undefined;
  if (typeof patient?.ref === 'string') return patient.ref;
  const key = patientKeyOfIntake(data);
  return key === undefined || refs === undefined ? key : refs.patientRef(key);
}

interface SavedPatientIndex {
  patientOfTask: [string, string][];
  lastNoUnitDecision: [string, SecondContactOf][];
}

/**
 * The one patient index, folded from `$all`: each task's patient, each patient's tasks, and each
 * patient's last no-unit decision (S4). The task board's S4 look-up at intake, the earlier contacts
 * a nurse sees, the measures' second contacts and the analysts' replays all read it. The service's
 * index holds pseudonyms only (see PatientRefs), so neither it nor its snapshot names anyone.
 */
export class PatientIndex {
  private readonly patientOfTask = new Map<string, string>();
  private readonly tasksOfPatient = new Map<string, string[]>();
  private readonly lastNoUnitDecision = new Map<string, SecondContactOf>();

  constructor(private readonly refs?: PatientRefs) {}

  apply(event: FoldEvent): void {
    const taskId = taskIdOf(event);
    if (taskId === undefined) return;
    if (event.type === 'DTaskReceived') {
      const patient = this.refOfIntake(event.data);
      if (patient !== undefined) this.remember(taskId, patient);
      return;
    }
    const patient = this.patientOfTask.get(taskId);
    if (patient === undefined) return;
    if (event.type === 'PhoneAdviceGiven' || event.type === 'RedirectRequested') {
      const previousDecision = event.type === 'PhoneAdviceGiven' ? 'phone-advice' : 'redirect';
      this.lastNoUnitDecision.set(patient, { previousTaskId: taskId, previousDecision, previousDecidedAt: event.metadata.occurredAt });
    }
    // A unit sent after the advice (unreachable on the follow-up call) makes it no no-unit decision.
    if (event.type === 'UnitRequested' && this.lastNoUnitDecision.get(patient)?.previousTaskId === taskId) this.lastNoUnitDecision.delete(patient);
  }

  /** The ref of the patient an intake names, whether or not the index has taken the intake in. */
  refOfIntake(data: Record<string, unknown>): string | undefined {
    return patientRefOfIntake(data, this.refs);
  }

  /** The ref of the patient with this identity code or callback number, as the index holds them. */
  refOf(personId: string | undefined, callbackPhone: string | undefined): string | undefined {
    const key = patientKey(personId, callbackPhone);
    return key === undefined || this.refs === undefined ? key : this.refs.patientRef(key);
  }

  patientOf(taskId: string): string | undefined {
    return this.patientOfTask.get(taskId);
  }

  /** The patient's tasks, in the order they were received. */
  tasksOf(patient: string): readonly string[] {
    return this.tasksOfPatient.get(patient) ?? [];
  }

  lastNoUnitDecisionOfPatient(patient: string): SecondContactOf | undefined {
    return this.lastNoUnitDecision.get(patient);
  }

  /** The patient's last no-unit decision, for flagging a new task a second contact (S4). */
  lastNoUnitDecisionOf(personId: string | undefined, callbackPhone: string | undefined): SecondContactOf | undefined {
    const patient = this.refOf(personId, callbackPhone);
    return patient === undefined ? undefined : this.lastNoUnitDecision.get(patient);
  }

  saveState(): SavedPatientIndex {
    return { patientOfTask: [...this.patientOfTask], lastNoUnitDecision: [...this.lastNoUnitDecision] };
  }

  /** Replaces the whole index; a state it cannot take leaves it empty, never half loaded. */
  loadState(saved: unknown): void {
    this.reset();
    try {
      const state = saved as SavedPatientIndex;
      for (const [taskId, patient] of state.patientOfTask) this.remember(taskId, patient);
      for (const [patient, decision] of state.lastNoUnitDecision) this.lastNoUnitDecision.set(patient, decision);
    } catch (error) {
      this.reset();
      throw error;
    }
  }

  reset(): void {
    this.patientOfTask.clear();
    this.tasksOfPatient.clear();
    this.lastNoUnitDecision.clear();
  }

  private remember(taskId: string, patient: string): void {
    this.patientOfTask.set(taskId, patient);
    const tasks = this.tasksOfPatient.get(patient);
    if (!tasks) this.tasksOfPatient.set(patient, [taskId]);
    else if (!tasks.includes(taskId)) tasks.push(taskId);
  }
}
