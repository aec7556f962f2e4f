import type { Sex } from '@dtask/events';
import { FormEvent, useState } from 'react';
import { D_TASK_CODES, REGION_AREAS } from '../../../libs/events/src/region';
import { ERC_TASK_ID_PATTERN, PERSON_ID_PATTERN, PHONE_PATTERN } from '../../../libs/events/src/vocabulary-values';
import { api, ApiError, Session } from './api';
import { helsinkiDate, helsinkiDateTime, helsinkiWallTimeIso } from './format';
import { useLanguage, useT } from './i18n';
import './roles.css';

/** Every municipality of the region, in Finnish alphabetical order. */
const MUNICIPALITIES = Object.values(REGION_AREAS)
  .flatMap((municipalities) => Object.keys(municipalities))
  .sort((a, b) => a.localeCompare(b, 'fi'));
const SENT_KEY = 'dtask-erc-sent';

type Field = 'ercTaskId' | 'receivedAt' | 'taskCode' | 'municipality' | 'address' | 'ageYears' | 'sex' | 'personId' | 'callbackPhone' | 'ercNotes';
type Errors = Partial<Record<Field | 'task' | 'reason', string>>;

interface Draft {
  ercTaskId: string;
  receivedNow: boolean;
  /** `YYYY-MM-DDTHH:mm` on the centre's (Helsinki) clock. */
  receivedAt: string;
  taskCode: string;
  municipality: string;
  address: string;
  ageYears: string;
  sex: '' | Sex;
  personId: string;
  callbackPhone: string;
  ercNotes: string;
}

interface Sent {
  taskId: string;
  ercTaskId: string;
  taskCode: string;
  municipality: string;
  at: string;
  cancelled?: boolean;
}

/** An ERC task number as ERICA shows them: the day and a running number (here random). */
const newErcTaskId = () => `${helsinkiDate(Date.now()).replaceAll('-', '')}-${String(Math.floor(Math.random() * 100_000)).padStart(5, '0')}`;

const emptyDraft = (): Draft => ({
  ercTaskId: newErcTaskId(),
  receivedNow: true,
  receivedAt: '',
  taskCode: '',
  municipality: '',
  address: '',
  ageYears: '',
  sex: '',
  personId: '',
  callbackPhone: '',
  ercNotes: '',
});

/** What the form checks before sending; the server checks again and its answer is mapped to the same words. */
function check(draft: Draft): Errors {
  const errors: Errors = {};
  if (!draft.ercTaskId.trim()) errors.ercTaskId = 'erc.required';
  else if (!ERC_TASK_ID_PATTERN.test(draft.ercTaskId.trim())) errors.ercTaskId = 'erc.badErcTaskId';
  if (!draft.receivedNow && !helsinkiWallTimeIso(draft.receivedAt)) errors.receivedAt = 'erc.badTime';
  if (!D_TASK_CODES.includes(draft.taskCode)) errors.taskCode = 'erc.badTaskCode';
  if (!draft.municipality) errors.municipality = 'erc.required';
  if (!draft.address.trim()) errors.address = 'erc.required';
  else if (draft.address.length > 200) errors.address = 'erc.tooLong:200';
  if (draft.ageYears !== '' && !(/^\d{1,3}$/.test(draft.ageYears) && Number(draft.ageYears) <= 130)) errors.ageYears = 'erc.badAge';
  if (draft.personId !== '' && !PERSON_ID_PATTERN.test(draft.personId.trim().toUpperCase())) errors.personId = 'erc.badPersonId';
  if (!draft.callbackPhone.trim()) errors.callbackPhone = 'erc.required';
  else if (!PHONE_PATTERN.test(draft.callbackPhone.trim())) errors.callbackPhone = 'erc.badPhone';
  if (draft.ercNotes.length > 4000) errors.ercNotes = 'erc.tooLong:4000';
  return errors;
}

const FIELD_MESSAGE: Partial<Record<Field, string>> = {
  ercTaskId: 'erc.badErcTaskId',
  receivedAt: 'erc.badTime',
  taskCode: 'erc.badTaskCode',
  ageYears: 'erc.badAge',
  personId: 'erc.badPersonId',
  callbackPhone: 'erc.badPhone',
};

/** The server's 400 names fields by path (`patient.personId`); the view words them itself, never zod's text. */
function serverErrors(caught: ApiError, fields: readonly string[]): Errors {
  const errors: Errors = {};
  for (const issue of caught.body.issues ?? []) {
    const field = issue.path.split('.').at(-1) ?? '';
    const known = fields.includes(field) ? (field as Field) : undefined;
    if (known) errors[known] = FIELD_MESSAGE[known] ?? 'erc.badField';
  }
  return errors;
}

function loadSent(): Sent[] {
  try {
    return JSON.parse(sessionStorage.getItem(SENT_KEY) ?? '[]') as Sent[];
  } catch {
    return [];
  }
}

/**
 * The ERC's side, for demonstrations and for sites without an ERC feed: a D-task as the ERC would
 * send it, and the cancellation of one it sent.
 */
export function ErcView({ session }: { session: Session }) {
  const t = useT();
  const language = useLanguage();
  const [draft, setDraft] = useState<Draft>(emptyDraft);
  const [errors, setErrors] = useState<Errors>({});
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string }>();
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState<Sent[]>(loadSent);

  const word = (code: string | undefined) => {
    if (!code) return undefined;
    const [key, max] = code.split(':');
    return t(key!, max ? { max } : undefined);
  };
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((previous) => ({ ...previous, [key]: value }));
  const remember = (next: Sent[]) => {
    setSent(next);
    sessionStorage.setItem(SENT_KEY, JSON.stringify(next));
  };

  async function send(event: FormEvent) {
    event.preventDefault();
    setOutcome(undefined);
    const found = check(draft);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      setOutcome({ ok: false, text: t('erc.notSent') });
      return;
    }
    const receivedAt = draft.receivedNow ? new Date().toISOString() : helsinkiWallTimeIso(draft.receivedAt)!;
    const patient = {
      ...(draft.ageYears !== '' ? { ageYears: Number(draft.ageYears) } : {}),
      ...(draft.sex ? { sex: draft.sex } : {}),
      ...(draft.personId.trim() ? { personId: draft.personId.trim().toUpperCase() } : {}),
    };
    const body = {
      ercTaskId: draft.ercTaskId.trim(),
      receivedAt,
      taskCode: draft.taskCode,
      urgency: 'D' as const,
      municipality: draft.municipality,
      address: draft.address.trim(),
      patient,
      callbackPhone: draft.callbackPhone.trim(),
      ...(draft.ercNotes.trim() ? { ercNotes: draft.ercNotes.trim() } : {}),
    };
    setBusy(true);
    try {
      const answer = await api<{ taskId: string }>(session, 'POST', '/api/d-tasks', body);
      // The ERC may send a task twice; the centre answers with the task it already has.
      const created = !sent.some((task) => task.taskId === answer.taskId);
      setOutcome({ ok: true, text: t(created ? 'erc.sent' : 'erc.alreadySent', { ercTaskId: body.ercTaskId }) });
      if (created) remember([{ taskId: answer.taskId, ercTaskId: body.ercTaskId, taskCode: body.taskCode, municipality: body.municipality, at: receivedAt }, ...sent]);
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
      <span className="field-error" id={`erc-${field}-error`} data-error-for={field}>
        <span aria-hidden="true">⚠ </span>
        {word(errors[field])}
      </span>
    );

  return (
    <div className="erc">
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
              {MUNICIPALITIES.map((municipality) => (
                <option key={municipality} value={municipality}>
                  {municipality}
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
        {outcome && (
          <p role={outcome.ok ? 'status' : 'alert'} className={outcome.ok ? 'outcome-ok' : 'outcome-error'} data-testid="erc-outcome">
            <span aria-hidden="true">{outcome.ok ? '✓ ' : '⚠ '}</span>
            {outcome.text}
          </p>
        )}
      </form>
      <CancelForm session={session} sent={sent} language={language} onCancelled={(taskId) => remember(sent.map((s) => (s.taskId === taskId ? { ...s, cancelled: true } : s)))} />
    </div>
  );
}

function CancelForm({ session, sent, language, onCancelled }: { session: Session; sent: Sent[]; language: 'fi' | 'sv' | 'en'; onCancelled: (taskId: string) => void }) {
  const t = useT();
  const open = sent.filter((task) => !task.cancelled);
  const [chosen, setChosen] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string }>();
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
      <span className="field-error" id={`erc-cancel-${field}-error`} data-error-for={field}>
        <span aria-hidden="true">⚠ </span>
        {t(errors[field]!, { max: 500 })}
      </span>
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
                {task.ercTaskId} · {task.taskCode} {t(`code.${task.taskCode}`)} · {task.municipality} · {helsinkiDateTime(task.at, language)}
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
      {outcome && (
        <p role={outcome.ok ? 'status' : 'alert'} className={outcome.ok ? 'outcome-ok' : 'outcome-error'} data-testid="erc-cancel-outcome">
          <span aria-hidden="true">{outcome.ok ? '✓ ' : '⚠ '}</span>
          {outcome.text}
        </p>
      )}
      {sent.length > 0 && (
        <details>
          <summary>{t('erc.sentList')}</summary>
          <ul data-testid="erc-sent">
            {sent.map((task) => (
              <li key={task.taskId} data-task-id={task.taskId}>
                {task.ercTaskId} · {task.taskCode} · {task.municipality} · {helsinkiDateTime(task.at, language)}
                {task.cancelled ? ` · ${t('erc.cancelledMark')}` : ''}
              </li>
            ))}
          </ul>
        </details>
      )}
    </form>
  );
}
