import type { QueueItem } from '../api';
import { formatDuration, helsinkiTime } from '../format';
import { useLanguage, useT } from '../i18n';
import { placeName } from '../i18n/place-names';
import { FlagChips, LanguageMark, taskCodeText } from '../words';
import type { RepeatCallNotice } from './repeat-call-notices';
import { whenText } from './when-text';

/**
 * The tasks in the nurse's own hands. A repeat call on one of them shows on its own entry at once,
 * whichever task is open in the panel, and stays until she acknowledges it in that task's panel.
 */
export function MyTasks({ mine, selected, now, notices, onSelect }: { mine: QueueItem[]; selected?: string; now: number; notices: ReadonlyMap<string, RepeatCallNotice>; onSelect: (taskId: string) => void }) {
  const t = useT();
  const language = useLanguage();
  if (mine.length === 0) return null;
  return (
    <>
      <h3>{t('myTasks')}</h3>
      <ul className="mine" data-testid="my-tasks">
        {mine.map((task) => {
          const notice = notices.get(task.taskId);
          return (
            <li key={task.taskId} className={notice ? 'mine-repeat-call' : undefined}>
              {notice && (
                <p className="repeat-call-badge" role="alert" data-testid="repeat-call-badge" data-task-id={task.taskId}>
                  ⚠ {t(task.taskId === selected ? 'repeatCallBadgeOpen' : 'repeatCallBadge', { time: helsinkiTime(notice.at, language) })}
                </p>
              )}
              <button onClick={() => onSelect(task.taskId)} aria-current={task.taskId === selected} data-my-task={task.taskId}>
                {task.taskCode} {taskCodeText(t, task.taskCode)} · {placeName(task.municipality, language)} · {task.ageYears === undefined ? t('unknownAge') : t('ageYears', { age: task.ageYears })} ·{' '}
                {whenText(task.receivedAt, now, language, t)}
                {task.claimedAt ? ` · ${t('claimedFor', { duration: formatDuration((now - Date.parse(task.claimedAt)) / 1000) })}` : ''}{' '}
                <LanguageMark language={task.language} /> <FlagChips flags={task.flags} />
              </button>
            </li>
          );
        })}
      </ul>
    </>
  );
}
