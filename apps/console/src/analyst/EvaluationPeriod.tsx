import { useEffect, useState } from 'react';
import { api, Session } from '../api';
import { useT } from '../i18n';
import type { EvaluationMeasures } from '../measures/evaluation';
import { hasEvaluation } from '../measures/evaluation';
import { EvaluationFigures } from '../measures/EvaluationFigures';
import { Fetched, fetched, FetchState } from '../TimeTravel';

/** The period's quality and effect, from the load-reduction report's totals over the same window as the charts. */
export function EvaluationPeriod({ session, window }: { session: Session; window: string }) {
  const t = useT();
  const [report, setReport] = useState<Fetched<{ totals: EvaluationMeasures }>>({ state: 'loading' });
  useEffect(() => {
    let current = true;
    setReport({ state: 'loading' });
    void fetched(api<{ totals: EvaluationMeasures }>(session, 'GET', `/api/reports/load-reduction?${window}`)).then((result) => current && setReport(result));
    return () => {
      current = false;
    };
  }, [session, window]);
  return (
    <section className="card" aria-labelledby="analyst-evaluation-title">
      <h2 id="analyst-evaluation-title">{t('measures.titlePeriod')}</h2>
      <FetchState of={report} loading={t('loading')} t={t} />
      {report.state === 'ready' &&
        (hasEvaluation(report.value.totals) ? <EvaluationFigures m={report.value.totals} testId="analyst-measures" /> : <p>{t('measures.notAvailable')}</p>)}
    </section>
  );
}
