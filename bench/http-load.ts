import { Pool } from 'undici';

/** The HTTP benches' load: 32 nurses at once, 3 s of the same work first (the JIT), then 8 s counted. */
export const HTTP_LOAD = { workers: 32, warmUpSeconds: 3, runSeconds: 8 } as const;

/** One request's latency and answer; POSTs are commands, the queue GET a read. */
export interface Sample {
  ms: number;
  status: number;
  command: boolean;
}

/**
 * A JSON request through undici's pool, which costs the load generator about half the CPU per
 * request of node:http's client: CPU the service, on the same two cores, would otherwise lose.
 * `position` is sent as `X-Event-Position` (read your writes); the answer's is returned.
 */
export async function sendJson(pool: Pool, method: 'GET' | 'POST', path: string, token: string | undefined, body?: unknown, position?: string) {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  const headers: Record<string, string> = {
    ...(token ? { authorization: `Bearer ${token}` } : {}),
    ...(payload ? { 'content-type': 'application/json' } : {}),
    ...(position ? { 'x-event-position': position } : {}),
  };
  const response = await pool.request({ method, path, headers, body: payload });
  const text = await response.body.text();
  const answered = response.headers['x-event-position'];
  return { status: response.statusCode, body: JSON.parse(text || 'null') as { taskId: string }, position: typeof answered === 'string' ? answered : undefined };
}

/** A dev token (the service runs in dev mode on loopback). */
export async function devToken(pool: Pool, sub: string, role: string): Promise<string> {
  return ((await sendJson(pool, 'POST', '/api/auth/dev-token', undefined, { sub, role })).body as unknown as { token: string }).token;
}

/** Answers other than 2xx, by status. */
export function notOkByStatus(samples: Sample[]): Record<number, number> {
  const counts: Record<number, number> = {};
  for (const { status } of samples) if (status >= 300) counts[status] = (counts[status] ?? 0) + 1;
  return counts;
}

/** The ERC's intake of a worker's `n`th task: a new ERC id each time, patients repeating now and then (S4). */
export function benchIntake(worker: number, n: number) {
  return {
    ercTaskId: `bench-${process.pid}-${worker}-${n}-${Date.now()}`,
    receivedAt: new Date().toISOString(),
    taskCode: ['745', '703', '762', '781'][n % 4],
    urgency: 'D',
    municipality: ['Oulu', 'Kempele', 'Raahe', 'Kuusamo'][worker % 4],
    address: 'Isokatu 1',
    patient: { ageYears: 60 + (n % 35), personId: `${String((worker % 28) + 1).padStart(2, '0')}0150-${String(n % 1000).padStart(3, '0')}A` },
    callbackPhone: '+358401234567',
  };
}
