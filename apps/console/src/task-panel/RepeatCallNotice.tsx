import { useEffect } from 'react';
import type { HistoryEvent, TaskDetail } from '../api';
import type { RepeatCallNotice as Notice } from '../desk/repeat-call-notices';
import { formatNumber, helsinkiTime } from '../format';
import { useLanguage, useT } from '../i18n';

/** The task's latest repeat call in its own history, with the ERC's notes (which only the logged read carries). */
export function latestRepeatCall(history: HistoryEvent[]): HistoryEvent | undefined {
  return [...history].reverse().find((event) => event.type === 'ErcUpdateReceived' && event.data.kind === 'repeat-call');
}

/**
 * A repeat call on this task, told to the nurse who holds it until she acknowledges it. The panel
 * is keyed by task: the notice shown here is this task's own, never another's. A task she holds
 * that had a repeat call she has not acknowledged (one before a reload, say) tells her here too.
 */
export function RepeatCallNotice({ task, mine, notice, onHeard, onAcknowledge }: { task: TaskDetail; mine: boolean; notice?: Notice; onHeard: (notice: Notice) => void; onAcknowledge: (taskId: string) => void }) {
  const t = useT();
  const language = useLanguage();
  const latest = latestRepeatCall(task.history);
  const latestAt = latest?.metadata.occurredAt;
  const open = task.status !== 'closed';
  useEffect(() => {
    if (latestAt && mine && open) onHeard({ taskId: task.taskId, at: latestAt });
  }, [latestAt, mine, open, task.taskId, onHeard]);
  if (!notice) return null;
  const event = latest && latest.metadata.occurredAt >= notice.at ? latest : undefined;
  const count = task.repeatCalls?.count ?? 1;
  const notes = typeof event?.data.notes === 'string' ? event.data.notes : notice.notes;
  return (
    <section className="repeat-call-notice" role="alert" data-testid="repeat-call-notice" data-task-id={task.taskId}>
      <p>
        <strong>
          ⚠ {t('repeatCallNotice', { time: helsinkiTime(notice.at, language) })}
          {count > 1 ? ` ${t('repeatCallCount', { count: formatNumber(count, language) })}` : ''}
        </strong>
      </p>
      {notes && (
        <p>
          {t('ercSays')}: {notes}
        </p>
      )}
      <p>{t('repeatCallWhatNow')}</p>
      <button className="primary" onClick={() => onAcknowledge(task.taskId)} data-testid="acknowledge-repeat-call">
        {t('acknowledge')}
      </button>
    </section>
  );
}
