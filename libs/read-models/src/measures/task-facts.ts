import { FoldEvent, taskIdOf } from '../fold-event';
import { helsinkiHour } from '../helsinki-time';

export type DecisionKind = 'send-unit' | 'phone-advice' | 'redirect';

/** What the measures of domain.md need to know about one task, folded from its events. */
export interface TaskFacts {
  taskId: string;
  receivedAtMs: number;
  area: string;
  municipality: string;
  taskCode: string;
  hour: number;
  /** The nurse who made the last decision, else the last one who claimed it. */
  nurse?: string;
  cancelled: boolean;
  unitRequested: boolean;
  autoDispatch?: 'unreachable' | 'waiting-limit';
  escalated: boolean;
  /** The task's final decision: a declined redirect decided again counts once, as decided last. */
  decision?: DecisionKind;
  redirectKind?: string;
  closedOutcome?: string;
  firstContactMs?: number;
  decidedAtMs?: number;
  secondContactWithin24h: boolean;
  secondContactWithin72h: boolean;
  s2Alert: boolean;
  declinedHandoffs: number;
  overrides: number;
}

const HOUR_MS = 3_600_000;

/** The patient of a `DTaskReceived`, as the key the fold matches contacts by; undefined when unknown. */
export type PatientKeyOfIntake = (data: Record<string, unknown>) => string | undefined;

/**
 * A pure fold of `$all` into per-task facts. It owns its state and updates it in place, so a year
 * of history folds without copying. Patients are matched by pseudonym, identity code or phone,
 * whichever the events carry, so raw and pseudonymised streams give the same counts.
 */
export class TaskFactsFold {
  /** `patientKey`: who the patient of an intake is; the live service passes a keyed pseudonym. */
  constructor(private readonly patientKey: PatientKeyOfIntake = patientIdentity) {}

  readonly tasks = new Map<string, TaskFacts>();
  private readonly patientOfTask = new Map<string, string>();
  private readonly lastNoUnitDecisionMs = new Map<string, number>();
  /** Derived from `patientOfTask`, so the snapshot does not carry it twice. */
  private readonly tasksOfPatient = new Map<string, string[]>();

  /** The fold's whole state as plain JSON, for snapshots. */
  saveState(): unknown {
    return { tasks: [...this.tasks], patientOfTask: [...this.patientOfTask], lastNoUnitDecisionMs: [...this.lastNoUnitDecisionMs] };
  }

  static fromState(saved: unknown, patientKey?: PatientKeyOfIntake): TaskFactsFold {
    const state = saved as { tasks: [string, TaskFacts][]; patientOfTask: [string, string][]; lastNoUnitDecisionMs: [string, number][] };
    const fold = new TaskFactsFold(patientKey);
    for (const [key, value] of state.tasks) fold.tasks.set(key, value);
    for (const [key, value] of state.patientOfTask) fold.rememberPatient(key, value);
    for (const [key, value] of state.lastNoUnitDecisionMs) fold.lastNoUnitDecisionMs.set(key, value);
    return fold;
  }

  /** Tasks received in [fromMs, toMs). */
  receivedBetween(fromMs: number, toMs: number): TaskFacts[] {
    const tasks: TaskFacts[] = [];
    for (const task of this.tasks.values()) if (task.receivedAtMs >= fromMs && task.receivedAtMs < toMs) tasks.push(task);
    return tasks;
  }

  /** The patient's other tasks, newest first: what the nurse sees as earlier contacts. */
  otherTasksOfPatient(taskId: string): TaskFacts[] {
    const patient = this.patientOfTask.get(taskId);
    if (patient === undefined) return [];
    const others: TaskFacts[] = [];
    for (const other of this.tasksOfPatient.get(patient) ?? []) {
      const facts = other === taskId ? undefined : this.tasks.get(other);
      if (facts) others.push(facts);
    }
    return others.sort((a, b) => b.receivedAtMs - a.receivedAtMs);
  }

  apply(event: FoldEvent): void {
    const taskId = taskIdOf(event);
    if (taskId === undefined) return;
    if (event.type === 'DTaskReceived') return this.received(taskId, event);
    const facts = this.tasks.get(taskId);
    if (!facts) return;
    const data = event.data;
    switch (event.type) {
      case 'DTaskCancelled':
        facts.cancelled = true;
        break;
      case 'DTaskClaimed':
        if (!facts.decision) facts.nurse = String(data.nurseId ?? event.metadata.actor?.id);
        break;
      case 'CallbackAttempted':
      case 'FollowUpCompleted':
        if (data.outcome === 'reached' && facts.firstContactMs === undefined) facts.firstContactMs = timeOf(event);
        break;
      case 'UrgencyEscalated':
        facts.escalated = true;
        break;
      case 'UnitRequested':
        facts.unitRequested = true;
        if (data.reason === 'unreachable' || data.reason === 'waiting-limit') facts.autoDispatch ??= data.reason;
        this.decided(facts, event, 'send-unit', timeOf(event));
        this.forgetNoUnitDecision(taskId, timeOf(event));
        break;
      case 'PhoneAdviceGiven':
        this.decided(facts, event, 'phone-advice', timeOf(event));
        this.rememberNoUnitDecision(taskId, timeOf(event));
        break;
      case 'RedirectRequested':
        this.decided(facts, event, 'redirect', timeOf(event));
        facts.redirectKind = String(data.targetKind);
        this.rememberNoUnitDecision(taskId, timeOf(event));
        break;
      case 'HandoffDeclined':
        facts.declinedHandoffs += 1;
        break;
      case 'WaitingLimitReached':
        if (data.level === 'alert') facts.s2Alert = true;
        break;
      case 'OverrideGranted':
        facts.overrides += 1;
        break;
      case 'DTaskClosed':
        facts.closedOutcome = String(data.outcome);
        break;
    }
  }

  private received(taskId: string, event: FoldEvent): void {
    const data = event.data;
    const receivedAtMs = Date.parse(String(data.receivedAt));
    const patient = this.patientKey(data);
    const previous = patient === undefined ? undefined : this.lastNoUnitDecisionMs.get(patient);
    const sinceHours = previous === undefined ? Number.POSITIVE_INFINITY : (receivedAtMs - previous) / HOUR_MS;
    this.tasks.set(taskId, {
      taskId,
      receivedAtMs,
      area: String(data.area ?? 'unknown'),
      municipality: String(data.municipality ?? 'unknown'),
      taskCode: String(data.taskCode ?? 'unknown'),
      hour: helsinkiHour(receivedAtMs),
      cancelled: false,
      unitRequested: false,
      escalated: false,
      secondContactWithin24h: sinceHours >= 0 && sinceHours <= 24,
      secondContactWithin72h: sinceHours >= 0 && sinceHours <= 72,
      s2Alert: false,
      declinedHandoffs: 0,
      overrides: 0,
    });
    if (patient !== undefined) this.rememberPatient(taskId, patient);
  }

  private rememberPatient(taskId: string, patient: string): void {
    this.patientOfTask.set(taskId, patient);
    const tasks = this.tasksOfPatient.get(patient);
    if (!tasks) this.tasksOfPatient.set(patient, [taskId]);
    else if (!tasks.includes(taskId)) tasks.push(taskId);
  }

  private decided(facts: TaskFacts, event: FoldEvent, kind: DecisionKind, at: number): void {
    facts.decision = kind;
    facts.decidedAtMs = at;
    if (event.metadata.actor?.role === 'nurse' || event.metadata.actor?.role === 'supervisor') facts.nurse = event.metadata.actor.id;
  }

  private rememberNoUnitDecision(taskId: string, at: number): void {
    const patient = this.patientOfTask.get(taskId);
    if (patient !== undefined) this.lastNoUnitDecisionMs.set(patient, at);
  }

  /** A unit sent after advice (e.g. unreachable on follow-up) makes it no longer a no-unit decision. */
  private forgetNoUnitDecision(taskId: string, at: number): void {
    const patient = this.patientOfTask.get(taskId);
    const facts = this.tasks.get(taskId);
    if (patient === undefined || !facts?.decidedAtMs) return;
    const last = this.lastNoUnitDecisionMs.get(patient);
    if (last !== undefined && last <= at && last >= facts.receivedAtMs) this.lastNoUnitDecisionMs.delete(patient);
  }
}

/** Parsed only where a fold needs the time: most events do not. */
const timeOf = (event: FoldEvent) => Date.parse(event.metadata.occurredAt);

/** The patient behind a task: pseudonym, identity code or phone, whichever the event carries. */
export function patientIdentity(data: Record<string, unknown>): string | undefined {
  const patient = (data.patient ?? {}) as Record<string, unknown>;
  if (typeof patient.ref === 'string') return `ref:${patient.ref}`;
  if (typeof patient.personId === 'string') return `pid:${patient.personId}`;
  if (typeof data.callbackPhone === 'string') return `tel:${data.callbackPhone.replace(/[^0-9+]/g, '')}`;
  return undefined;
}
