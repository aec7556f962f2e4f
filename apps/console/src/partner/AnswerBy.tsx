import { formatDuration, helsinkiTime } from '../format';
import { useLanguage, useT } from '../i18n';

/** Less than this left to answer is shown as urgent (with a word and a symbol, not colour alone). */
const SOON_SECONDS = 5 * 60;

/** "Vastattava klo 10.52 (14 min)", counting down; past the limit, says what happens instead. */
export function AnswerBy({ answerBy, now, compact = false }: { answerBy: string; now: number; compact?: boolean }) {
  const t = useT();
  const language = useLanguage();
  const time = helsinkiTime(answerBy, language);
  const left = Math.floor((Date.parse(answerBy) - now) / 1000);
  if (left <= 0) {
    return <span className="partner-deadline partner-overdue" data-testid="answer-by">⚠ {compact ? time : t('partnerOverdue', { time })}</span>;
  }
  const soon = left < SOON_SECONDS;
  return (
    <span className={`partner-deadline${soon ? ' partner-soon' : ''}`} data-testid="answer-by">
      {soon && <>⚠ {t('partnerSoon')}: </>}
      {t('partnerAnswerBy', { time, left: formatDuration(left) })}
    </span>
  );
}
