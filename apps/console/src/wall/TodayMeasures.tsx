import { useEffect, useState } from 'react';
import { api, Session } from '../api';
import { helsinkiDate, helsinkiMidnightIso } from '../format';
import { useT } from '../i18n';
import type { EvaluationMeasures } from '../measures/evaluation';
import { hasEvaluation } from '../measures/evaluation';
import { EvaluationFigures } from '../measures/EvaluationFigures';

/** Today's report is read again this often: the measures move slowly, unlike the queue. */
const REFRESH_MS = 60_000;

/**
 * Today's quality and effect on the supervisor's wall, from the load-reduction report of today so
 * far (Helsinki midnight to now): the load snapshot carries the load, not these.
 */
export function TodayMeasures({ session }: { session: Session }) {
  const t = useT();
  const [today, setToday] = useState<EvaluationMeasures>();
  useEffect(() => {
    let live = true;
    const read = () => {
      const now = Date.now();
      const query = `from=${encodeURIComponent(helsinkiMidnightIso(helsinkiDate(now)))}&to=${encodeURIComponent(new Date(now + 1000).toISOString())}`;
      api<{ totals: EvaluationMeasures }>(session, 'GET', `/api/reports/load-reduction?${query}`).then(
        ({ totals }) => live && setToday(totals),
        () => undefined,
      );
    };
    read();
    const timer = setInterval(read, REFRESH_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [session]);
  if (!today || !hasEvaluation(today)) return null;
  return (
    <section className="card wall-measures" aria-labelledby="wall-measures-title">
      <h3 id="wall-measures-title">{t('measures.titleToday')}</h3>
      <EvaluationFigures m={today} testId="wall-measures" />
    </section>
  );
}
