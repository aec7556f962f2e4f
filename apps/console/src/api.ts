import type { QueueItemView } from '@dtask/events';

/** The console talks only HTTP and socket.io; this is the HTTP half. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: { error?: string; reason?: string; issues?: { path: string; message: string }[] },
  ) {
    super(body.reason ?? body.issues?.map((issue) => `${issue.path}: ${issue.message}`).join('; ') ?? `HTTP ${status}`);
  }
}

export interface Session {
  token: string;
  sub: string;
  role: 'nurse' | 'supervisor' | 'partner' | 'analyst' | 'erc' | 'admin';
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

export async function api<T>(session: Session | undefined, method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
  const response = await fetch(path, {
    method,
    headers: {
      ...(session ? { authorization: `Bearer ${session.token}` } : {}),
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const payload = await response.json().catch(() => ({}));
  if (response.status === 401 && session) sessionEnded();
  if (!response.ok) throw new ApiError(response.status, payload);
  return payload as T;
}

export type QueueItem = QueueItemView;

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
}

/** `GET /api/desk`: the console's opening picture and the `$all` position it was read at. */
export interface DeskState {
  position: string | null;
  at: string;
  queue: QueueItem[];
  claimed: QueueItem[];
  /** When the next booked follow-up call falls due (it enters the queue then, with no event). */
  nextFollowUpDueAt: string | null;
  load?: Load;
  limits: { s1FailedAttempts: number; s1MinutesAfterFirstFailure: number; s2AlertMinutes: number; s2DispatchMinutes: number; followUpFailedAttempts: number };
}

export interface Load {
  queueLength: number;
  oldestWaitSeconds: number;
  nursesActive: number;
  claimed: number;
  awaitingHandoff: number;
  alerts: { s2WaitingLimit: string[]; s6HandoffReturned: string[]; secondContacts: string[]; overridesToday: number };
  decisionMixToday: { unitRequested: number; phoneAdvice: number; redirect: Record<string, number>; escalated: number; autoDispatch: { unreachable: number; waitingLimit: number } };
  loadReduction: Record<'today' | 'yearToDate', { tasks: number; resolvedWithoutUnit: number; resolvedWithoutUnitShare: number; unitHoursAvoided: number; assumedMissionMinutes: number; yearlyRate: number; referencePerYear: number }>;
}

/** Fetches a file with the bearer token and hands it to the browser as a download. */
export async function download(session: Session, path: string, filename: string): Promise<void> {
  const response = await fetch(path, { headers: { authorization: `Bearer ${session.token}` } });
  if (!response.ok) throw new ApiError(response.status, await response.json().catch(() => ({})));
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.click();
  // The download has started from the click; the URL only needs to outlive it briefly.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** `GET /api/reports/charts`. */
export interface ChartData {
  from: string;
  to: string;
  referencePerYear: number;
  monthly: {
    month: string;
    tasks: number;
    unitRequested: number;
    phoneAdvice: number;
    redirect: number;
    redirectByKind: Record<string, number>;
    escalated: number;
    autoDispatch: number;
    resolvedWithoutUnit: number;
    cumulativeResolvedWithoutUnit: number;
    referenceCumulative: number;
    secondContactRate24h: number;
    secondContactRate72h: number;
  }[];
  timeToContact: {
    buckets: { fromMinutes: number; toMinutes: number | null; count: number }[];
    count: number;
    medianSeconds: number | null;
    p90Seconds: number | null;
  };
}

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
