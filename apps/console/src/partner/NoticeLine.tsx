import { useEffect, useRef } from 'react';
import { useT } from '../i18n';

/** What became of a referral the partner had: answered here (accepted or declined), or gone. */
export type Notice = { kind: 'accepted' | 'declined' | 'gone'; what: string };

export function NoticeLine({ notice, onDismiss }: { notice: Notice; onDismiss: () => void }) {
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
