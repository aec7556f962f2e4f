import type { ChartsView, QueueItemView, StaffRole } from '@dtask/events';
import { answered, keyFor } from './command-keys';

/** The console talks only HTTP and socket.io; this is the HTTP half. */
/** What the service answers with a refusal (contract.md, "Errors"). */
export interface ApiErrorBody {
  error?: string;
  reason?: string;
  issues?: { path: string; message: string }[];
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ApiErrorBody,
  ) {
    super(body.reason ?? body.issues?.map((issue) => `${issue.path}: ${issue.message}`).join('; ') ?? `HTTP ${status}`);
  }
}

export interface Session {
  token: string;
  sub: string;
  role: StaffRole;
  service?: string;
}

/**
 * A 401 anywhere means the session is over: the console must say so and block, never show an
 * empty queue as if nothing were waiting. main.tsx registers what to do.
 */
let onUnauthorized: () => void = () => undefined;
export function whenUnauthorized(handler: () => void): void {
  onUnauthorized = handler;
}
export function sessionEnded(): void {
  onUnauthorized();
}

/** Task commands carry an Idempotency-Key (see command-keys.ts). */
const isTaskCommand = (method: string, path: string) => method === 'POST' && path.startsWith('/api/d-tasks');

/**
 * The greatest store position an answer named (`X-Event-Position`), sent with every read: behind a
 * load balancer the next read, on whichever instance, then holds this console's own writes and
 * never shows less than the one before.
 */
let seenPosition: string | undefined;
function notePosition(response: Response): void {
  const position = response.headers.get('x-event-position');
  if (position && /^\d{1,20}$/.test(position) && (seenPosition === undefined || BigInt(position) > BigInt(seenPosition))) seenPosition = position;
}

/** `headers`: more request headers, such as the record of care's `accept-language`. */
export async function api<T>(session: Session | undefined, method: 'GET' | 'POST', path: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
  const command = isTaskCommand(method, path);
  const response = await fetch(path, {
    method,
    headers: {
      ...headers,
      ...(session ? { authorization: `Bearer ${session.token}` } : {}),
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(command ? { 'idempotency-key': keyFor(path, body) } : {}),
      ...(method === 'GET' && seenPosition ? { 'x-event-position': seenPosition } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  notePosition(response);
  // A 5xx leaves the outcome unknown: the key stays for the next press of the same command.
  if (command && response.status < 500) answered(path, body);
  const payload: unknown = await response.json().catch(() => ({}));
  if (response.status === 401 && session) sessionEnded();
  if (!response.ok) throw new ApiError(response.status, payload as ApiErrorBody);
  return payload as T;
}

/** The recall that brought a decided task back to the queue (contract v1.1): its wait clock runs from `dueAt`. */
export interface QueueRecall {
  recallId: string;
  reason: RecallReason;
  dueAt: string;
}

/** `language`: the patient's language as the assessment told it (v1.1), so a Swedish speaker is marked in the queue. */
export type QueueItem = QueueItemView & { recall?: QueueRecall | null; language?: string | null };

export type RecallReason = 'follow-up' | 'waiting-for-unit' | 'nurse';
export type RecallCondition = 'same' | 'better' | 'worse';

/** One call back to the patient, as the task view lists them. */
export interface RecallView {
  recallId: string;
  reason: RecallReason;
  dueAt: string;
  attempts: number;
  failedAttempts: number;
  /** When a call reached the patient, and how they were. */
  completedAt: string | null;
  condition: RecallCondition | null;
  /** Why it is no longer due, when it is not: reached, or made needless by the unit, a decision or the closure. */
  done?: 'reached' | 'unit-on-scene' | 'unit-requested' | 'task-closed' | null;
}

export interface HistoryEvent {
  position: string;
  type: string;
  data: Record<string, unknown>;
  metadata: { occurredAt: string; actor: { id: string; role: string } };
}

/** `GET /api/d-tasks/{id}`: a logged read of the task's personal data. */
export interface TaskDetail {
  taskId: string;
  status: string;
  urgency: string;
  flags: string[];
  owner: string | null;
  claimedAt: string | null;
  failedAttempts: number;
  overrides: string[];
  decision: string | null;
  unitRequested: { reason: string; at: string } | null;
  followUp: { dueAt: string; failedAttempts: number } | null;
  closedOutcome: string | null;
  patientContacts: { taskId: string; receivedAt: string; taskCode: string; decision: string | null; unitRequested: boolean; closedOutcome: string | null }[];
  history: HistoryEvent[];
  // Contract v1.1: the world around the task.
  recalls: RecallView[];
  repeatCalls: { count: number; lastAt: string } | null;
  /** The same patient's other open tasks; each names the other. */
  linkedTasks: string[];
  identity: 'verified' | 'unverified' | null;
  unitAttachedByField: { unitId?: string; at: string } | null;
  /** As they stand now, after the ERC's updates (personal data, in the logged read only). */
  callbackPhone?: string | null;
  address?: string | null;
}

/**
 * A task detail as the console uses it: a server without the v1.1 fields is read as having none,
 * and a recall's reach and condition, where the view leaves them out, are read from its own history.
 */
export function withWorldDefaults(task: TaskDetail): TaskDetail {
  const reached = new Map(
    task.history
      .filter((event) => event.type === 'RecallCompleted' && event.data.outcome === 'reached')
      .map((event) => [String(event.data.recallId), { at: event.metadata.occurredAt, condition: (event.data.condition as RecallCondition | undefined) ?? null }]),
  );
  const recalls = (task.recalls ?? []).map((recall) => ({
    ...recall,
    completedAt: recall.completedAt ?? reached.get(recall.recallId)?.at ?? null,
    condition: recall.condition ?? reached.get(recall.recallId)?.condition ?? null,
  }));
  return { ...task, recalls, repeatCalls: task.repeatCalls ?? null, linkedTasks: task.linkedTasks ?? [], identity: task.identity ?? null, unitAttachedByField: task.unitAttachedByField ?? null };
}

/** A recall still to be made: neither reached nor made needless. */
export const isPendingRecall = (recall: RecallView) => !recall.completedAt && !recall.done;

/** `GET /api/desk`: the console's opening picture and the `$all` position it was read at. */
export interface DeskState {
  position: string | null;
  at: string;
  queue: QueueItem[];
  claimed: QueueItem[];
  /** When the next booked follow-up call falls due (it enters the queue then, with no event). */
  nextFollowUpDueAt: string | null;
  load?: Load;
  /** `handoffVisitHours`: a redirect's timeframe may be no longer than the visit limit. */
  limits: { s1FailedAttempts: number; s1MinutesAfterFirstFailure: number; s2AlertMinutes: number; s2DispatchMinutes: number; followUpFailedAttempts: number; handoffVisitHours: number };
}

export interface Load {
  queueLength: number;
  oldestWaitSeconds: number;
  nursesActive: number;
  claimed: number;
  awaitingHandoff: number;
  alerts: {
    s2WaitingLimit: string[];
    s6HandoffReturned: string[];
    secondContacts: string[];
    overridesToday: number;
    // Contract v1.1 (S8 and repeat calls); optional so an older server's snapshot still shows.
    s8RecallsFailed?: string[];
    s8UnitOverdue?: string[];
    repeatCalls?: string[];
  };
  decisionMixToday: { unitRequested: number; phoneAdvice: number; redirect: Record<string, number>; escalated: number; autoDispatch: { unreachable: number; waitingLimit: number } };
  loadReduction: Record<'today' | 'yearToDate', { tasks: number; resolvedWithoutUnit: number; resolvedWithoutUnitShare: number; unitHoursAvoided: number; assumedMissionMinutes: number; yearlyRate: number; referencePerYear: number }>;
}


/** `GET /api/reports/charts`. */
export type ChartData = ChartsView & { from: string; to: string };

/** `GET /api/replay/day`: the centre's figures at each step of a past day. */
export interface ReplayDay {
  date: string;
  steps: { at: string; queueLength: number; oldestWaitSeconds: number; claimed: number; awaitingHandoff: number; nursesActive: number; decisions: number }[];
}

/** `GET /api/replay/load`: the live load and the queue as they stood at one instant. */
export interface ReplayLoad {
  at: string;
  load: Load;
  queue: { tasks: QueueItem[] };
}
