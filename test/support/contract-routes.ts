/** Every route of contract.md with the roles that may call it, as the acceptance checks read it. */
export interface ContractRoute {
  method: 'get' | 'post';
  /** `:id` stands for a task id. */
  path: string;
  roles: string[];
  /** Has a JSON body that is validated. */
  body: boolean;
}

const NURSE = ['nurse', 'supervisor'];

export const CONTRACT_ROUTES: ContractRoute[] = [
  { method: 'post', path: '/api/d-tasks', roles: ['erc'], body: true },
  { method: 'post', path: '/api/d-tasks/:id/cancel', roles: ['erc'], body: true },
  { method: 'post', path: '/api/d-tasks/:id/claim', roles: NURSE, body: false },
  { method: 'post', path: '/api/d-tasks/:id/release', roles: NURSE, body: false },
  { method: 'post', path: '/api/d-tasks/:id/callbacks', roles: NURSE, body: true },
  { method: 'post', path: '/api/d-tasks/:id/assessment', roles: NURSE, body: true },
  { method: 'post', path: '/api/d-tasks/:id/escalation', roles: NURSE, body: true },
  { method: 'post', path: '/api/d-tasks/:id/decision', roles: NURSE, body: true },
  { method: 'post', path: '/api/d-tasks/:id/follow-up', roles: NURSE, body: true },
  { method: 'post', path: '/api/d-tasks/:id/close', roles: NURSE, body: true },
  { method: 'post', path: '/api/d-tasks/:id/mission', roles: ['erc', 'supervisor'], body: true },
  { method: 'post', path: '/api/d-tasks/:id/handoff/accept', roles: ['partner'], body: false },
  { method: 'post', path: '/api/d-tasks/:id/handoff/decline', roles: ['partner'], body: true },
  { method: 'post', path: '/api/d-tasks/:id/override', roles: ['supervisor'], body: true },
  { method: 'get', path: '/api/d-tasks', roles: NURSE, body: false },
  { method: 'get', path: '/api/d-tasks/:id', roles: NURSE, body: false },
  { method: 'get', path: '/api/services', roles: ['erc', 'nurse', 'supervisor', 'partner', 'analyst', 'admin'], body: false },
  { method: 'get', path: '/api/load', roles: ['nurse', 'supervisor', 'analyst'], body: false },
  { method: 'get', path: '/api/reports/load-reduction', roles: ['supervisor', 'analyst'], body: false },
  { method: 'get', path: '/api/reports/outcomes', roles: ['supervisor', 'analyst'], body: false },
  { method: 'get', path: '/api/events', roles: ['analyst'], body: false },
  { method: 'get', path: '/api/admin/config', roles: ['admin'], body: false },
  { method: 'get', path: '/api/handoffs', roles: ['partner'], body: false },
  { method: 'get', path: '/api/load/history', roles: ['supervisor', 'analyst'], body: false },
  { method: 'get', path: '/api/replay/load-reduction', roles: ['supervisor', 'analyst'], body: false },
  { method: 'get', path: '/api/replay/load?at=2026-11-22T10:00:00Z', roles: ['supervisor', 'analyst'], body: false },
  { method: 'get', path: '/api/replay/day?date=2026-11-22', roles: ['supervisor', 'analyst'], body: false },
  { method: 'get', path: '/api/replay/what-if?s1FailedAttempts=1', roles: ['supervisor', 'analyst'], body: false },
  { method: 'get', path: '/api/reports/charts', roles: ['supervisor', 'analyst'], body: false },
  { method: 'get', path: '/api/export/events.ndjson', roles: ['analyst'], body: false },
  { method: 'get', path: '/api/export/measures.csv', roles: ['supervisor', 'analyst'], body: false },
  { method: 'get', path: '/api/desk', roles: NURSE, body: false },
  { method: 'get', path: '/api/reports/span', roles: ['supervisor', 'analyst'], body: false },
  { method: 'get', path: '/metrics', roles: ['admin'], body: false },
  // v1.1: the world around the task
  { method: 'post', path: '/api/d-tasks/:id/erc-update', roles: ['erc'], body: true },
  { method: 'post', path: '/api/d-tasks/:id/recalls', roles: NURSE, body: true },
  { method: 'post', path: '/api/d-tasks/:id/recalls/follow-up', roles: NURSE, body: true },
  // v1.1: closed-loop handoffs and consults
  { method: 'post', path: '/api/d-tasks/:id/handoff/complete', roles: ['partner'], body: true },
  { method: 'post', path: '/api/d-tasks/:id/handoff/fail', roles: ['partner'], body: true },
  { method: 'post', path: '/api/d-tasks/:id/consult', roles: NURSE, body: true },
  // v1.1: the record of care and the access log
  { method: 'get', path: '/api/d-tasks/:id/record', roles: NURSE, body: false },
  { method: 'get', path: '/api/d-tasks/:id/record.fhir', roles: NURSE, body: false },
  { method: 'get', path: '/api/audit/personal-data-reads?taskId=:id', roles: ['admin'], body: false },
];

export const ALL_ROLES = ['erc', 'nurse', 'supervisor', 'partner', 'analyst', 'admin'];
