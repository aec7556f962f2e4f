import { useCallback, useState } from 'react';

/** The ERC told of a repeat call: the patient (or someone for them) called 112 again while the task waits. */
export interface RepeatCallNotice {
  taskId: string;
  /** When the ERC's update was recorded. */
  at: string;
  notes?: string;
  /** The how-manyth repeat call this is, when known. */
  count?: number;
}

const storageKey = (nurseId: string) => `dtask-repeat-calls-acknowledged:${nurseId}`;

function acknowledgedOf(nurseId: string): Record<string, string> {
  try {
    const saved = JSON.parse(localStorage.getItem(storageKey(nurseId)) ?? '{}') as unknown;
    return saved && typeof saved === 'object' ? (saved as Record<string, string>) : {};
  } catch {
    return {};
  }
}

/**
 * The repeat-call notices of the tasks a nurse holds or has open, each one its task's own. A notice
 * never goes by itself: only the nurse's acknowledgement ends it, and the acknowledgement (the time
 * of the repeat call it answered) is kept in the browser, so a reload does not bring back one she
 * has seen, while a later repeat call on the same task is a new notice.
 */
export function useRepeatCallNotices(nurseId: string) {
  const [notices, setNotices] = useState<ReadonlyMap<string, RepeatCallNotice>>(new Map());

  const heard = useCallback(
    (notice: RepeatCallNotice) => {
      const acknowledged = acknowledgedOf(nurseId)[notice.taskId];
      if (acknowledged && acknowledged >= notice.at) return;
      setNotices((current) => {
        const known = current.get(notice.taskId);
        if (known && known.at >= notice.at) return current;
        return new Map(current).set(notice.taskId, { ...known, ...notice, notes: notice.notes ?? known?.notes });
      });
    },
    [nurseId],
  );

  const acknowledge = useCallback(
    (taskId: string) => {
      setNotices((current) => {
        const notice = current.get(taskId);
        if (!notice) return current;
        const acknowledged = acknowledgedOf(nurseId);
        acknowledged[taskId] = notice.at;
        localStorage.setItem(storageKey(nurseId), JSON.stringify(acknowledged));
        const next = new Map(current);
        next.delete(taskId);
        return next;
      });
    },
    [nurseId],
  );

  return { notices, heard, acknowledge };
}

export type RepeatCallNotices = ReturnType<typeof useRepeatCallNotices>;

/** The name under which the desk hands every live task event on, with the event as `detail`. */
export const LIVE_TASK_EVENT = 'live-task-event';

/** A live event that is a repeat call on a task, as a notice (the live channel carries its kind and notes, no personal data). */
export function repeatCallOf(event: { type: string; streamId: string; data: Record<string, unknown>; metadata: { occurredAt: string } }, taskId: string): RepeatCallNotice | undefined {
  if (event.type !== 'ErcUpdateReceived' || event.data.kind !== 'repeat-call') return undefined;
  return { taskId, at: event.metadata.occurredAt, ...(typeof event.data.notes === 'string' && event.data.notes ? { notes: event.data.notes } : {}) };
}
