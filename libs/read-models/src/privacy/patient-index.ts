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

/** What a patient's earlier tasks left that a new task of theirs is measured against. */
export interface PatientContacts {
  /** Our own last no-unit decision (phone advice, a redirect) with no unit sent after it. */
  noUnit?: SecondContactOf;
  /** The last unit mission that ended without conveyance (previousDecision 'unit-not-conveyed'). */
  notConveyed?: SecondContactOf;
  /** The last decision of any kind, or the end of a mission without conveyance: re-contacts count from it. */
  lastDecision?: { taskId: string; at: string };
}

/**
 * Contacts with every field named, undefined when unknown: all patients' then share one object shape
 * (spreading the earlier contacts gave them hundreds of shapes).
 */
type EveryContact = { [K in keyof Required<PatientContacts>]: PatientContacts[K] };

interface SavedPatientIndex {
  patientOfTask: [string, string][];
  contacts: [string, PatientContacts][];
}

/** One patient: their ref, their tasks in the order received, and what their earlier tasks left. */
interface Patient {
  readonly ref: string;
  /** Replaced whole, at its length (concat): one grown by push or spread keeps room for 16 more, for every patient of a year. */
  tasks: readonly string[];
  /** Replaced, never changed in place: a saved state handed out stays as it was. */
  contacts: PatientContacts | undefined;
}

/**
 * The one patient index, folded from `$all`: each task's patient, each patient's tasks, and what
 * their earlier tasks left (PatientContacts). The task board's S4 look-up at intake, the earlier
 * contacts a nurse sees, the measures' second contacts and re-contacts and the analysts' replays all
 * read it. The service's index holds pseudonyms only (see PatientRefs), so neither it nor its
 * snapshot names anyone. A task leads to its patient's one record, so a decision looks up one map
 * of a year's tasks, not three.
 */
export class PatientIndex {
  private readonly patientOfTask = new Map<string, Patient>();
  private readonly patients = new Map<string, Patient>();
  /** Patients in the order they first had contacts: the saved state lists them so. */
  private readonly withContacts: Patient[] = [];

  constructor(private readonly refs?: PatientRefs) {}

  apply(event: FoldEvent): void {
    const taskId = taskIdOf(event);
    if (taskId === undefined) return;
    if (event.type === 'DTaskReceived') {
      const patient = this.refOfIntake(event.data);
      if (patient !== undefined) this.remember(taskId, patient);
      return;
    }
    // Only decisions and missions' ends change a patient's contacts: other events look nothing up.
    switch (event.type) {
      case 'PhoneAdviceGiven':
      case 'RedirectRequested': {
        const previousDecision = event.type === 'PhoneAdviceGiven' ? 'phone-advice' : 'redirect';
        const at = event.metadata.occurredAt;
        return this.update(taskId, (before, task) => ({
          noUnit: { previousTaskId: task, previousDecision, previousDecidedAt: at },
          notConveyed: before.notConveyed,
          lastDecision: { taskId: task, at },
        }));
      }
      case 'UnitRequested':
      case 'UnitAttachedByField':
        // A unit sent after the advice (unreachable on the follow-up call, the field commander's) makes it no no-unit decision.
        return this.update(taskId, (before, task) => ({
          noUnit: before.noUnit?.previousTaskId === task ? undefined : before.noUnit,
          notConveyed: before.notConveyed,
          lastDecision: { taskId: task, at: event.metadata.occurredAt },
        }));
      case 'MissionUpdated': {
        if (!endedWithoutConveyance(event.data)) return;
        const at = event.metadata.occurredAt;
        return this.update(taskId, (before, task) => ({
          noUnit: before.noUnit,
          notConveyed: { previousTaskId: task, previousDecision: 'unit-not-conveyed', previousDecidedAt: at },
          lastDecision: { taskId: task, at },
        }));
      }
    }
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
    return this.patientOfTask.get(taskId)?.ref;
  }

  /** The patient's tasks, in the order they were received. */
  tasksOf(patient: string): readonly string[] {
    return this.patients.get(patient)?.tasks ?? [];
  }

  /**
   * What the earlier tasks of an intake's patient left: the patient the index found taking the
   * intake in (one look-up), else the one its data names. Decisions of the task itself come later.
   */
  contactsAtIntake(taskId: string, data: Record<string, unknown>): PatientContacts | undefined {
    const known = this.patientOfTask.get(taskId);
    if (known) return known.contacts;
    const ref = this.refOfIntake(data);
    return ref === undefined ? undefined : this.patients.get(ref)?.contacts;
  }

  /**
   * S4's previous contact: the later of our own last no-unit decision and the last unit mission that
   * ended without conveyance (domain.md, "Second contacts").
   */
  lastNoUnitDecisionOfPatient(patient: string): SecondContactOf | undefined {
    const { noUnit, notConveyed } = this.patients.get(patient)?.contacts ?? {};
    if (!noUnit || !notConveyed) return noUnit ?? notConveyed;
    return Date.parse(notConveyed.previousDecidedAt) > Date.parse(noUnit.previousDecidedAt) ? notConveyed : noUnit;
  }

  /** Our own last no-unit decision only: the safety measure's second contacts count from it. */
  ownNoUnitDecisionOfPatient(patient: string): SecondContactOf | undefined {
    return this.patients.get(patient)?.contacts?.noUnit;
  }

  /** The patient's last decision of any kind (or mission without conveyance): re-contacts count from it. */
  lastDecisionOfPatient(patient: string): PatientContacts['lastDecision'] {
    return this.patients.get(patient)?.contacts?.lastDecision;
  }

  /** The patient's previous contact for flagging a new task a second contact (S4). */
  lastNoUnitDecisionOf(personId: string | undefined, callbackPhone: string | undefined): SecondContactOf | undefined {
    const patient = this.refOf(personId, callbackPhone);
    return patient === undefined ? undefined : this.lastNoUnitDecisionOfPatient(patient);
  }

  saveState(): SavedPatientIndex {
    return {
      patientOfTask: Array.from(this.patientOfTask, ([taskId, patient]) => [taskId, patient.ref]),
      contacts: this.withContacts.map((patient) => [patient.ref, patient.contacts!]),
    };
  }

  /** Replaces the whole index; a state it cannot take leaves it empty, never half loaded. */
  loadState(saved: unknown): void {
    this.reset();
    try {
      const state = saved as SavedPatientIndex;
      for (const [taskId, patient] of state.patientOfTask) this.remember(taskId, patient);
      for (const [patient, contacts] of state.contacts) this.setContacts(this.patientCalled(patient), contacts);
    } catch (error) {
      this.reset();
      throw error;
    }
  }

  reset(): void {
    this.patientOfTask.clear();
    this.patients.clear();
    this.withContacts.length = 0;
  }

  /**
   * The contacts of the task's patient, replaced by what `next` makes of them with the task's id as
   * the patient's list holds it (from the intake): an id sliced from this event's stream name would
   * keep that whole name alive in the contacts, one more for every patient of a year.
   */
  private update(taskId: string, next: (before: PatientContacts, task: string) => EveryContact): void {
    const patient = this.patientOfTask.get(taskId);
    if (patient === undefined) return;
    const task = patient.tasks.find((known) => known === taskId) ?? taskId;
    this.setContacts(patient, next(patient.contacts ?? {}, task));
  }

  private setContacts(patient: Patient, contacts: PatientContacts): void {
    if (patient.contacts === undefined) this.withContacts.push(patient);
    patient.contacts = contacts;
  }

  private patientCalled(ref: string): Patient {
    const known = this.patients.get(ref);
    if (known) return known;
    const patient: Patient = { ref, tasks: [], contacts: undefined };
    this.patients.set(ref, patient);
    return patient;
  }

  private remember(taskId: string, ref: string): void {
    const patient = this.patientCalled(ref);
    this.patientOfTask.set(taskId, patient);
    if (!patient.tasks.includes(taskId)) patient.tasks = patient.tasks.concat(taskId);
  }
}

/** A completed mission that left the patient at home: not conveyed, or closed with an X code. */
function endedWithoutConveyance(data: Record<string, unknown>): boolean {
  if (data.stage !== 'completed') return false;
  return data.conveyed === false || (data.conveyed !== true && typeof data.xCode === 'string');
}
