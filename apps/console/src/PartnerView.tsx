import { useCallback, useEffect, useRef, useState } from 'react';
import type { ReferralView } from '@dtask/events';
import { api, Session } from './api';
import { useT } from './i18n';
import { AnswerBy } from './partner/AnswerBy';
import { Notice, NoticeLine } from './partner/NoticeLine';
import { ReferralDetail } from './partner/ReferralDetail';
import { patientOf, reasonOf, summaryOf } from './partner/referral-words';
import { useNow } from './partner/use-now';
import { useThrottledRefresh } from './throttled-refresh';
import './partner.css';

export type Referral = ReferralView;

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

  /** Takes a referral out of the list at once, as answered here or as no longer open, and says so. */
  function takeOut(referral: Referral, kind: Notice['kind']) {
    answered.current.set(referral.taskId, performance.now());
    selectedRef.current = undefined;
    shown.current = shown.current.filter((item) => item.taskId !== referral.taskId);
    setReferrals((items) => items.filter((item) => item.taskId !== referral.taskId));
    setSelected(undefined);
    setNotice({ kind, what: summaryOf(referral, t) });
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
          onAnswered={(kind) => takeOut(opened, kind)}
          onGone={() => takeOut(opened, 'gone')}
        />
      ) : (
        <section className="card partner-detail partner-placeholder">
          <p>{t('partnerSelect')}</p>
        </section>
      )}
    </div>
  );
}
