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
  role: 'nurse' | 'supervisor' | 'partner' | 'analyst';
  service?: string;
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
  if (!response.ok) throw new ApiError(response.status, payload);
  return payload as T;
}

export type QueueItem = QueueItemView;

export interface TaskDetail {
  taskId: string;
  status: string;
  urgency: string;
  flags: string[];
  owner: string | null;
  decision: string | null;
  followUp: { dueAt: string } | null;
  history: { position: string; type: string; data: Record<string, unknown>; metadata: { occurredAt: string; actor: { id: string; role: string } } }[];
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
