import { FormEvent, useState } from 'react';
import { Choice } from '../choices';
import type { Session } from '../api';
import { helsinkiTime } from '../format';
import { useLanguage, useT } from '../i18n';
import { AnswerBy } from './AnswerBy';
import { ReferralFacts } from './ReferralFacts';
import { useHandoffPost } from './use-handoff-post';
import { useContactWord } from './contact-kind';
import { headingOf, reasonOf } from './referral-words';
import type { PartnerReferral } from './referral-stage';
import { VisitDay, visitInstant } from './visit-time';

type Form = 'none' | 'completed' | 'failed';

/**
 * An accepted referral whose visit the service must report (contract v1.1): done, with when and
 * what was done, or failed, with why (the task then returns to the top of the nurses' queue). The
 * inbox mounts it keyed by task and stage, so nothing typed here follows to another patient.
 */
export function VisitReport({ session, referral, now, onReported, onGone }: {
  session: Session;
  referral: PartnerReferral;
  now: number;
  onReported: (kind: 'completed' | 'failed') => void;
  onGone: () => void;
}) {
  const t = useT();
  const language = useLanguage();
  const word = useContactWord();
  const [form, setForm] = useState<Form>('none');
  const [day, setDay] = useState<VisitDay>('today');
  const [time, setTime] = useState('');
  const [text, setText] = useState('');
  const { sending, problem: error, setProblem: setError, post } = useHandoffPost(session, referral.taskId, 'not-awaiting-visit', onGone);
  const titleId = `visit-${referral.taskId}`;

  function open(next: Form) {
    setForm(next);
    setError(undefined);
    setText('');
    // The usual report comes right after the visit: the time now, which the user corrects if need be.
    setDay('today');
    setTime(next === 'completed' ? helsinkiTime(new Date().toISOString(), 'fi') : '');
  }

  const send = (path: 'complete' | 'fail', body: object) => post(path, body, () => onReported(path === 'complete' ? 'completed' : 'failed'));

  function submit(event: FormEvent) {
    event.preventDefault();
    if (sending) return;
    if (form === 'failed') {
      if (text.trim()) void send('fail', { reason: text.trim() });
      return;
    }
    const visit = visitInstant(day, time, Date.now(), referral.redirectedAt);
    if ('problem' in visit) return setError({ key: visit.problem });
    void send('complete', { visitedAt: new Date(visit.at).toISOString(), ...(text.trim() ? { notes: text.trim() } : {}) });
  }

  return (
    <section className="card partner-detail" aria-labelledby={titleId} data-testid="visit" data-task-id={referral.taskId}>
      <h2 id={titleId}>
        {headingOf(referral, t, language)}
      </h2>
      {referral.visitBy && (
        <p className="partner-answer-by">
          <AnswerBy answerBy={referral.visitBy} now={now} kind="visit" />
        </p>
      )}
      <ReferralFacts referral={referral} />
      {referral.acceptedAt && <p className="partner-quiet">{t('partnerAcceptedAt', { time: helsinkiTime(referral.acceptedAt, language) })}</p>}
      {error && <p role="alert">{'caught' in error ? t('partnerSendFailed', { reason: reasonOf(error.caught, t) }) : t(error.key, { time: helsinkiTime(referral.redirectedAt, language) })}</p>}
      {form === 'none' ? (
        <div className="partner-actions">
          <button type="button" className="partner-accept" onClick={() => open('completed')} data-testid="report-visit">
            ✓ {t(word('partnerReportVisit'))}
          </button>
          <button type="button" onClick={() => open('failed')} data-testid="report-failed">
            {t(word('partnerReportFailed'))}
          </button>
        </div>
      ) : (
        <form className={form === 'failed' ? 'partner-decline' : 'partner-visit'} onSubmit={submit} aria-labelledby={`${titleId}-form`} data-testid={form === 'failed' ? 'fail-form' : 'visit-form'}>
          <h3 id={`${titleId}-form`}>{t(word(form === 'failed' ? 'partnerFailTitle' : 'partnerVisitTitle'))}</h3>
          {form === 'completed' && (
            <div className="partner-visit-when">
              <Choice name="visitDay" legend={t(word('partnerVisitedOn'))} value={day} options={['today', 'yesterday'] as const} words={(option) => t(option === 'today' ? 'partnerVisitToday' : 'partnerVisitYesterday')} onChange={setDay} />
              <label>
                {t('partnerVisitedAtTime')}
                <input name="visitedAtTime" className="call-time" inputMode="numeric" placeholder="14.30" size={5} value={time} onChange={(event) => (setTime(event.target.value), setError(undefined))} />
              </label>
            </div>
          )}
          <label>
            {t(form === 'failed' ? 'partnerFailReason' : 'partnerVisitNotes')}
            <textarea name={form === 'failed' ? 'failReason' : 'visitNotes'} required={form === 'failed'} maxLength={form === 'failed' ? 1000 : 4000} rows={3} value={text} onChange={(event) => setText(event.target.value)} autoFocus={form === 'failed'} />
          </label>
          {form === 'failed' && <p className="partner-quiet">{t('partnerFailHint')}</p>}
          {form === 'failed' && text.trim() === '' && <p className="partner-quiet">{t('partnerReasonRequired')}</p>}
          <div className="partner-actions">
            <button type="submit" disabled={sending || (form === 'failed' && text.trim() === '')}>
              {sending ? t('partnerSending') : t(form === 'failed' ? 'partnerSendFail' : word('partnerSendVisit'))}
            </button>
            <button type="button" disabled={sending} onClick={() => setForm('none')}>
              {t('partnerCancel')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
