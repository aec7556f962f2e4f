import type { QueueItem } from '../api';
import { formatDuration, helsinkiTime } from '../format';
import { useT } from '../i18n';
import { placeName } from '../i18n/place-names';
import { FlagChips, LanguageMark, taskCodeText } from '../words';
import { flagsWithUnit } from '../task-panel/settled-flags';
import { whenText } from './when-text';

/**
 * One task in the queue. A task a due recall brought back waits from the recall's due time, and
 * says which recall it is; the server puts repeat calls first, and the flag says why.
 */
export function QueueRow({ task, now, cursor, onClaim, language }: { task: QueueItem; now: number; cursor: boolean; onClaim: () => void; language: 'fi' | 'sv' | 'en' }) {
  const t = useT();
  const waitingSince = task.recall?.dueAt ?? task.waitingSince ?? task.receivedAt;
  // Back for S8's call while its unit is on the way: what sent the unit is no longer red.
  const flags = flagsWithUnit(task.flags, task.recall?.reason === 'waiting-for-unit');
  return (
    <tr id={`queue-${task.taskId}`} className={cursor ? 'cursor' : undefined} aria-selected={cursor} data-task-id={task.taskId}>
      <td className="timer">
        {formatDuration((now - Date.parse(waitingSince)) / 1000)}
        <small className="received-at">
          {t('received')} {whenText(task.receivedAt, now, language, t)}
        </small>
      </td>
      <td>
        <LanguageMark language={task.language} /> <FlagChips flags={flags.urgent} /> <FlagChips flags={flags.answered} calm />
        {task.recall && (
          <small className="queue-recall" data-testid="queue-recall">
            {t('queueRecall', { reason: t(`recallReason.${task.recall.reason}`), time: helsinkiTime(task.recall.dueAt, language) })}
          </small>
        )}
      </td>
      <td>
        {task.taskCode} <span className="code-text">{taskCodeText(t, task.taskCode)}</span>
      </td>
      <td>{placeName(task.municipality, language)}</td>
      <td>{task.ageYears === undefined ? t('unknownAge') : t('ageYears', { age: task.ageYears })}</td>
      <td>
        <button onClick={onClaim}>{t('claim')}</button>
      </td>
    </tr>
  );
}
