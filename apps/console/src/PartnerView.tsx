import { useCallback, useEffect, useState } from 'react';
import { api, Session } from './api';
import { useT } from './i18n';

interface Handoff {
  taskId: string;
  area: string;
  municipality: string;
  ageYears?: number;
  deadline: string;
}

/** A receiving service answers the handoffs addressed to it, before the S6 limit returns them to the queue. */
export function PartnerView({ session, changes }: { session: Session; changes: number }) {
  const t = useT();
  const [handoffs, setHandoffs] = useState<Handoff[]>([]);
  const [error, setError] = useState<string>();
  const refresh = useCallback(async () => setHandoffs((await api<{ handoffs: Handoff[] }>(session, 'GET', '/api/handoffs')).handoffs), [session]);
  useEffect(() => {
    refresh().catch((caught: Error) => setError(caught.message));
  }, [refresh, changes]);

  async function answer(taskId: string, accept: boolean) {
    try {
      if (accept) await api(session, 'POST', `/api/d-tasks/${taskId}/handoff/accept`, {});
      else await api(session, 'POST', `/api/d-tasks/${taskId}/handoff/decline`, { reason: window.prompt(t('reason')) || t('decline') });
      await refresh();
    } catch (caught) {
      setError((caught as Error).message);
    }
  }

  return (
    <section className="card">
      <h2>{t('handoffs')}</h2>
      {error && <p role="alert">{error}</p>}
      <ul>
        {handoffs.map((handoff) => (
          <li key={handoff.taskId}>
            {handoff.municipality} · {t('age')} {handoff.ageYears ?? '–'} · {new Date(handoff.deadline).toLocaleTimeString()}{' '}
            <button onClick={() => void answer(handoff.taskId, true)}>{t('accept')}</button>
            <button onClick={() => void answer(handoff.taskId, false)}>{t('decline')}</button>
          </li>
        ))}
      </ul>
    </section>
  );
}
