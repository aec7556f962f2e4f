import type { ReferralView } from '@dtask/events';
import { useLanguage, useT } from '../i18n';
import { placeName } from '../i18n/place-names';
import { careLevelWord, transportWord, withinWords } from '../disposition-words';
import { phoneDisplay, telHref } from '../phone-display';
import { capitalised, languageName, patientOf } from './referral-words';

/** The package's patient language and interpreter need (v1.1 servers send them when the assessment told them). */
type Spoken = { language?: string; interpreter?: boolean };

/** What the centre tells the receiving service: why, the handoff note, the care asked for, and whom to call where. */
export function ReferralFacts({ referral }: { referral: ReferralView & Spoken }) {
  const t = useT();
  const language = useLanguage();
  const spoken = referral.language && languageName(referral.language, language);
  return (
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
          <dt>{t('dispositionCareLevel')}</dt>
          <dd>{careLevelWord(referral.careLevel, t)}</dd>
        </div>
      )}
      {referral.within && (
        <div>
          <dt>{t('partnerWithin')}</dt>
          <dd>{withinWords(referral.within, t)}</dd>
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
      {spoken && (
        <div>
          <dt>{t('partnerLanguage')}</dt>
          <dd data-testid="referral-language">{capitalised(referral.interpreter ? t('partnerInterpreter', { language: spoken }) : spoken)}</dd>
        </div>
      )}
      <div>
        <dt>{t('partnerCallback')}</dt>
        <dd>
          <a href={telHref(referral.callbackPhone)} aria-label={t('partnerCall', { phone: phoneDisplay(referral.callbackPhone) })} data-testid="referral-phone">
            {phoneDisplay(referral.callbackPhone)}
          </a>
        </dd>
      </div>
      <div>
        <dt>{t('partnerAddress')}</dt>
        <dd data-testid="referral-address">{referral.address}</dd>
      </div>
      <div>
        <dt>{t('partnerMunicipality')}</dt>
        <dd>{placeName(referral.municipality, language)}</dd>
      </div>
    </dl>
  );
}
