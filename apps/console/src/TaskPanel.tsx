import { useCallback, useEffect, useState } from 'react';
import { api, ApiError, Session, TaskDetail } from './api';
import { useT } from './i18n';

const RED_FLAGS = ['breathing-difficulty-at-rest', 'chest-pain', 'new-confusion', 'stroke-signs', 'heavy-bleeding', 'suspected-sepsis', 'suicidal-intent'];
const OUTCOMES = ['reached', 'no-answer', 'busy', 'wrong-number'] as const;
const UNIT_LEVELS = ['first-response', 'basic', 'advanced', 'single-responder'];

/** One task in hand: callbacks, assessment, and the decision, which turns into escalation on any red flag. */
export function TaskPanel({ session, taskId, changes, onDone }: { session: Session; taskId: string; changes: number; onDone: () => void }) {
  const t = useT();
  const [task, setTask] = useState<TaskDetail>();
  const [error, setError] = useState<string>();
  const [services, setServices] = useState<{ id: string; name: string }[]>([]);
  const [flags, setFlags] = useState<string[]>([]);
  const [concern, setConcern] = useState(false);
  const [symptoms, setSymptoms] = useState('');
  const [notes, setNotes] = useState('');
  const [kind, setKind] = useState<'send-unit' | 'phone-advice' | 'redirect'>('phone-advice');
  const [form, setForm] = useState<Record<string, string>>({ unitLevel: 'basic', urgency: 'D', escalateTo: 'B' });
  const [informed, setInformed] = useState(false);

  const load = useCallback(async () => setTask(await api<TaskDetail>(session, 'GET', `/api/d-tasks/${taskId}`)), [session, taskId]);
  useEffect(() => {
    load().catch((caught: Error) => setError(caught.message));
  }, [load, changes]);
  useEffect(() => {
    api<{ services: { id: string; name: string }[] }>(session, 'GET', '/api/services').then((answer) => setServices(answer.services), () => undefined);
  }, [session]);

  async function send(path: string, body: unknown = {}) {
    try {
      await api(session, 'POST', `/api/d-tasks/${taskId}/${path}`, body);
      setError(undefined);
      await load();
      onDone();
    } catch (caught) {
      const reason = caught instanceof ApiError ? caught.body.reason ?? caught.message : (caught as Error).message;
      setError(t(reason));
    }
  }

  if (!task) return <p>{error ?? '…'}</p>;
  const recorded = task.history.filter((event) => event.type === 'AssessmentRecorded');
  const recordedFlags = recorded.flatMap((event) => event.data.redFlags as string[]);
  const recordedConcern = recorded.some((event) => event.data.concern === true);
  const reached = task.history.some((event) => event.type === 'CallbackAttempted' && event.data.outcome === 'reached');
  const mustEscalate = flags.length > 0 || concern || recordedFlags.length > 0 || recordedConcern;
  const open = task.status === 'claimed';
  const set = (key: string) => (event: { target: { value: string } }) => setForm({ ...form, [key]: event.target.value });

  function onKey(event: React.KeyboardEvent) {
    if ((event.target as HTMLElement).closest('input, textarea, select') || !open) return;
    const outcome = OUTCOMES[Number(event.key) - 1];
    if (outcome) void send('callbacks', { outcome });
  }

  function decide() {
    if (kind === 'send-unit') return send('decision', { kind, unitLevel: form.unitLevel, urgency: form.urgency });
    if (kind === 'phone-advice') {
      const followUpAt = form.followUpAt ? new Date(form.followUpAt).toISOString() : undefined;
      return send('decision', { kind, advice: form.advice ?? '', safetyNet: form.safetyNet ?? '', patientInformed: informed, ...(followUpAt ? { followUpAt } : {}) });
    }
    return send('decision', { kind, target: form.target ?? services[0]?.id, handoffNote: form.handoffNote ?? '', patientInformed: informed });
  }

  return (
    <div onKeyDown={onKey} tabIndex={-1} data-testid="task-panel">
      <h2>
        {task.taskId.slice(0, 8)} · {task.status} · {task.urgency}
      </h2>
      <p>
        {task.flags.map((flag) => (
          <span key={flag} className={`flag flag-${flag}`}>
            {flag}
          </span>
        ))}
      </p>
      {error && <p role="alert" className="error">{error}</p>}

      {open && (
        <fieldset>
          <legend>{t('callback')} (1–4)</legend>
          {OUTCOMES.map((outcome, index) => (
            <button key={outcome} onClick={() => void send('callbacks', { outcome })} data-outcome={outcome}>
              {index + 1} · {t(outcome)}
            </button>
          ))}
        </fieldset>
      )}

      {open && reached && (
        <fieldset>
          <legend>{t('assessment')}</legend>
          <div className="red-flags" role="group" aria-label={t('redFlags')}>
            {RED_FLAGS.map((flag) => (
              <label key={flag}>
                <input type="checkbox" name={flag} checked={flags.includes(flag)} onChange={(event) => setFlags(event.target.checked ? [...flags, flag] : flags.filter((f) => f !== flag))} />
                {t(flag)}
              </label>
            ))}
            <label>
              <input type="checkbox" name="concern" checked={concern} onChange={(event) => setConcern(event.target.checked)} />
              {t('concern')}
            </label>
          </div>
          <label>
            {t('symptoms')}
            <textarea name="symptoms" value={symptoms} onChange={(event) => setSymptoms(event.target.value)} />
          </label>
          <label>
            {t('notes')}
            <textarea name="notes" value={notes} onChange={(event) => setNotes(event.target.value)} />
          </label>
          <button onClick={() => void send('assessment', { redFlags: flags, concern, symptoms, notes, existingServices: [] })}>{t('saveAssessment')}</button>
        </fieldset>
      )}

      {open && reached && mustEscalate && (
        <fieldset className="escalation" data-testid="escalation-panel">
          <legend>{t('escalation')}</legend>
          <label>
            {t('urgency')}
            <select name="escalateTo" value={form.escalateTo} onChange={set('escalateTo')}>
              {['A', 'B', 'C'].map((level) => (
                <option key={level}>{level}</option>
              ))}
            </select>
          </label>
          <label>
            {t('reason')}
            <input name="escalationReason" value={form.escalationReason ?? ''} onChange={set('escalationReason')} />
          </label>
          <button onClick={() => void send('escalation', { urgency: form.escalateTo, reason: form.escalationReason || flags.join(', ') || t('concern') })}>{t('escalate')}</button>
        </fieldset>
      )}

      {open && !mustEscalate && (
        <fieldset data-testid="decision-panel">
          <legend>{t('decision')}</legend>
          <div role="tablist">
            {(['send-unit', 'phone-advice', 'redirect'] as const).map((option) => (
              <button key={option} role="tab" aria-selected={kind === option} onClick={() => setKind(option)}>
                {t(option === 'send-unit' ? 'sendUnit' : option === 'phone-advice' ? 'phoneAdvice' : 'redirect')}
              </button>
            ))}
          </div>
          {kind === 'send-unit' && (
            <>
              <label>
                {t('unitLevel')}
                <select name="unitLevel" value={form.unitLevel} onChange={set('unitLevel')}>
                  {UNIT_LEVELS.map((level) => (
                    <option key={level}>{level}</option>
                  ))}
                </select>
              </label>
              <label>
                {t('urgency')}
                <select name="urgency" value={form.urgency} onChange={set('urgency')}>
                  <option>D</option>
                  <option>C</option>
                </select>
              </label>
            </>
          )}
          {kind === 'phone-advice' && (
            <>
              <label>
                {t('advice')}
                <textarea name="advice" value={form.advice ?? ''} onChange={set('advice')} />
              </label>
              <label>
                {t('safetyNet')}
                <textarea name="safetyNet" value={form.safetyNet ?? ''} onChange={set('safetyNet')} />
              </label>
              <label>
                {t('followUpAt')}
                <input type="datetime-local" name="followUpAt" value={form.followUpAt ?? ''} onChange={set('followUpAt')} />
              </label>
            </>
          )}
          {kind === 'redirect' && (
            <>
              <label>
                {t('target')}
                <select name="target" value={form.target ?? services[0]?.id} onChange={set('target')}>
                  {services.map((service) => (
                    <option key={service.id} value={service.id}>
                      {service.name}
                    </option>
                  ))}
                </select>
              </label>
              <label>
                {t('handoffNote')}
                <textarea name="handoffNote" value={form.handoffNote ?? ''} onChange={set('handoffNote')} />
              </label>
            </>
          )}
          {kind !== 'send-unit' && (
            <label>
              <input type="checkbox" name="patientInformed" checked={informed} onChange={(event) => setInformed(event.target.checked)} />
              {t('patientInformed')}
            </label>
          )}
          <button onClick={() => void decide()}>{t('confirm')}</button>
        </fieldset>
      )}

      {task.followUp && task.owner === session.sub && (
        <fieldset>
          <legend>{t('followUp')}</legend>
          {OUTCOMES.map((outcome) => (
            <button key={outcome} onClick={() => void send('follow-up', { outcome })}>
              {t(outcome)}
            </button>
          ))}
        </fieldset>
      )}

      <details>
        <summary>{t('history')}</summary>
        <ol className="history">
          {task.history.map((event) => (
            <li key={event.position}>
              {new Date(event.metadata.occurredAt).toLocaleTimeString()} · {event.type} · {event.metadata.actor.id}
            </li>
          ))}
        </ol>
      </details>
    </div>
  );
}
