import { useEffect, useState } from 'react';
import { api, Session } from '../api';
import { formatNumber, formatPercent, helsinkiDateTime, helsinkiDay } from '../format';
import { useLanguage, useT } from '../i18n';
import { Fetched, fetched, FetchState } from '../TimeTravel';
import { followedIncompletely, OutcomeCount, OutcomeLinkage } from './outcome-linkage';
import { UnderTriageList } from './UnderTriageList';

/**
 * What followed the period's decisions without a unit in the county's registers (the imported
 * outcomes), and the cases for a clinician's review. Per-group figures are in the measures CSV.
 */
export function OutcomeSection({ session, window, periodEnd }: { session: Session; window: string; periodEnd: string }) {
  const t = useT();
  const language = useLanguage();
  const [report, setReport] = useState<Fetched<{ outcomes: OutcomeLinkage }>>({ state: 'loading' });
  useEffect(() => {
    let current = true;
    setReport({ state: 'loading' });
    void fetched(api<{ outcomes: OutcomeLinkage }>(session, 'GET', `/api/reports/outcomes?${window}`)).then((result) => current && setReport(result));
    return () => {
      current = false;
    };
  }, [session, window]);
  const n = (value: number) => formatNumber(value, language);
  const counted = (c: OutcomeCount) => t('linkage.countRate', { count: n(c.count), rate: formatPercent(c.rate, language, 1) });
  const o = report.state === 'ready' ? report.value.outcomes : undefined;
  const rates = [
    ['edWithin24h', t('linkage.edWithin24h')],
    ['edWithin48h', t('linkage.edWithin48h')],
    ['admissionWithin48h', t('linkage.admissionWithin48h')],
    ['deathWithin30d', t('linkage.deathWithin30d')],
  ] as const;
  return (
    <section className="card" aria-labelledby="outcomes-title" data-testid="outcomes">
      <h2 id="outcomes-title">{t('linkage.title')}</h2>
      <FetchState of={report} loading={t('loading')} t={t} />
      {o && (
        <>
          <p className="notice" data-testid="outcomes-imported">
            {o.outcomesThrough === null
              ? t('linkage.noneImported')
              : t(o.outcomesImported === 1 ? 'linkage.importedOne' : 'linkage.imported', { count: n(o.outcomesImported), time: helsinkiDateTime(o.outcomesThrough, language) })}
          </p>
          {o.outcomesThrough !== null && o.noUnitDecisions > 0 && followedIncompletely(periodEnd, o.outcomesThrough) && (
            <p className="notice" data-testid="outcomes-incomplete">
              {t('linkage.incomplete', { date: helsinkiDay(o.outcomesThrough, language) })}
            </p>
          )}
          {o.noUnitDecisions === 0 ? (
            <p data-testid="outcomes-no-decisions">{t('linkage.noDecisions')}</p>
          ) : (
            <>
              <dl className="evaluation-figures" data-testid="outcome-figures">
                <div data-outcome="noUnitDecisions">
                  <dt>{t('linkage.noUnitDecisions')}</dt>
                  <dd>{n(o.noUnitDecisions)}</dd>
                </div>
                {rates.map(([key, term]) => (
                  <div key={key} data-outcome={key}>
                    <dt>{term}</dt>
                    <dd>{counted(o[key])}</dd>
                  </div>
                ))}
              </dl>
              <UnderTriageList cases={o.possibleUnderTriage} />
            </>
          )}
        </>
      )}
    </section>
  );
}
