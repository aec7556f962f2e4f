import { createContext, useContext } from 'react';

/**
 * How the receiving service reaches an accepted patient: home care and the like visit, a helpline
 * (116117) calls. The stage after acceptance is worded by it (`partnerVisitBy` or `partnerVisitByCall`).
 */
export type ContactKind = 'visit' | 'call';

export const contactKindOf = (serviceKind: string | undefined): ContactKind => (serviceKind === 'helpline' ? 'call' : 'visit');

export const ContactKindContext = createContext<ContactKind>('visit');

/** The words of a visit that a call says otherwise: each has its `…Call` twin in i18n/partner.ts. */
const CALL_WORDS = new Set([
  'partnerVisitsTitle', 'partnerVisitCount', 'partnerVisitCountOne', 'partnerVisitsEmpty', 'partnerVisitBy', 'partnerVisitOverdue', 'partnerReportVisit',
  'partnerReportFailed', 'partnerVisitTitle', 'partnerVisitedOn', 'partnerSendVisit', 'partnerFailTitle', 'partnerAccepted', 'partnerCompleted', 'partnerFailed', 'partnerVisitGone',
]);

/** The key of a visit's words as this service's contact says them. */
export function useContactWord(): (key: string) => string {
  const kind = useContext(ContactKindContext);
  return (key) => (kind === 'call' && CALL_WORDS.has(key) ? `${key}Call` : key);
}
