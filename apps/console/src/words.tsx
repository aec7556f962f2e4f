import { ApiError } from './api';
import { Translate, useT } from './i18n';

/** Flags that need action now carry a symbol besides their colour, so colour is never alone. */
const SEVERE_FLAGS = new Set(['s2-alert', 'red-flags', 'escalated', 'unreachable', 'second-contact', 'handoff-returned', 'repeat-call', 'identity-unverified', 'unit-overdue', 'recalls-failed']);

/** `calm`: the flags as a record only (a unit is on its way), with no colour or symbol calling to act now. */
export function FlagChips({ flags, calm = false }: { flags: string[]; calm?: boolean }) {
  const t = useT();
  if (flags.length === 0) return null;
  return (
    <span className="flags">
      {flags.map((flag) => (
        <span key={flag} className={calm ? 'flag' : `flag flag-${flag}`} data-flag={flag}>
          {SEVERE_FLAGS.has(flag) && !calm ? '⚠ ' : ''}
          {t(`flag.${flag}`)}
        </span>
      ))}
    </span>
  );
}

/** The task code's meaning, or nothing for a code the list does not hold. */
export function taskCodeText(t: Translate, code: string | undefined): string {
  if (!code) return '';
  const key = `code.${code}`;
  const text = t(key);
  return text === key ? '' : text;
}

/** A refusal in words: the service's reason code is never shown as it is. */
export function refusalText(t: Translate, caught: unknown): string {
  // The request or its answer was lost: the command may stand, and pressing again is safe.
  if (caught instanceof TypeError) return t('reason.noAnswer');
  if (caught instanceof ApiError) {
    if (caught.status === 503) return t('reason.unavailable');
    if (caught.status >= 500) return t('reason.noAnswer');
    if (caught.body.issues?.length) return t('reason.validation', { details: caught.body.issues.map((issue) => fieldName(t, issue.path)).join(', ') });
    const reason = caught.body.reason;
    if (reason && reasonWords(t, reason) !== t('reason.other')) return reasonWords(t, reason);
  }
  return t('reason.generic');
}

/** A decider's refusal code in words (the what-if's refused actions, a 409's reason). */
export function reasonWords(t: Translate, reason: string): string {
  for (const key of [`reason.${reason}`, reason]) {
    const text = t(key);
    if (text !== key) return text;
  }
  return t('reason.other');
}

function fieldName(t: Translate, path: string): string {
  const key = `field.${path}`;
  const text = t(key);
  return text === key ? path : text;
}

const LANGUAGE_MARKS: Record<string, string> = { sv: 'swedishSpeaking', en: 'englishSpeaking' };

/** A patient who speaks Swedish (or English) is marked where the nurse picks the task: a word, not a colour alone. */
export function LanguageMark({ language }: { language?: string | null }) {
  const t = useT();
  const key = language ? LANGUAGE_MARKS[language] : undefined;
  if (!key) return null;
  return (
    <span className={`flag flag-language flag-language-${language}`} data-testid="language-mark" data-language={language} lang={language ?? undefined}>
      {t(key)}
    </span>
  );
}
