import { helsinkiHour } from '../helsinki-time';
import { RecallFacts } from './recall-facts';

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
  /** Within 24 h / 72 h of our own no-unit decision for the same patient (the safety measure). */
  secondContactWithin24h: boolean;
  secondContactWithin72h: boolean;
  /** Within 24 h / 72 h of any decision for the same patient, or of a mission that left them at home. */
  recontactWithin24h: boolean;
  recontactWithin72h: boolean;
  s2Alert: boolean;
  declinedHandoffs: number;
  /** When a supervisor lifted a rule for it (S4), oldest first: the wall counts those granted today. */
  overridesAtMs: readonly number[];
  /** The ERC's repeat calls while the task was open. */
  repeatCalls: number;
  /** The EMS field commander put a unit on it: a unit, never resolved without one. */
  fieldCommanderUnit: boolean;
  recalls: RecallFacts[];
  /** The completed mission conveyed the patient; undefined: no mission completed, or not told. */
  conveyed?: boolean;
  /** v1.1: when the first unit was assigned, and minutes from then to the mission's completion. */
  unitAssignedMs?: number;
  unitMinutes?: number;
  /** A nurse's own send-unit decision (not S1's, S2's, an escalation's nor the field commander's): over-triage counts these. */
  nurseUnit: boolean;
  /** The no-unit decision's care level and timeframe (ISO 8601), as the last advice or redirect told them. */
  careLevel?: string;
  within?: string;
  /** Consults recorded, and when the first was. */
  consults: number;
  firstConsultMs?: number;
  /** The last assessment that told said an interpreter was used. */
  interpreter: boolean;
  /** The receiving service reported the visit done: only then is a redirect resolved. */
  visitCompleted: boolean;
  /** Visits reported failed, or not reported by the visit limit: each sent the task back to the queue. */
  failedVisits: number;
}

/** Shared by every task with none: a list of its own would be one more object for every task of a year. */
const NONE: readonly number[] = Object.freeze([]);

/**
 * A task just received, where it was and nothing else yet: the fold's start, and the specs'. Every
 * field is there from the start, unknown ones undefined, so all tasks share one object shape: a
 * field added later gave each task a hidden class of its own (a year's worth of them in memory).
 */
export function newTaskFacts(taskId: string, receivedAtMs: number, where: Pick<TaskFacts, 'area' | 'municipality' | 'taskCode'>): TaskFacts {
  return {
    taskId,
    receivedAtMs,
    area: where.area,
    municipality: where.municipality,
    taskCode: where.taskCode,
    hour: helsinkiHour(receivedAtMs),
    nurse: undefined,
    cancelled: false,
    unitRequested: false,
    autoDispatch: undefined,
    escalated: false,
    decision: undefined,
    redirectKind: undefined,
    closedOutcome: undefined,
    firstContactMs: undefined,
    decidedAtMs: undefined,
    secondContactWithin24h: false,
    secondContactWithin72h: false,
    recontactWithin24h: false,
    recontactWithin72h: false,
    s2Alert: false,
    declinedHandoffs: 0,
    overridesAtMs: NONE,
    repeatCalls: 0,
    fieldCommanderUnit: false,
    recalls: [],
    conveyed: undefined,
    unitAssignedMs: undefined,
    unitMinutes: undefined,
    nurseUnit: false,
    careLevel: undefined,
    within: undefined,
    consults: 0,
    firstConsultMs: undefined,
    interpreter: false,
    visitCompleted: false,
    failedVisits: 0,
  };
}
