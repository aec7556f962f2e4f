import { FormEvent, useCallback, useEffect, useRef, useState } from 'react';
import type { ReferralView } from '@dtask/events';
import { api, ApiError, Session } from './api';
import { formatDuration, helsinkiTime } from './format';
import { Translate, useLanguage, useT } from './i18n';
import { useThrottledRefresh } from './throttled-refresh';
import './partner.css';

export type Referral = ReferralView;

type Notice = { kind: 'accepted' | 'declined' | 'gone'; what: string };

/** Less than this left to answer is shown as urgent (with a word and a symbol, not colour alone). */
const SOON_SECONDS = 5 * 60;

/**
 * A receiving service answers the patients redirected to it, before the S6 limit returns them to
 * the centre's queue. Each fetch of the inbox is a logged read of the patients' data on the server.
 */
export function PartnerView({ session, changes }: { session: Session; changes: number }) {
  const t = useT();
  const [referrals, setReferrals] = useState<Referral[]>([]);
  const [loaded, setLoaded] = useState(false);
  const [selected, setSelected] = useState<string>();
  const [notice, setNotice] = useState<Notice>();
  const [loadError, setLoadError] = useState<string>();
  const [serviceName, setServiceName] = useState<string>();
  const now = useNow(1000);
  // Answered here, and when: kept out of the list by a fetch that started before the answer (it may
  // still hold it), but not by later ones, so the same task redirected here again shows again.
  const answered = useRef(new Map<string, number>());
  const selectedRef = useRef<string | undefined>(undefined);
  selectedRef.current = selected;
  const shown = useRef<Referral[]>([]);
  const words = useRef(t);
  words.current = t;

  const refresh = useCallback(async () => {
    try {
      const startedAt = performance.now();
      const { handoffs } = await api<{ handoffs: Referral[] }>(session, 'GET', '/api/handoffs');
      for (const [taskId, at] of answered.current) if (at < startedAt) answered.current.delete(taskId);
      const open = handoffs.filter((referral) => !answered.current.has(referral.taskId));
      const current = selectedRef.current;
      if (current && !answered.current.has(current) && !open.some((referral) => referral.taskId === current)) {
        // The opened one went away without our answer: timed out, or answered by a colleague.
        const gone = shown.current.find((referral) => referral.taskId === current);
        setSelected(undefined);
        setNotice({ kind: 'gone', what: gone ? summaryOf(gone, words.current) : '' });
      }
      shown.current = open;
      setReferrals(open);
      setLoadError(undefined);
      setLoaded(true);
    } catch (caught) {
      setLoadError(words.current('partnerLoadFailed', { reason: reasonOf(caught, words.current) }));
    }
    // The words come through a ref: a change of language must not refetch (and log) the inbox again.
  }, [session]);
  const refreshSoon = useThrottledRefresh(refresh, changes, 500);

  useEffect(() => {
    api<{ services: { id: string; name: string }[] }>(session, 'GET', '/api/services').then(
      ({ services }) => setServiceName(services.find((service) => service.id === session.service)?.name),
      () => undefined,
    );
  }, [session]);

  function answeredNow(referral: Referral, kind: 'accepted' | 'declined') {
    answered.current.set(referral.taskId, performance.now());
    selectedRef.current = undefined;
    shown.current = shown.current.filter((item) => item.taskId !== referral.taskId);
    setReferrals((items) => items.filter((item) => item.taskId !== referral.taskId));
    setSelected(undefined);
    setNotice({ kind, what: summaryOf(referral, t) });
    refreshSoon();
  }

  function noLongerOpen(referral: Referral) {
    answered.current.set(referral.taskId, performance.now());
    selectedRef.current = undefined;
    shown.current = shown.current.filter((item) => item.taskId !== referral.taskId);
    setReferrals((items) => items.filter((item) => item.taskId !== referral.taskId));
    setSelected(undefined);
    setNotice({ kind: 'gone', what: summaryOf(referral, t) });
    refreshSoon();
  }

  const opened = referrals.find((referral) => referral.taskId === selected);
  return (
    <div className="partner">
      <section className="card partner-inbox" aria-labelledby="partner-inbox-title">
        <h2 id="partner-inbox-title">
          {t('partnerInbox')}
          {serviceName && <span className="partner-service"> · {serviceName}</span>}
        </h2>
        {loadError && <p role="alert">{loadError}</p>}
        {notice && <NoticeLine notice={notice} onDismiss={() => setNotice(undefined)} />}
        {!loaded ? (
          !loadError && <p>{t('loading')}</p>
        ) : referrals.length === 0 ? (
          <p data-testid="partner-empty">{t('partnerEmpty')}</p>
        ) : (
          <>
            <p className="partner-count" data-testid="partner-count">
              {t('partnerWaitingCount', { count: referrals.length })}
            </p>
            <ul className="partner-list" data-testid="partner-list">
              {referrals.map((referral) => (
                <li key={referral.taskId}>
                  <button
                    type="button"
                    data-task-id={referral.taskId}
                    aria-current={referral.taskId === selected ? 'true' : undefined}
                    onClick={() => {
                      setSelected(referral.taskId);
                      setNotice(undefined);
                    }}
                  >
                    <strong>{referral.municipality}</strong> · {patientOf(referral, t)}
                    <AnswerBy answerBy={referral.answerBy} now={now} compact />
                  </button>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
      {opened ? (
        // Keyed by task: a half-written decline never carries over to another patient.
        <ReferralDetail
          key={opened.taskId}
          session={session}
          referral={opened}
          now={now}
          onAnswered={(kind) => answeredNow(opened, kind)}
          onGone={() => noLongerOpen(opened)}
        />
      ) : (
        <section className="card partner-detail partner-placeholder">
          <p>{t('partnerSelect')}</p>
        </section>
      )}
    </div>
  );
}

function ReferralDetail({
  session,
  referral,
  now,
  onAnswered,
  onGone,
}: {
  session: Session;
  referral: Referral;
  now: number;
  onAnswered: (kind: 'accepted' | 'declined') => void;
  onGone: () => void;
}) {
  const t = useT();
  const language = useLanguage();
  const [declining, setDeclining] = useState(false);
  const [reason, setReason] = useState('');
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string>();
  const declineButton = useRef<HTMLButtonElement>(null);
  const titleId = `referral-${referral.taskId}`;

  async function send(path: 'accept' | 'decline', body: object) {
    setSending(true);
    setError(undefined);
    try {
      await api(session, 'POST', `/api/d-tasks/${referral.taskId}/handoff/${path}`, body);
      onAnswered(path === 'accept' ? 'accepted' : 'declined');
    } catch (caught) {
      setSending(false);
      if (caught instanceof ApiError && caught.status === 409 && caught.body.reason === 'not-awaiting-handoff') return onGone();
      setError(t('partnerSendFailed', { reason: reasonOf(caught, t) }));
    }
  }

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

  const within = referral.within ? isoDurationSeconds(referral.within) : undefined;
  return (
    <section className="card partner-detail" aria-labelledby={titleId} data-testid="referral" data-task-id={referral.taskId}>
      <h2 id={titleId}>
        {referral.municipality} · {capitalised(patientOf(referral, t))}
      </h2>
      <p className="partner-answer-by">
        <AnswerBy answerBy={referral.answerBy} now={now} />
      </p>
      <dl className="partner-facts">
        <div>
          <dt>{t('partnerReason')}</dt>
          <dd data-testid="referral-reason">{referral.reason || t('partnerNotGiven')}</dd>
        </div>
        <div>
          <dt>{t('partnerNote')}</dt>
          <dd data-testid="referral-note" className="partner-note">
            {referral.handoffNote}
          </dd>
        </div>
        {referral.careLevel && (
          <div>
            <dt>{t('partnerCareLevel')}</dt>
            <dd>{careLevelWord(referral.careLevel, t)}</dd>
          </div>
        )}
        {within !== undefined && (
          <div>
            <dt>{t('partnerWithin')}</dt>
            <dd>{t('partnerWithinValue', { duration: formatDuration(within) })}</dd>
          </div>
        )}
        {referral.transport && (
          <div>
            <dt>{t('partnerTransport')}</dt>
            <dd>{transportWord(referral.transport, t)}</dd>
          </div>
        )}
        <div>
          <dt>{t('partnerPatient')}</dt>
          <dd data-testid="referral-patient">{capitalised(patientOf(referral, t))}</dd>
        </div>
        <div>
          <dt>{t('partnerCallback')}</dt>
          <dd>
            <a href={`tel:${referral.callbackPhone.replace(/[^0-9+]/g, '')}`} aria-label={t('partnerCall', { phone: referral.callbackPhone })} data-testid="referral-phone">
              {referral.callbackPhone}
            </a>
          </dd>
        </div>
        <div>
          <dt>{t('partnerAddress')}</dt>
          <dd data-testid="referral-address">{referral.address}</dd>
        </div>
        <div>
          <dt>{t('partnerMunicipality')}</dt>
          <dd>{referral.municipality}</dd>
        </div>
      </dl>
      {referral.redirectedAt && <p className="partner-quiet">{t('partnerRedirectedAt', { time: helsinkiTime(referral.redirectedAt, language) })}</p>}
      {error && <p role="alert">{error}</p>}
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

/** "Vastattava klo 10.52 (14 min)", counting down; past the limit, says what happens instead. */
function AnswerBy({ answerBy, now, compact = false }: { answerBy: string; now: number; compact?: boolean }) {
  const t = useT();
  const language = useLanguage();
  const time = helsinkiTime(answerBy, language);
  const left = Math.floor((Date.parse(answerBy) - now) / 1000);
  if (left <= 0) {
    return <span className="partner-deadline partner-overdue" data-testid="answer-by">⚠ {compact ? time : t('partnerOverdue', { time })}</span>;
  }
  const soon = left < SOON_SECONDS;
  return (
    <span className={`partner-deadline${soon ? ' partner-soon' : ''}`} data-testid="answer-by">
      {soon && <>⚠ {t('partnerSoon')}: </>}
      {t('partnerAnswerBy', { time, left: formatDuration(left) })}
    </span>
  );
}

function NoticeLine({ notice, onDismiss }: { notice: Notice; onDismiss: () => void }) {
  const t = useT();
  const text =
    notice.kind === 'accepted' ? t('partnerAccepted', { what: notice.what }) : notice.kind === 'declined' ? t('partnerDeclined', { what: notice.what }) : t('partnerGone');
  const ref = useRef<HTMLParagraphElement>(null);
  // After the user's own answer the buttons are gone: the keyboard lands on what happened. A referral
  // that vanished on its own is only announced, without taking the focus from where the user is.
  useEffect(() => {
    if (notice.kind !== 'gone') ref.current?.focus();
  }, [notice]);
  return (
    <p ref={ref} role="status" tabIndex={-1} className={`partner-notice partner-notice-${notice.kind}`} data-testid="partner-notice">
      <span aria-hidden="true">{notice.kind === 'gone' ? 'ⓘ' : '✓'}</span> {text}{' '}
      <button type="button" className="partner-dismiss" onClick={onDismiss} aria-label={t('partnerDismiss')} title={t('partnerDismiss')}>
        ×
      </button>
    </p>
  );
}

function useNow(everyMs: number): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}

const SEX_WORDS: Record<string, string> = { female: 'partnerSexFemale', male: 'partnerSexMale', other: 'partnerSexOther' };
const CARE_LEVEL_WORDS: Record<string, string> = {
  'self-care': 'partnerCareSelfCare',
  'primary-care': 'partnerCarePrimaryCare',
  'emergency-department': 'partnerCareEmergencyDepartment',
  'social-care': 'partnerCareSocialCare',
  other: 'partnerCareOther',
};
const TRANSPORT_WORDS: Record<string, string> = {
  own: 'partnerTransportOwn',
  taxi: 'partnerTransportTaxi',
  'non-emergency-transport': 'partnerTransportNonEmergency',
  none: 'partnerTransportNone',
};

/** "nainen, 91 v": never a raw code; what is not known is said so. */
function patientOf(referral: Referral, t: Translate): string {
  const sex = t(SEX_WORDS[referral.patient.sex ?? ''] ?? 'partnerSexUnknown');
  return referral.patient.ageYears === undefined ? `${sex}, ${t('partnerAgeUnknown')}` : t('partnerAgeSex', { sex, age: referral.patient.ageYears });
}

function summaryOf(referral: Referral, t: Translate): string {
  return `${referral.municipality}, ${patientOf(referral, t)}`;
}

const careLevelWord = (level: string, t: Translate) => t(CARE_LEVEL_WORDS[level] ?? 'partnerCareOther');
const transportWord = (transport: string, t: Translate) => (TRANSPORT_WORDS[transport] ? t(TRANSPORT_WORDS[transport]!) : t('partnerNotGiven'));
const capitalised = (text: string) => text.charAt(0).toLocaleUpperCase() + text.slice(1);

/** Seconds of an ISO 8601 duration such as `PT2H` or `P1DT30M`; undefined if it is not one. */
function isoDurationSeconds(duration: string): number | undefined {
  const match = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/.exec(duration);
  if (!match || duration === 'P' || duration.endsWith('T')) return undefined;
  const [, days = '0', hours = '0', minutes = '0', seconds = '0'] = match;
  return Number(days) * 86_400 + Number(hours) * 3600 + Number(minutes) * 60 + Number(seconds);
}

/** What went wrong, in words: the server's reason when we have words for it. */
function reasonOf(caught: unknown, t: Translate): string {
  if (caught instanceof ApiError) {
    if (caught.status === 503) return t('partnerUnavailable');
    if (caught.body.reason === 'wrong-service') return t('partnerWrongService');
    if (caught.body.reason === 'not-awaiting-handoff') return t('not-awaiting-handoff');
  }
  return t('error');
}
