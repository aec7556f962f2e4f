import { FoldEvent, taskIdOf } from '../fold-event';
import { helsinkiHour } from '../helsinki-time';
import { PatientIndex } from '../privacy/patient-index';

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

/**
 * A pure fold of `$all` into per-task facts. It owns its state and updates it in place, so a year
 * of history folds without copying. Patients are matched by the PatientIndex, so raw and
 * pseudonymised streams give the same counts.
 */
export class TaskFactsFold {
  readonly tasks = new Map<string, TaskFacts>();
  readonly patients: PatientIndex;
  /** A shared index is fed by its owner (the service's, a time travel's); the fold feeds its own. */
  private readonly feedsPatients: boolean;

  constructor(patients?: PatientIndex) {
    this.patients = patients ?? new PatientIndex();
    this.feedsPatients = patients === undefined;
  }

  /** The fold's state as plain JSON, for snapshots; a shared index is snapshotted by its owner. */
  saveState(): unknown {
    return { tasks: [...this.tasks], ...(this.feedsPatients ? { patients: this.patients.saveState() } : {}) };
  }

  static fromState(saved: unknown, patients?: PatientIndex): TaskFactsFold {
    const state = saved as { tasks: [string, TaskFacts][]; patients?: unknown };
    const fold = new TaskFactsFold(patients);
    for (const [key, value] of state.tasks) fold.tasks.set(key, value);
    if (fold.feedsPatients) fold.patients.loadState(state.patients);
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
    const patient = this.patients.patientOf(taskId);
    if (patient === undefined) return [];
    const others: TaskFacts[] = [];
    for (const other of this.patients.tasksOf(patient)) {
      const facts = other === taskId ? undefined : this.tasks.get(other);
      if (facts) others.push(facts);
    }
    return others.sort((a, b) => b.receivedAtMs - a.receivedAtMs);
  }

  apply(event: FoldEvent): void {
    const taskId = taskIdOf(event);
    if (taskId === undefined) return;
    if (this.feedsPatients) this.patients.apply(event);
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
        break;
      case 'PhoneAdviceGiven':
        this.decided(facts, event, 'phone-advice', timeOf(event));
        break;
      case 'RedirectRequested':
        this.decided(facts, event, 'redirect', timeOf(event));
        facts.redirectKind = String(data.targetKind);
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
    // The patient's decisions before this task: the index takes this intake in, not its decisions.
    const patient = this.patients.refOfIntake(data);
    const previous = patient === undefined ? undefined : this.patients.lastNoUnitDecisionOfPatient(patient);
    const sinceHours = previous === undefined ? Number.POSITIVE_INFINITY : (receivedAtMs - Date.parse(previous.previousDecidedAt)) / HOUR_MS;
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
  }

  private decided(facts: TaskFacts, event: FoldEvent, kind: DecisionKind, at: number): void {
    facts.decision = kind;
    facts.decidedAtMs = at;
    if (event.metadata.actor?.role === 'nurse' || event.metadata.actor?.role === 'supervisor') facts.nurse = event.metadata.actor.id;
  }
}

/** Parsed only where a fold needs the time: most events do not. */
const timeOf = (event: FoldEvent) => Date.parse(event.metadata.occurredAt);
