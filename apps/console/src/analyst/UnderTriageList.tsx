import { careLevelWord } from '../disposition-words';
import { formatNumber, helsinkiDateTime } from '../format';
import { Language, Translate, useLanguage, useT } from '../i18n';
import type { FollowingOutcome, PossibleUnderTriage } from './outcome-linkage';

const DECISION_WORDS = { 'phone-advice': 'phoneAdvice', redirect: 'redirect' } as const;
const FOLLOWED_WORDS = { 'ed-visit': 'linkage.followed.ed-visit', admission: 'linkage.followed.admission', death: 'linkage.followed.death' } as const;

/** Up to two days in hours (`11,4 h`); longer in days and hours as the language writes them (`27 vrk 6 h`, `27 d 6 h`). */
export function timeAfter(hours: number, t: Translate, language: Language): string {
  if (hours <= 48) return `${formatNumber(hours, language, Number.isInteger(hours) ? 0 : 1)} h`;
  const whole = Math.round(hours);
  const [days, rest] = [Math.floor(whole / 24), whole % 24];
  return rest === 0 ? t('analyst.days', { days: formatNumber(days, language) }) : t('analyst.daysHours', { days: formatNumber(days, language), hours: formatNumber(rest, language) });
}

/** The possible under-triage for a clinician's review: no personal data, the patient by pseudonym and the task by a short id. */
export function UnderTriageList({ cases }: { cases: PossibleUnderTriage[] }) {
  const t = useT();
  const language = useLanguage();
  const followed = (outcome: FollowingOutcome) => t(FOLLOWED_WORDS[outcome.kind], { after: timeAfter(outcome.hoursAfter, t, language) });
  return (
    <section className="under-triage" aria-labelledby="under-triage-title" data-testid="under-triage">
      <h3 id="under-triage-title">{t('linkage.review', { count: formatNumber(cases.length, language) })}</h3>
      <p>{t('linkage.reviewWhy')}</p>
      {cases.length === 0 ? (
        <p>{t('linkage.reviewNone')}</p>
      ) : (
        <table className="figures-table" data-testid="under-triage-table">
          <thead>
            <tr>
              <th>{t('linkage.col.decidedAt')}</th>
              <th>{t('linkage.col.decision')}</th>
              <th>{t('dispositionCareLevel')}</th>
              <th>{t('linkage.col.followed')}</th>
              <th>{t('linkage.col.patient')}</th>
              <th>{t('linkage.col.task')}</th>
            </tr>
          </thead>
          <tbody>
            {cases.map((c) => (
              <tr key={c.taskId} data-task={c.taskId}>
                <td data-column="decidedAt">{helsinkiDateTime(c.decidedAt, language)}</td>
                <td data-column="decision">{t(DECISION_WORDS[c.decision])}</td>
                <td data-column="careLevel">{c.careLevel ? careLevelWord(c.careLevel, t) : '–'}</td>
                <td data-column="followed">
                  <ul className="followed">
                    {c.followed.map((outcome) => (
                      <li key={`${outcome.kind}-${outcome.at}`}>{followed(outcome)}</li>
                    ))}
                  </ul>
                </td>
                <td data-column="patient">
                  <code>{c.patientRef}</code>
                </td>
                <td data-column="task">
                  <code title={c.taskId}>{c.taskId.slice(0, 8)}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
