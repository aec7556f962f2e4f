import type { TaskDetail } from '../api';
import { helsinkiDateTime } from '../format';
import { useLanguage, useT } from '../i18n';
import { taskCodeText } from '../words';

/** The same patient's other open task (`duplicate-open`): both tasks name each other, and each opens the other. */
export function LinkedTasks({ task, onOpenTask }: { task: TaskDetail; onOpenTask: (taskId: string) => void }) {
  const t = useT();
  const language = useLanguage();
  if (task.linkedTasks.length === 0) return null;
  return (
    <section className="linked-tasks notice" data-testid="linked-tasks">
      <p>
        <strong>⚠ {t(task.linkedTasks.length === 1 ? 'linkedTaskOne' : 'linkedTaskMany')}</strong>
      </p>
      <ul>
        {task.linkedTasks.map((taskId) => {
          const contact = task.patientContacts.find((other) => other.taskId === taskId);
          return (
            <li key={taskId}>
              <button onClick={() => onOpenTask(taskId)} data-linked-task={taskId}>
                {t('openLinkedTask')}
                {contact ? `: ${contact.taskCode} ${taskCodeText(t, contact.taskCode)} · ${t('linkedTaskReceivedAt', { time: helsinkiDateTime(contact.receivedAt, language) })}` : ''}
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
