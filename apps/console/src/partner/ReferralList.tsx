import { useLanguage, useT } from '../i18n';
import { placeName } from '../i18n/place-names';
import { useContactWord } from './contact-kind';
import { AnswerBy } from './AnswerBy';
import { patientOf } from './referral-words';
import { entryKey, PartnerReferral, Stage } from './referral-stage';

/** One of the inbox's two lists: the referrals to answer, or the accepted ones whose visit to report. */
export function ReferralList({ stage, referrals, selected, now, onOpen }: { stage: Stage; referrals: PartnerReferral[]; selected?: string; now: number; onOpen: (referral: PartnerReferral) => void }) {
  const t = useT();
  const language = useLanguage();
  const word = useContactWord();
  if (referrals.length === 0) {
    return <p data-testid={stage === 'answer' ? 'partner-empty' : 'partner-visits-empty'}>{t(stage === 'answer' ? 'partnerEmpty' : word('partnerVisitsEmpty'))}</p>;
  }
  return (
    <>
      <p className="partner-count" data-testid={stage === 'answer' ? 'partner-count' : 'partner-visit-count'}>
        {stage === 'answer' ? t('partnerWaitingCount', { count: referrals.length }) : referrals.length === 1 ? t(word('partnerVisitCountOne')) : t(word('partnerVisitCount'), { count: referrals.length })}
      </p>
      <ul className="partner-list" data-testid={stage === 'answer' ? 'partner-list' : 'partner-visits'}>
        {referrals.map((referral) => (
          <li key={entryKey(referral)}>
            <button type="button" data-task-id={referral.taskId} aria-current={entryKey(referral) === selected ? 'true' : undefined} onClick={() => onOpen(referral)}>
              <strong>{placeName(referral.municipality, language)}</strong> · {patientOf(referral, t)}
              {stage === 'answer' ? <AnswerBy answerBy={referral.answerBy} now={now} compact /> : referral.visitBy && <AnswerBy answerBy={referral.visitBy} now={now} compact kind="visit" />}
            </button>
          </li>
        ))}
      </ul>
    </>
  );
}
