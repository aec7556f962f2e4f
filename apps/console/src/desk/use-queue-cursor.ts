import { useEffect, useRef, useState } from 'react';
import type { QueueItem } from '../api';

/** Why the cursor's own task left the queue under it: another nurse took it, or it left otherwise (a unit, the ERC). */
export type CursorMoved = { taken: boolean; confirmed: boolean };

/**
 * The queue's cursor follows a task, not a row number. When its task leaves the queue (and not
 * because this nurse took it), the cursor moves to the row that took its place and says so, and
 * the next Enter claims nothing: an Enter meant for one patient never claims another. Once the
 * nurse has seen it (that Enter, or moving the cursor), keys work as before.
 */
export function useQueueCursor(queue: QueueItem[], claimed: { taskId: string; owner?: string }[], me: string) {
  const [cursorTask, setCursorTask] = useState<string>();
  const [moved, setMoved] = useState<CursorMoved>();
  const lastIndex = useRef(0);
  // Tasks this desk is claiming: they leave the queue before the desk lists them as hers.
  const claiming = useRef(new Set<string>());
  const cursorIndex = Math.max(0, queue.findIndex((task) => task.taskId === cursorTask));

  useEffect(() => {
    if (queue.length === 0) return;
    if (queue.some((task) => task.taskId === cursorTask)) {
      lastIndex.current = cursorIndex;
      return;
    }
    const holder = claimed.find((task) => task.taskId === cursorTask)?.owner;
    if (cursorTask !== undefined && holder !== me && !claiming.current.has(cursorTask)) setMoved({ taken: holder !== undefined, confirmed: false });
    setCursorTask(queue[Math.min(lastIndex.current, queue.length - 1)]!.taskId);
  }, [queue, claimed, me, cursorTask, cursorIndex]);

  return {
    cursorTask,
    cursorIndex,
    moved,
    move(step: number) {
      const next = queue[Math.min(Math.max(cursorIndex + step, 0), queue.length - 1)];
      setMoved(undefined);
      if (next) setCursorTask(next.taskId);
    },
    /** Called before this desk claims a task, so its leaving the queue is no news. */
    claiming(taskId: string) {
      claiming.current.add(taskId);
    },
    /** Enter on the queue: true when it may claim the cursor's task, false the first time after the cursor moved by itself. */
    enterClaims(): boolean {
      if (moved && !moved.confirmed) {
        setMoved({ ...moved, confirmed: true });
        return false;
      }
      setMoved(undefined);
      return true;
    },
  };
}
