import type { TaskDetail } from '../api';
import { helsinkiDateTime } from '../format';
import { useLanguage, useT } from '../i18n';
import { taskCodeText } from '../words';

/**
 * The same patient's other open task (`duplicate-open`): both tasks name each other, and each opens
 * the other. The service keeps naming a linked task after it closed; its contact says it closed.
 */
export function LinkedTasks({ task, onOpenTask }: { task: TaskDetail; onOpenTask: (taskId: string) => void }) {
  const t = useT();
  const language = useLanguage();
  const open = stillOpen(task);
  if (open.length === 0) return null;
  return (
    <section className="linked-tasks notice" data-testid="linked-tasks">
      <p>
        <strong>⚠ {t(open.length === 1 ? 'linkedTaskOne' : 'linkedTaskMany')}</strong>
      </p>
      <ul>
        {open.map((taskId) => {
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

/** The linked tasks not closed since, as the patient's contacts tell them. */
export function stillOpen(task: TaskDetail): string[] {
  return task.linkedTasks.filter((taskId) => !task.patientContacts.some((contact) => contact.taskId === taskId && contact.closedOutcome !== null));
}
