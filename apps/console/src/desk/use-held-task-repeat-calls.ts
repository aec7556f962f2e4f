import { useEffect, useRef } from 'react';
import type { QueueItem } from '../api';
import type { LiveEvent } from '../live';
import { DTASK_STREAM_PREFIX } from '../../../../libs/events/src/vocabulary-values';
import { LIVE_TASK_EVENT, repeatCallOf, useRepeatCallNotices } from './repeat-call-notices';

/**
 * Repeat calls on the tasks the nurse holds (in "my tasks") or has open in her panel, as they
 * arrive on the live channel: each becomes a notice of its own task.
 */
export function useHeldTaskRepeatCalls(nurseId: string, taskEvents: EventTarget, mine: QueueItem[], selected: string | undefined) {
  const notices = useRepeatCallNotices(nurseId);
  const held = useRef(new Set<string>());
  held.current = new Set([...mine.map((task) => task.taskId), ...(selected ? [selected] : [])]);
  const { heard } = notices;
  useEffect(() => {
    const listener = (event: Event) => {
      const live = (event as CustomEvent<LiveEvent>).detail;
      const taskId = live.streamId.slice(DTASK_STREAM_PREFIX.length);
      if (!held.current.has(taskId)) return;
      const notice = repeatCallOf(live, taskId);
      if (notice) heard(notice);
    };
    taskEvents.addEventListener(LIVE_TASK_EVENT, listener);
    return () => taskEvents.removeEventListener(LIVE_TASK_EVENT, listener);
  }, [taskEvents, heard]);
  return notices;
}
