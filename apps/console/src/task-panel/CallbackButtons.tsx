import { useT } from '../i18n';
import { CALLBACK_OUTCOMES } from '../../../../libs/events/src/vocabulary-values';

type CallbackOutcome = (typeof CALLBACK_OUTCOMES)[number];

/** The keys of a call's outcome, 1–4, as a first call's callback or as the follow-up call. */
export function OutcomeButtons({ busy, followUp = false, onOutcome }: { busy: boolean; followUp?: boolean; onOutcome: (outcome: CallbackOutcome) => void }) {
  const t = useT();
  return (
    <>
      {CALLBACK_OUTCOMES.map((outcome, index) => (
        <button key={outcome} onClick={() => onOutcome(outcome)} {...(followUp ? { 'data-follow-up-outcome': outcome } : { 'data-outcome': outcome })} disabled={busy}>
          <kbd>{index + 1}</kbd> {t(outcome)}
        </button>
      ))}
    </>
  );
}

/** Hands the task back to the queue (key `r`). */
export function ReleaseButton({ busy, onRelease }: { busy: boolean; onRelease: () => void }) {
  const t = useT();
  return (
    <button className="secondary" onClick={onRelease} data-testid="release" disabled={busy}>
      <kbd>r</kbd> {t('releaseTask')}
    </button>
  );
}

/** The first call's attempts: how the call went, and the task handed back. */
export function CallbackSection({ busy, mine, onOutcome, onRelease }: { busy: boolean; mine: boolean; onOutcome: (outcome: CallbackOutcome) => void; onRelease: () => void }) {
  const t = useT();
  return (
    <fieldset data-section="callback">
      <legend>
        {t('callback')} <kbd>1</kbd>–<kbd>4</kbd>
      </legend>
      <OutcomeButtons busy={busy} onOutcome={onOutcome} />
      {mine && <ReleaseButton busy={busy} onRelease={onRelease} />}
    </fieldset>
  );
}
