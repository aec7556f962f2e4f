import type { TaskDetail } from '../api';

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
