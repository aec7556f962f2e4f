import { useCallback, useEffect, useMemo, useState } from 'react';
import { api, Session, TaskDetail, withWorldDefaults } from '../api';
import { coalesce } from '../live';
import { receivedOf } from '../PatientHeader';
import { DTASK_STREAM_PREFIX } from '../../../../libs/events/src/vocabulary-values';
import { newOpeningId } from './opening-id';

/**
 * The task in the panel, read once per opening (one logged read of its personal data, however often
 * it refreshes) and again when an event of its own stream arrives, or of the same patient's other open
 * task it links (closed, it is no longer offered as open); and the services that serve the
 * patient's municipality, the only ones a redirect may go to (undefined until the directory answers).
 */
export function useTaskDetail(session: Session, taskId: string, taskEvents: EventTarget, onError: (caught: unknown) => void) {
  const [openingId] = useState(newOpeningId);
  const [task, setTask] = useState<TaskDetail>();
  const [services, setServices] = useState<{ id: string; name: string; nameSv?: string; kind?: string }[]>();

  const load = useCallback(async () => setTask(withWorldDefaults(await api<TaskDetail>(session, 'GET', `/api/d-tasks/${taskId}?opening=${openingId}`))), [session, taskId, openingId]);
  const refresh = useMemo(() => coalesce(load, 100), [load]);
  useEffect(() => {
    load().catch(onError);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [load]);
  const linked = (task?.linkedTasks ?? []).join(' ');
  useEffect(() => {
    const streams = [taskId, ...linked.split(' ').filter(Boolean)].map((id) => `${DTASK_STREAM_PREFIX}${id}`);
    streams.forEach((stream) => taskEvents.addEventListener(stream, refresh));
    return () => streams.forEach((stream) => taskEvents.removeEventListener(stream, refresh));
  }, [taskEvents, taskId, linked, refresh]);

  const municipality = task ? receivedOf(task).municipality : undefined;
  useEffect(() => {
    if (!municipality) return;
    api<{ services: { id: string; name: string; nameSv?: string; kind?: string }[] }>(session, 'GET', `/api/services?municipality=${encodeURIComponent(municipality)}`).then(
      (answer) => setServices(answer.services),
      () => undefined,
    );
  }, [session, municipality]);

  return { task, load, services, municipality };
}
