import { FormEvent, useRef, useState } from 'react';
import type { ReferralView } from '@dtask/events';
import type { Session } from '../api';
import { helsinkiTime } from '../format';
import { useLanguage, useT } from '../i18n';
import { AnswerBy } from './AnswerBy';
import { ReferralFacts } from './ReferralFacts';
import { useHandoffPost } from './use-handoff-post';
import { headingOf, reasonOf } from './referral-words';

/**
 * One opened referral and its answer: accept, or decline with a reason. The inbox mounts it keyed by
 * task, so a half-written decline never carries over to another patient.
 */
export function ReferralDetail({
  session,
  referral,
  now,
  onAnswered,
  onGone,
}: {
  session: Session;
  referral: ReferralView;
  now: number;
  onAnswered: (kind: 'accepted' | 'declined') => void;
  onGone: () => void;
}) {
  const t = useT();
  const language = useLanguage();
  const [declining, setDeclining] = useState(false);
  const [reason, setReason] = useState('');
  const { sending, problem: error, post } = useHandoffPost(session, referral.taskId, 'not-awaiting-handoff', onGone);
  const declineButton = useRef<HTMLButtonElement>(null);
  const titleId = `referral-${referral.taskId}`;

  const send = (path: 'accept' | 'decline', body: object) => post(path, body, () => onAnswered(path === 'accept' ? 'accepted' : 'declined'));

  function submitDecline(event: FormEvent) {
    event.preventDefault();
    if (reason.trim() === '' || sending) return;
    void send('decline', { reason: reason.trim() });
  }

  function cancelDecline() {
    setDeclining(false);
    setReason('');
    // Back where the user was, on the button that opened the form.
    setTimeout(() => declineButton.current?.focus(), 0);
  }

  return (
    <section className="card partner-detail" aria-labelledby={titleId} data-testid="referral" data-task-id={referral.taskId}>
      <h2 id={titleId}>
        {headingOf(referral, t, language)}
      </h2>
      <p className="partner-answer-by">
        <AnswerBy answerBy={referral.answerBy} now={now} />
      </p>
      <ReferralFacts referral={referral} />
      {referral.redirectedAt && <p className="partner-quiet">{t('partnerRedirectedAt', { time: helsinkiTime(referral.redirectedAt, language) })}</p>}
      {error && <p role="alert">{'caught' in error ? t('partnerSendFailed', { reason: reasonOf(error.caught, t) }) : t(error.key)}</p>}
      {!declining ? (
        <div className="partner-actions">
          <button type="button" className="partner-accept" disabled={sending} onClick={() => void send('accept', {})}>
            ✓ {t('partnerAccept')}
          </button>
          <button type="button" ref={declineButton} disabled={sending} onClick={() => setDeclining(true)}>
            {t('partnerDecline')}
          </button>
        </div>
      ) : (
        <form className="partner-decline" onSubmit={submitDecline} aria-labelledby={`${titleId}-decline`} data-testid="decline-form">
          <h3 id={`${titleId}-decline`}>{t('partnerDeclineTitle')}</h3>
          <label>
            {t('partnerDeclineReason')}
            <textarea
              name="declineReason"
              required
              maxLength={1000}
              rows={3}
              value={reason}
              onChange={(event) => setReason(event.target.value)}
              aria-describedby={`${titleId}-hint`}
              autoFocus
            />
          </label>
          <p id={`${titleId}-hint`} className="partner-quiet">
            {t('partnerDeclineHint')}
          </p>
          {reason.trim() === '' && <p className="partner-quiet">{t('partnerReasonRequired')}</p>}
          <div className="partner-actions">
            <button type="submit" disabled={reason.trim() === '' || sending}>
              {sending ? t('partnerSending') : t('partnerSendDecline')}
            </button>
            <button type="button" disabled={sending} onClick={cancelDecline}>
              {t('partnerCancel')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
