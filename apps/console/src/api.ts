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
