import { careLevelWord } from '../disposition-words';
import { formatNumber, helsinkiDateTime } from '../format';
import { useLanguage, useT } from '../i18n';
import type { FollowingOutcome, PossibleUnderTriage } from './outcome-linkage';

const DECISION_WORDS = { 'phone-advice': 'phoneAdvice', redirect: 'redirect' } as const;
const FOLLOWED_WORDS = { 'ed-visit': 'linkage.followed.ed-visit', admission: 'linkage.followed.admission', death: 'linkage.followed.death' } as const;

/** The possible under-triage for a clinician's review: no personal data, the patient by pseudonym and the task by a short id. */
export function UnderTriageList({ cases }: { cases: PossibleUnderTriage[] }) {
  const t = useT();
  const language = useLanguage();
  // 11,4 h; a whole number of hours without its ,0.
  const hours = (value: number) => formatNumber(value, language, Number.isInteger(value) ? 0 : 1);
  const followed = (outcome: FollowingOutcome) => t(FOLLOWED_WORDS[outcome.kind], { hours: hours(outcome.hoursAfter) });
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
              <th>{t('linkage.col.careLevel')}</th>
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
