import { useCallback, useEffect, useState } from 'react';
import { api, QueueItem, Session } from './api';
import { waited } from './format';
import { useT } from './i18n';
import { TaskPanel } from './TaskPanel';

/** The live queue and the task in hand. Keys: j/k move, Enter claims, 1–4 record callback outcomes. */
export function NurseDesk({ session, changes }: { session: Session; changes: number }) {
  const t = useT();
  const [queue, setQueue] = useState<QueueItem[]>([]);
  const [mine, setMine] = useState<QueueItem[]>([]);
  const [selected, setSelected] = useState<string>();
  const [cursor, setCursor] = useState(0);
  const [now, setNow] = useState(Date.now());
  const [error, setError] = useState<string>();

  const refresh = useCallback(async () => {
    const [waiting, claimed] = await Promise.all([
      api<{ tasks: QueueItem[] }>(session, 'GET', '/api/d-tasks'),
      api<{ tasks: QueueItem[] }>(session, 'GET', '/api/d-tasks?status=claimed'),
    ]);
    setQueue(waiting.tasks);
    setMine(claimed.tasks.filter((task) => task.owner === session.sub));
  }, [session]);

  useEffect(() => {
    refresh().catch((caught: Error) => setError(caught.message));
  }, [refresh, changes]);

  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);

  async function claim(taskId: string) {
    try {
      await api(session, 'POST', `/api/d-tasks/${taskId}/claim`, {});
      setSelected(taskId);
      setError(undefined);
      await refresh();
    } catch (caught) {
      setError(t((caught as { body?: { reason?: string } }).body?.reason ?? 'error'));
    }
  }

  function onKey(event: React.KeyboardEvent) {
    if ((event.target as HTMLElement).closest('input, textarea, select')) return;
    if (event.key === 'j') setCursor((index) => Math.min(index + 1, queue.length - 1));
    if (event.key === 'k') setCursor((index) => Math.max(index - 1, 0));
    if (event.key === 'Enter' && queue[cursor]) void claim(queue[cursor]!.taskId);
  }

  return (
    <div className="desk" onKeyDown={onKey}>
      <section className="card queue" aria-label={t('queue')}>
        <h2>
          {t('queue')} <span data-testid="queue-length">{queue.length}</span>
        </h2>
        {error && <p role="alert">{error}</p>}
        {queue.length === 0 ? (
          <p>{t('noTasks')}</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th>{t('waiting')}</th>
                <th>{t('area')}</th>
                <th>{t('code')}</th>
                <th>{t('age')}</th>
                <th>{t('flags')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {queue.map((task, index) => (
                <tr key={task.taskId} className={index === cursor ? 'cursor' : undefined} data-task-id={task.taskId}>
                  <td className="timer">{waited(task.receivedAt, now)}</td>
                  <td>{task.area}</td>
                  <td>{task.taskCode}</td>
                  <td>{task.ageYears ?? '–'}</td>
                  <td>
                    {task.flags.map((flag) => (
                      <span key={flag} className={`flag flag-${flag}`}>
                        {flag}
                      </span>
                    ))}
                  </td>
                  <td>
                    <button onClick={() => void claim(task.taskId)}>{t('claim')}</button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {mine.length > 0 && (
          <ul className="mine">
            {mine.map((task) => (
              <li key={task.taskId}>
                <button onClick={() => setSelected(task.taskId)}>
                  {task.area} · {task.taskCode} · {waited(task.receivedAt, now)}
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="card task" aria-label={t('decision')}>
        {selected ? <TaskPanel session={session} taskId={selected} changes={changes} onDone={() => void refresh()} /> : <p>{t('select')}</p>}
      </section>
    </div>
  );
}
