import { useState } from 'react';
import { api, QueueItem, Session } from '../api';
import { useLanguage, useT } from '../i18n';
import { placeName } from '../i18n/place-names';
import { taskCodeText } from '../words';
import { whenText } from './when-text';

/** How many of the most recently received closed tasks the list shows. */
const SHOWN = 15;

/**
 * The tasks closed lately, read when the list is opened (no personal data in it), each with its day
 * when not today and how it ended: each opens in the panel, where a closed task offers its record of care.
 */
export function ClosedTasks({ session, selected, onSelect }: { session: Session; selected?: string; onSelect: (taskId: string) => void }) {
  const t = useT();
  const language = useLanguage();
  const [tasks, setTasks] = useState<QueueItem[]>();
  const read = () =>
    api<{ tasks: QueueItem[] }>(session, 'GET', '/api/d-tasks?status=closed').then(
      (answer) => setTasks([...answer.tasks].sort((a, b) => b.receivedAt.localeCompare(a.receivedAt)).slice(0, SHOWN)),
      () => setTasks([]),
    );
  return (
    <details className="closed-tasks" data-testid="closed-tasks" onToggle={(event) => (event.currentTarget as HTMLDetailsElement).open && void read()}>
      <summary>{t('closedTasks')}</summary>
      {tasks?.length === 0 && <p>{t('closedTasksNone')}</p>}
      {tasks && tasks.length > 0 && (
        <ul className="mine">
          {tasks.map((task) => (
            <li key={task.taskId}>
              <button onClick={() => onSelect(task.taskId)} aria-current={task.taskId === selected} data-closed-task={task.taskId}>
                {t('closedTaskEntry', {
                  code: `${task.taskCode} ${taskCodeText(t, task.taskCode)}`.trim(),
                  area: placeName(task.municipality, language),
                  age: task.ageYears === undefined ? t('unknownAge') : t('ageYears', { age: task.ageYears }),
                  time: whenText(task.receivedAt, Date.now(), language, t),
                  outcome: task.closedOutcome ? t(`outcome.${task.closedOutcome}`) : t('status.closed'),
                })}
              </button>
            </li>
          ))}
        </ul>
      )}
    </details>
  );
}
