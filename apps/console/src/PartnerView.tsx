import { useCallback, useEffect, useRef, useState } from 'react';
import { api, Session } from './api';
import { useLanguage, useT } from './i18n';
import { serviceNameIn } from './i18n/place-names';
import { ContactKind, ContactKindContext, contactKindOf, useContactWord } from './partner/contact-kind';
import { Notice, NoticeLine } from './partner/NoticeLine';
import { ReferralDetail } from './partner/ReferralDetail';
import { ReferralList } from './partner/ReferralList';
import { entryKey, PartnerReferral, stageOf } from './partner/referral-stage';
import { reasonOf } from './partner/referral-words';
import { useNow } from './partner/use-now';
import { VisitReport } from './partner/VisitReport';
import { useThrottledRefresh } from './throttled-refresh';
import './partner.css';

export type Referral = PartnerReferral;

/**
 * A receiving service answers the patients redirected to it, before the S6 limit returns them to
 * the centre's queue, and then reports each accepted patient's visit, done or failed, before the
 * visit limit does the same (contract v1.1). Each fetch of the inbox is a logged read of the
 * patients' data on the server. An entry is a referral at one stage (`entryKey`): accepting one
 * makes it a new entry in the second list, and nothing typed at one stage or for one patient
 * survives into another.
 */
export function PartnerView({ session, changes }: { session: Session; changes: number }) {
  const t = useT();
  const [referrals, setReferrals] = useState<Referral[]>([]);
  const [loaded, setLoaded] = useState(false);
  const [selected, setSelected] = useState<string>();
  const [notice, setNotice] = useState<Notice>();
  const [loadError, setLoadError] = useState<string>();
  const language = useLanguage();
  const [ownService, setOwnService] = useState<{ name: string; nameSv?: string }>();
  const [contactKind, setContactKind] = useState<ContactKind>('visit');
  const now = useNow(1000);
  // Entries answered here, and when: kept out of the list by a fetch that started before the answer
  // (it may still hold it), but not by later ones, so the same task redirected here again shows again.
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
      for (const [key, at] of answered.current) if (at < startedAt) answered.current.delete(key);
      const open = handoffs.filter((referral) => !answered.current.has(entryKey(referral)));
      const current = selectedRef.current;
      if (current && !answered.current.has(current) && !open.some((referral) => entryKey(referral) === current)) {
        // The opened one went away without our answer: timed out, or answered by a colleague.
        const gone = shown.current.find((referral) => entryKey(referral) === current);
        setSelected(undefined);
        setNotice({ kind: gone && stageOf(gone) === 'visit' ? 'visit-gone' : 'gone', referral: gone });
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
    api<{ services: { id: string; name: string; nameSv?: string; kind?: string }[] }>(session, 'GET', '/api/services').then(({ services }) => {
      const own = services.find((service) => service.id === session.service);
      setOwnService(own);
      setContactKind(contactKindOf(own?.kind));
    }, () => undefined);
  }, [session]);

  /** Takes a referral out of the list at once, as answered here or as no longer open, and says so. */
  function takeOut(referral: Referral, kind: Notice['kind']) {
    const key = entryKey(referral);
    answered.current.set(key, performance.now());
    selectedRef.current = undefined;
    shown.current = shown.current.filter((item) => entryKey(item) !== key);
    setReferrals((items) => items.filter((item) => entryKey(item) !== key));
    setSelected(undefined);
    setNotice({ kind, referral });
    refreshSoon();
  }

  const opened = referrals.find((referral) => entryKey(referral) === selected);
  const open = (referral: Referral) => {
    setSelected(entryKey(referral));
    setNotice(undefined);
  };
  return (
    <ContactKindContext.Provider value={contactKind}>
    <div className="partner">
      <section className="card partner-inbox" aria-labelledby="partner-inbox-title">
        <h2 id="partner-inbox-title">
          {t('partnerInbox')}
          {ownService && <span className="partner-service"> · {serviceNameIn(ownService, language)}</span>}
        </h2>
        {loadError && <p role="alert">{loadError}</p>}
        {notice && <NoticeLine notice={notice} onDismiss={() => setNotice(undefined)} />}
        {!loaded ? (
          !loadError && <p>{t('loading')}</p>
        ) : (
          <>
            <h3 className="partner-visits-title">{t('partnerAnswerTitle')}</h3>
            <ReferralList stage="answer" referrals={referrals.filter((referral) => stageOf(referral) === 'answer')} selected={selected} now={now} onOpen={open} />
            <VisitsTitle />
            <ReferralList stage="visit" referrals={referrals.filter((referral) => stageOf(referral) === 'visit')} selected={selected} now={now} onOpen={open} />
          </>
        )}
      </section>
      {/* Keyed by task and stage: a half-written decline or visit report never carries over to another patient. */}
      {opened && stageOf(opened) === 'answer' ? (
        <ReferralDetail
          key={entryKey(opened)}
          session={session}
          referral={opened}
          now={now}
          onAnswered={(kind) => takeOut(opened, kind)}
          onGone={() => takeOut(opened, 'gone')}
        />
      ) : opened ? (
        <VisitReport key={entryKey(opened)} session={session} referral={opened} now={now} onReported={(kind) => takeOut(opened, kind)} onGone={() => takeOut(opened, 'visit-gone')} />
      ) : (
        <section className="card partner-detail partner-placeholder">
          <p>{t('partnerSelect')}</p>
        </section>
      )}
    </div>
    </ContactKindContext.Provider>
  );
}

function VisitsTitle() {
  const t = useT();
  const word = useContactWord();
  return <h3 className="partner-visits-title">{t(word('partnerVisitsTitle'))}</h3>;
}
