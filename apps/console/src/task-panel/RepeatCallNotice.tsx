import { useEffect } from 'react';
import type { HistoryEvent, TaskDetail } from '../api';
import type { RepeatCallNotice as Notice } from '../desk/repeat-call-notices';
import { formatNumber, helsinkiTime } from '../format';
import { type Translate, useLanguage, useT } from '../i18n';
import { isDeciding, isReachedCall } from './task-rules';

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
      <p>{whatNow(task, mine, t, (at) => helsinkiTime(at, language))}</p>
      <button className="primary" onClick={() => onAcknowledge(task.taskId)} data-testid="acknowledge-repeat-call">
        {t('acknowledge')}
      </button>
    </section>
  );
}

/**
 * What the nurse is to do about the latest repeat call, for the state the task is in: decided since
 * (nothing to redo), held by her (call back, or decide once reached again), else first in the queue.
 */
function whatNow(task: TaskDetail, mine: boolean, t: Translate, time: (at: string) => string): string {
  const latest = latestRepeatCall(task.history);
  const since = latest ? task.history.slice(task.history.indexOf(latest) + 1) : [];
  const decided = since.find(isDeciding);
  if (decided) {
    const decision = t(`event.${decided.type}`);
    return t('repeatCallDecided', { time: time(decided.metadata.occurredAt), decision: decision.charAt(0).toLocaleLowerCase() + decision.slice(1) });
  }
  if (!mine || task.status !== 'claimed') return t('repeatCallWhatNow');
  const reached = [...since].reverse().find(isReachedCall);
  return reached ? t('repeatCallReachedAgain', { time: time(reached.metadata.occurredAt) }) : t('repeatCallWhatNowHeld');
}
