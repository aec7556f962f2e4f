import { useEffect } from 'react';
import type { TaskDetail } from '../api';
import { consultsOf } from './consults';
import type { Drafts, UpdateDrafts } from './task-drafts';

/**
 * A consult just recorded on this task is the one its decision names, unless the nurse chooses
 * otherwise: the newest is preselected once. Only this task's own history is read, so a consult of
 * another task (the same patient's, another nurse's) is never offered.
 */
export function useNewestConsult(task: TaskDetail | undefined, drafts: Drafts, update: UpdateDrafts): void {
  const newest = task ? consultsOf(task.history).at(-1)?.consultId : undefined;
  useEffect(() => {
    if (newest && newest !== drafts.consultSeen) update({ consultId: newest, consultSeen: newest });
  }, [newest, drafts.consultSeen, update]);
}
