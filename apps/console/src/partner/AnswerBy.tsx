import { formatDuration, helsinkiDateTime, helsinkiTime } from '../format';
import { useLanguage, useT } from '../i18n';
import { useContactWord } from './contact-kind';

/** Less than this left to answer is shown as urgent (with a word and a symbol, not colour alone). */
const SOON_SECONDS = 5 * 60;

/** The answer's limit is minutes away, said as a time of day; the visit's is up to a day away, said with its date. */
const WORDS = {
  answer: { by: 'partnerAnswerBy', overdue: 'partnerOverdue' },
  visit: { by: 'partnerVisitBy', overdue: 'partnerVisitOverdue' },
} as const;

/** "Vastattava klo 10.52 mennessä (14 min)", counting down; past the limit, says what happens instead. */
export function AnswerBy({ answerBy, now, compact = false, kind = 'answer' }: { answerBy: string; now: number; compact?: boolean; kind?: 'answer' | 'visit' }) {
  const t = useT();
  const language = useLanguage();
  const word = useContactWord();
  const time = kind === 'answer' ? helsinkiTime(answerBy, language) : helsinkiDateTime(answerBy, language);
  const words = WORDS[kind];
  const left = Math.floor((Date.parse(answerBy) - now) / 1000);
  if (left <= 0) {
    return <span className="partner-deadline partner-overdue" data-testid={kind === 'answer' ? 'answer-by' : 'visit-by'}>⚠ {compact ? time : t(word(words.overdue), { time })}</span>;
  }
  const soon = left < SOON_SECONDS;
  return (
    <span className={`partner-deadline${soon ? ' partner-soon' : ''}`} data-testid={kind === 'answer' ? 'answer-by' : 'visit-by'}>
      {soon && <>⚠ {t('partnerSoon')}: </>}
      {t(word(words.by), { time, left: formatDuration(left) })}
    </span>
  );
}
