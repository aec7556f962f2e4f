import type { Sex } from '@dtask/events';
import { FormEvent, useState } from 'react';
import { D_TASK_CODES } from '../../../../libs/events/src/region';
import { api, ApiError, Session } from '../api';
import { useLanguage, useT } from '../i18n';
import { FieldError, Outcome, OutcomeLine } from './form-messages';
import { municipalityOptions } from './municipalities';
import { check, Draft, emptyDraft, Errors, Field, intakeBody, serverErrors } from './intake-draft';
import type { Sent } from './sent-tasks';

/** A D-task as the ERC would send it; the centre answers a task sent twice with the one it has. */
export function IntakeForm({ session, sent, onSent }: { session: Session; sent: Sent[]; onSent: (task: Sent) => void }) {
  const t = useT();
  const language = useLanguage();
  const [draft, setDraft] = useState<Draft>(emptyDraft);
  const [errors, setErrors] = useState<Errors>({});
  const [outcome, setOutcome] = useState<Outcome>();
  const [busy, setBusy] = useState(false);

  const word = (code: string | undefined) => {
    if (!code) return undefined;
    const [key, max] = code.split(':');
    return t(key!, max ? { max } : undefined);
  };
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((previous) => ({ ...previous, [key]: value }));

  async function send(event: FormEvent) {
    event.preventDefault();
    setOutcome(undefined);
    const found = check(draft);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      setOutcome({ ok: false, text: t('erc.notSent') });
      return;
    }
    const body = intakeBody(draft);
    setBusy(true);
    try {
      const answer = await api<{ taskId: string }>(session, 'POST', '/api/d-tasks', body);
      // The ERC may send a task twice; the centre answers with the task it already has.
      const created = !sent.some((task) => task.taskId === answer.taskId);
      setOutcome({ ok: true, text: t(created ? 'erc.sent' : 'erc.alreadySent', { ercTaskId: body.ercTaskId }) });
      if (created) onSent({ taskId: answer.taskId, ercTaskId: body.ercTaskId, taskCode: body.taskCode, municipality: body.municipality, at: body.receivedAt });
      setErrors({});
      setDraft(emptyDraft());
    } catch (caught) {
      if (caught instanceof ApiError && caught.status === 400) {
        setErrors(serverErrors(caught, Object.keys(draft)));
        setOutcome({ ok: false, text: t('erc.notSent') });
      } else if (caught instanceof ApiError && caught.status === 409) {
        // The same ERC number with other details: never overwritten, so the ERC gives a new number.
        setErrors({ ercTaskId: 'erc.idReused' });
        setOutcome({ ok: false, text: t('erc.notSent') });
      } else setOutcome({ ok: false, text: t('erc.failed', { status: caught instanceof ApiError ? caught.status : '–' }) });
    } finally {
      setBusy(false);
    }
  }

  const fieldProps = (field: Field) => ({
    name: field,
    id: `erc-${field}`,
    'aria-invalid': errors[field] ? true : undefined,
    'aria-describedby': errors[field] ? `erc-${field}-error` : undefined,
  });
  const problem = (field: Field | 'task' | 'reason') =>
    errors[field] && (
      <FieldError id={`erc-${field}-error`} field={field}>
        {word(errors[field])}
      </FieldError>
    );

  return (
  <form className="card" onSubmit={(event) => void send(event)} aria-label={t('erc.intake')} noValidate>
      <h2>{t('erc.intake')}</h2>
      <p className="note">{t('erc.intakeNote')}</p>
      <div className="form-grid">
        <label>
          {t('erc.ercTaskId')}
          <input {...fieldProps('ercTaskId')} value={draft.ercTaskId} onChange={(event) => set('ercTaskId', event.target.value)} />
          {problem('ercTaskId')}
        </label>
        <fieldset>
          <legend>{t('erc.receivedAt')}</legend>
          <label className="check">
            <input type="checkbox" name="receivedNow" checked={draft.receivedNow} onChange={(event) => set('receivedNow', event.target.checked)} />
            {t('erc.receivedNow')}
          </label>
          {!draft.receivedNow && (
            <input type="datetime-local" {...fieldProps('receivedAt')} aria-label={t('erc.receivedAt')} value={draft.receivedAt} onChange={(event) => set('receivedAt', event.target.value)} />
          )}
          {problem('receivedAt')}
        </fieldset>
        <label>
          {t('erc.taskCode')}
          <select {...fieldProps('taskCode')} value={draft.taskCode} onChange={(event) => set('taskCode', event.target.value)}>
            <option value="">–</option>
            {D_TASK_CODES.map((code) => (
              <option key={code} value={code}>
                {code} · {t(`code.${code}`)}
              </option>
            ))}
          </select>
          {problem('taskCode')}
        </label>
        <label>
          {t('erc.municipality')}
          <select {...fieldProps('municipality')} value={draft.municipality} onChange={(event) => set('municipality', event.target.value)}>
            <option value="">–</option>
            {municipalityOptions(language).map(({ value, label }) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
          {problem('municipality')}
        </label>
        <label>
          {t('erc.address')}
          <input {...fieldProps('address')} value={draft.address} autoComplete="off" onChange={(event) => set('address', event.target.value)} />
          {problem('address')}
        </label>
        <label>
          {t('erc.callbackPhone')}
          <input {...fieldProps('callbackPhone')} type="tel" value={draft.callbackPhone} autoComplete="off" onChange={(event) => set('callbackPhone', event.target.value)} />
          {problem('callbackPhone')}
        </label>
      </div>
      <fieldset>
        <legend>{t('erc.patient')}</legend>
        <div className="form-grid">
          <label>
            {t('erc.ageYears')} <small>{t('erc.optional')}</small>
            <input {...fieldProps('ageYears')} inputMode="numeric" value={draft.ageYears} onChange={(event) => set('ageYears', event.target.value.trim())} />
            {problem('ageYears')}
          </label>
          <label>
            {t('erc.sex')} <small>{t('erc.optional')}</small>
            <select {...fieldProps('sex')} value={draft.sex} onChange={(event) => set('sex', event.target.value as '' | Sex)}>
              <option value="">–</option>
              <option value="female">{t('erc.sexFemale')}</option>
              <option value="male">{t('erc.sexMale')}</option>
              <option value="other">{t('erc.sexOther')}</option>
              <option value="unknown">{t('erc.sexUnknown')}</option>
            </select>
          </label>
          <label>
            {t('erc.personId')} <small>{t('erc.optional')}</small>
            <input {...fieldProps('personId')} value={draft.personId} autoComplete="off" onChange={(event) => set('personId', event.target.value)} />
            {problem('personId')}
          </label>
        </div>
      </fieldset>
      <label>
        {t('erc.notes')} <small>{t('erc.optional')}</small>
        <textarea {...fieldProps('ercNotes')} rows={3} value={draft.ercNotes} onChange={(event) => set('ercNotes', event.target.value)} />
        {problem('ercNotes')}
      </label>
      <button type="submit" disabled={busy}>
        {t('erc.send')}
      </button>
      {outcome && <OutcomeLine outcome={outcome} testId="erc-outcome" />}
    </form>
  );
}
