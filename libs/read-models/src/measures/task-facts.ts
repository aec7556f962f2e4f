import { FoldEvent, taskIdOf } from '../fold-event';
import { instantMs, occurredAtMs } from '../instant';
import { PatientIndex } from '../privacy/patient-index';
import { foldRecall } from './recall-facts';
import { DecisionKind, newTaskFacts, TaskFacts } from './task-facts-shape';

export { newTaskFacts } from './task-facts-shape';
export type { DecisionKind, TaskFacts } from './task-facts-shape';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

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

  /** How many other tasks the patient had in the 7 and 30 days before `nowMs`: the patient header's counts. */
  contactsOfPatient(taskId: string, nowMs: number): { last7Days: number; last30Days: number } {
    const since = (days: number) => this.otherTasksOfPatient(taskId).filter((other) => other.receivedAtMs <= nowMs && other.receivedAtMs > nowMs - days * DAY_MS).length;
    return { last7Days: since(7), last30Days: since(30) };
  }

  apply(event: FoldEvent): void {
    const taskId = taskIdOf(event);
    if (taskId === undefined) return;
    if (this.feedsPatients) this.patients.apply(event);
    if (event.type === 'DTaskReceived') return this.received(taskId, event);
    const facts = this.tasks.get(taskId);
    if (!facts) return;
    const data = event.data;
    foldRecall(facts, event);
    switch (event.type) {
      case 'DTaskCancelled':
        facts.cancelled = true;
        break;
      case 'DTaskClaimed':
        if (!facts.decision) facts.nurse = String(data.nurseId ?? event.metadata.actor?.id);
        break;
      case 'AssessmentRecorded':
        if (typeof data.interpreter === 'boolean') facts.interpreter = data.interpreter;
        break;
      case 'ConsultRecorded':
        facts.consults += 1;
        facts.firstConsultMs ??= occurredAtMs(event);
        break;
      case 'CallbackAttempted':
      case 'FollowUpCompleted':
        if (data.outcome === 'reached' && facts.firstContactMs === undefined) facts.firstContactMs = occurredAtMs(event);
        break;
      case 'UrgencyEscalated':
        facts.escalated = true;
        break;
      case 'UnitRequested':
        facts.unitRequested = true;
        if (data.reason === 'unreachable' || data.reason === 'waiting-limit') facts.autoDispatch ??= data.reason;
        if (data.reason === 'nurse-decision') facts.nurseUnit = true;
        this.decided(facts, event, 'send-unit', occurredAtMs(event));
        break;
      case 'UnitAttachedByField':
        // The field commander's, not a nurse's: the task keeps the nurse it had.
        facts.unitRequested = true;
        facts.fieldCommanderUnit = true;
        facts.decision = 'send-unit';
        facts.decidedAtMs = occurredAtMs(event);
        break;
      case 'PhoneAdviceGiven':
        this.decided(facts, event, 'phone-advice', occurredAtMs(event));
        disposed(facts, data);
        break;
      case 'RedirectRequested':
        this.decided(facts, event, 'redirect', occurredAtMs(event));
        facts.redirectKind = String(data.targetKind);
        disposed(facts, data);
        break;
      case 'HandoffDeclined':
        facts.declinedHandoffs += 1;
        break;
      case 'HandoffCompleted':
        facts.visitCompleted = true;
        break;
      case 'HandoffFailed':
      case 'HandoffVisitOverdue':
        facts.failedVisits += 1;
        break;
      case 'WaitingLimitReached':
        if (data.level === 'alert') facts.s2Alert = true;
        break;
      case 'OverrideGranted':
        facts.overridesAtMs = facts.overridesAtMs.concat(occurredAtMs(event));
        break;
      case 'ErcUpdateReceived':
        if (data.kind === 'repeat-call' && facts.closedOutcome === undefined) facts.repeatCalls += 1;
        break;
      case 'MissionUpdated':
        if (data.stage === 'unit-assigned') facts.unitAssignedMs ??= occurredAtMs(event);
        if (data.stage !== 'completed') break;
        if (typeof data.conveyed === 'boolean' || data.xCode !== undefined) facts.conveyed = data.conveyed === true;
        // Unit time measured: from the first unit assigned; a mission reported only at its end tells none.
        if (facts.unitAssignedMs !== undefined && facts.unitMinutes === undefined) facts.unitMinutes = (occurredAtMs(event) - facts.unitAssignedMs) / 60_000;
        break;
      case 'DTaskClosed':
        facts.closedOutcome = String(data.outcome);
        break;
    }
  }

  private received(taskId: string, event: FoldEvent): void {
    const data = event.data;
    const receivedAtMs = instantMs(String(data.receivedAt));
    // The index takes the intake in, not its decisions: what it holds are the decisions before this task.
    const contacts = this.patients.contactsAtIntake(taskId, data);
    const hoursSince = (iso: string | undefined) => (iso === undefined ? Number.POSITIVE_INFINITY : (receivedAtMs - instantMs(iso)) / HOUR_MS);
    const sinceHours = hoursSince(contacts?.noUnit?.previousDecidedAt);
    const sinceDecision = hoursSince(contacts?.lastDecision?.at);
    const within = (hours: number, limit: number) => hours >= 0 && hours <= limit;
    const facts = newTaskFacts(taskId, receivedAtMs, {
      area: String(data.area ?? 'unknown'),
      municipality: String(data.municipality ?? 'unknown'),
      taskCode: String(data.taskCode ?? 'unknown'),
    });
    facts.secondContactWithin24h = within(sinceHours, 24);
    facts.secondContactWithin72h = within(sinceHours, 72);
    facts.recontactWithin24h = within(sinceDecision, 24);
    facts.recontactWithin72h = within(sinceDecision, 72);
    this.tasks.set(taskId, facts);
  }

  private decided(facts: TaskFacts, event: FoldEvent, kind: DecisionKind, at: number): void {
    facts.decision = kind;
    facts.decidedAtMs = at;
    if (event.metadata.actor?.role === 'nurse' || event.metadata.actor?.role === 'supervisor') facts.nurse = event.metadata.actor.id;
  }
}

/** A no-unit decision's disposition: a later decision replaces the earlier one's, told or not. */
function disposed(facts: TaskFacts, data: Record<string, unknown>): void {
  facts.careLevel = typeof data.careLevel === 'string' ? data.careLevel : undefined;
  facts.within = typeof data.within === 'string' ? data.within : undefined;
}
