import { useEffect, useRef } from 'react';
import { useLanguage, useT } from '../i18n';
import { useContactWord } from './contact-kind';
import type { PartnerReferral } from './referral-stage';
import { summaryOf } from './referral-words';

/** What became of a referral the partner had: answered or its visit reported here, or gone (at either stage). */
/** The referral itself, not its words: the line speaks the language chosen after it came. */
export type Notice = { kind: 'accepted' | 'declined' | 'completed' | 'failed' | 'gone' | 'visit-gone'; referral?: PartnerReferral };

const WORDS: Record<Notice['kind'], string> = {
  accepted: 'partnerAccepted',
  declined: 'partnerDeclined',
  completed: 'partnerCompleted',
  failed: 'partnerFailed',
  gone: 'partnerGone',
  'visit-gone': 'partnerVisitGone',
};
const isGone = (notice: Notice) => notice.kind === 'gone' || notice.kind === 'visit-gone';

export function NoticeLine({ notice, onDismiss }: { notice: Notice; onDismiss: () => void }) {
  const t = useT();
  const language = useLanguage();
  const word = useContactWord();
  const text = t(word(WORDS[notice.kind]), { what: notice.referral ? summaryOf(notice.referral, t, language) : '' });
  const ref = useRef<HTMLParagraphElement>(null);
  // After the user's own answer the buttons are gone: the keyboard lands on what happened. A referral
  // that vanished on its own is only announced, without taking the focus from where the user is.
  useEffect(() => {
    if (!isGone(notice)) ref.current?.focus();
  }, [notice]);
  return (
    <p ref={ref} role="status" tabIndex={-1} className={`partner-notice${isGone(notice) ? ' partner-notice-gone' : ''}`} data-kind={notice.kind} data-testid="partner-notice">
      <span aria-hidden="true">{isGone(notice) ? 'ⓘ' : '✓'}</span> {text}{' '}
      <button type="button" className="partner-dismiss" onClick={onDismiss} aria-label={t('partnerDismiss')} title={t('partnerDismiss')}>
        ×
      </button>
    </p>
  );
}
