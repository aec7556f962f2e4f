import type { ReferralView } from '@dtask/events';
import { ApiError } from '../api';
import { Language, Translate } from '../i18n';
import { placeName } from '../i18n/place-names';
import { reasonWords } from '../words';

// A referral's codes in the partner's words (a .tsx file, so the words test finds its keys).

const SEX_WORDS: Record<string, string> = { female: 'partnerSexFemale', male: 'partnerSexMale', other: 'partnerSexOther' };
/** "nainen, 91 v": never a raw code; what is not known is said so. */
export function patientOf(referral: ReferralView, t: Translate): string {
  const sex = t(SEX_WORDS[referral.patient.sex ?? ''] ?? 'partnerSexUnknown');
  return referral.patient.ageYears === undefined ? `${sex}, ${t('partnerAgeUnknown')}` : t('partnerAgeSex', { sex, age: referral.patient.ageYears });
}

export function summaryOf(referral: ReferralView, t: Translate, language: Language): string {
  return `${placeName(referral.municipality, language)}, ${patientOf(referral, t)}`;
}

export const capitalised = (text: string) => text.charAt(0).toLocaleUpperCase() + text.slice(1);

/** "Uleåborg · Kvinna, 48 år": the referral's heading, the municipality as the language names it. */
export const headingOf = (referral: ReferralView, t: Translate, language: Language) => `${placeName(referral.municipality, language)} · ${capitalised(patientOf(referral, t))}`;

/** "ruotsi", "svenska": a language code as the language in use names it, never the code itself. */
export function languageName(code: string, language: Language): string {
  const name = new Intl.DisplayNames([language], { type: 'language' }).of(code);
  return name && name !== code ? name : code;
}

/** What went wrong, in words: the server's reason when we have words for it. */
export function reasonOf(caught: unknown, t: Translate): string {
  if (caught instanceof ApiError) {
    if (caught.status === 503) return t('partnerUnavailable');
    if (caught.body.reason === 'wrong-service') return t('partnerWrongService');
    if (caught.body.reason === 'not-awaiting-handoff') return t('not-awaiting-handoff');
    if (caught.body.reason) return reasonWords(t, caught.body.reason);
  }
  return t('error');
}
