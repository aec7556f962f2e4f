import type { HistoryEvent, TaskDetail } from '../api';

/** The kind of service the task's latest redirect went to (`helpline`, `home-care`, …), once the directory has answered. */
export function targetKind(task: TaskDetail, services?: readonly { id: string; kind?: string }[]): string | undefined {
  const target = task.history.filter((event) => event.type === 'RedirectRequested').at(-1)?.data.target;
  return services?.find((service) => service.id === target)?.kind;
}

/**
 * The panel's title: the task's stage in words. The stage after a service accepted a redirect is
 * worded by what that service does: the helpline 116117 calls the patient, home care visits.
 */
export function stageKey(task: TaskDetail, services?: readonly { id: string; kind?: string }[]): string {
  if (task.status !== 'awaiting-visit') return `status.${task.status}`;
  return targetKind(task, services) === 'helpline' ? 'status.awaiting-visit.helpline' : 'status.awaiting-visit';
}

/** The panel's and the history's words of a visit that a helpline's call says otherwise: each has a `….helpline` twin (i18n/closed-loop.ts). */
const HELPLINE_WORDS = new Set([
  'event.HandoffCompleted', 'event.HandoffFailed', 'event.HandoffVisitOverdue', 'handoffCompletedAt', 'handoffFailedAt', 'handoffVisitOverdueAt',
]);

/** The key of a visit's words as the service's contact says them: the helpline 116117 calls. */
export const helplineKey = (key: string, helpline: boolean) => (helpline && HELPLINE_WORDS.has(key) ? `${key}.helpline` : key);

/** Whether an event is of a referral to the helpline (by its own `target`: an earlier redirect may have gone elsewhere). */
export function helplineEvents(services?: readonly { id: string; kind?: string }[]): (event: HistoryEvent) => boolean {
  const helplines = new Set(services?.filter((service) => service.kind === 'helpline').map((service) => service.id));
  return (event) => helplines.has(String(event.data.target));
}
