import { FormEvent, useState } from 'react';
import { api, ApiError, Session } from '../api';
import { helsinkiDateTime } from '../format';
import { useT } from '../i18n';
import { placeName } from '../i18n/place-names';
import { FieldError, Outcome, OutcomeLine } from './form-messages';
import type { Errors } from './intake-draft';
import type { Sent } from './sent-tasks';

/** The cancellation of a task this desk sent (or of any task by its id), and the list of those sent. */
export function CancelForm({ session, sent, language, onCancelled }: { session: Session; sent: Sent[]; language: 'fi' | 'sv' | 'en'; onCancelled: (taskId: string) => void }) {
  const t = useT();
  const open = sent.filter((task) => !task.cancelled);
  const [chosen, setChosen] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [outcome, setOutcome] = useState<Outcome>();
  const taskId = chosen || open[0]?.taskId || '';

  async function cancel(event: FormEvent) {
    event.preventDefault();
    setOutcome(undefined);
    const found: Errors = {};
    if (!taskId) found.task = 'erc.required';
    if (!reason.trim()) found.reason = 'erc.required';
    else if (reason.length > 500) found.reason = 'erc.tooLong';
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    const task = sent.find((s) => s.taskId === taskId);
    try {
      await api(session, 'POST', `/api/d-tasks/${encodeURIComponent(taskId)}/cancel`, { reason: reason.trim() });
      onCancelled(taskId);
      setChosen('');
      setReason('');
      setOutcome({ ok: true, text: t('erc.cancelled', { ercTaskId: task?.ercTaskId ?? taskId }) });
    } catch (caught) {
      const status = caught instanceof ApiError ? caught.status : 0;
      if (status === 400) setErrors(caught instanceof ApiError && caught.body.issues?.some((issue) => issue.path === 'reason') ? { reason: 'erc.badField' } : { task: 'erc.noSuchTask' });
      else if (status === 404) setOutcome({ ok: false, text: t('erc.noSuchTask') });
      else if (status === 409) setOutcome({ ok: false, text: t('erc.cannotCancel') });
      else setOutcome({ ok: false, text: t('erc.failed', { status: status || '–' }) });
    }
  }

  const problem = (field: 'task' | 'reason') =>
    errors[field] && (
      <FieldError id={`erc-cancel-${field}-error`} field={field}>
        {t(errors[field]!, { max: 500 })}
      </FieldError>
    );

  return (
    <form className="card" onSubmit={(event) => void cancel(event)} aria-label={t('erc.cancel')} noValidate>
      <h2>{t('erc.cancel')}</h2>
      <p className="note">{t('erc.cancelNote')}</p>
      <label>
        {t('erc.cancelTask')}
        {open.length > 0 ? (
          <select name="cancel-task" value={taskId} aria-invalid={errors.task ? true : undefined} aria-describedby={errors.task ? 'erc-cancel-task-error' : undefined} onChange={(event) => setChosen(event.target.value)}>
            {open.map((task) => (
              <option key={task.taskId} value={task.taskId}>
                {task.ercTaskId} · {task.taskCode} {t(`code.${task.taskCode}`)} · {placeName(task.municipality, language)} · {helsinkiDateTime(task.at, language)}
              </option>
            ))}
          </select>
        ) : (
          <input name="cancel-task" value={chosen} autoComplete="off" aria-invalid={errors.task ? true : undefined} aria-describedby={errors.task ? 'erc-cancel-task-error' : undefined} onChange={(event) => setChosen(event.target.value.trim())} />
        )}
        {problem('task')}
      </label>
      <label>
        {t('erc.cancelReason')}
        <input name="cancel-reason" value={reason} aria-invalid={errors.reason ? true : undefined} aria-describedby={errors.reason ? 'erc-cancel-reason-error' : undefined} onChange={(event) => setReason(event.target.value)} />
        {problem('reason')}
      </label>
      <button type="submit">{t('erc.cancelSubmit')}</button>
      {outcome && <OutcomeLine outcome={outcome} testId="erc-cancel-outcome" />}
      {sent.length > 0 && (
        <details>
          <summary>{t('erc.sentList')}</summary>
          <ul data-testid="erc-sent">
            {sent.map((task) => (
              <li key={task.taskId} data-task-id={task.taskId}>
                {task.ercTaskId} · {task.taskCode} · {placeName(task.municipality, language)} · {helsinkiDateTime(task.at, language)}
                {task.cancelled ? ` · ${t('erc.cancelledMark')}` : ''}
              </li>
            ))}
          </ul>
        </details>
      )}
    </form>
  );
}
