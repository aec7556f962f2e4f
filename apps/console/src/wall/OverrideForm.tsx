import { FormEvent, useId, useState } from 'react';
import { api, Session } from '../api';
import { useT } from '../i18n';
import { refusalText } from '../words';

export type OverrideOutcome = { ok: true } | { ok: false; message: string };

/**
 * The supervisor's S4 override on a second contact: a required reason, then
 * `POST /api/d-tasks/{id}/override { rule: 'S4-second-contact', reason }`.
 */
export function OverrideForm({ session, taskId, onDone, onCancel }: { session: Session; taskId: string; onDone: (outcome: OverrideOutcome) => void; onCancel: () => void }) {
  const t = useT();
  const id = useId();
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (reason.trim() === '') {
      setMissing(true);
      return;
    }
    setBusy(true);
    try {
      await api(session, 'POST', `/api/d-tasks/${encodeURIComponent(taskId)}/override`, { rule: 'S4-second-contact', reason: reason.trim() });
      onDone({ ok: true });
    } catch (caught) {
      onDone({ ok: false, message: t('wall.overrideFailed', { reason: refusalText(t, caught) }) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="wall-override" noValidate onSubmit={submit} aria-label={t('wall.overrideTitle')} data-testid={`override-form-${taskId}`}>
      <label htmlFor={`${id}-reason`}>{t('wall.overrideReason')}</label>
      <textarea
        id={`${id}-reason`}
        name="overrideReason"
        required
        maxLength={1000}
        rows={2}
        value={reason}
        aria-invalid={missing}
        aria-describedby={missing ? `${id}-missing` : undefined}
        onChange={(event) => {
          setReason(event.target.value);
          setMissing(false);
        }}
        autoFocus
      />
      {missing && (
        <p id={`${id}-missing`} role="alert">
          {t('wall.overrideReasonMissing')}
        </p>
      )}
      <button type="submit" disabled={busy}>
        {t('wall.overrideConfirm')}
      </button>
      <button type="button" onClick={onCancel}>
        {t('wall.cancel')}
      </button>
    </form>
  );
}
