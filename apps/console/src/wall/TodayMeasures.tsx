import { useState } from 'react';
import { api, Session } from '../api';
import { helsinkiDate, helsinkiMidnightIso } from '../format';
import { useT } from '../i18n';
import type { EvaluationMeasures } from '../measures/evaluation';
import { hasEvaluation } from '../measures/evaluation';
import { EvaluationFigures } from '../measures/EvaluationFigures';
import type { WallLoad } from './wall-load';

/** What the snapshot's figures already show above the day's report. */
const SHOWN_ABOVE = ['unit-time', 'unit-hours', 'within-target', 'over-triage'] as const;

/**
 * Today's quality and effect on the supervisor's wall. The load snapshot carries the figures of
 * the day's work (measured unit time beside the assumption, contact within the target,
 * over-triage); the rest (re-contacts, care levels, consults, interpreter use, failed visits) is
 * today's load-reduction report, read when the supervisor opens it, so the wall opens on the
 * desk picture alone.
 */
export function TodayMeasures({ session, load }: { session: Session; load: WallLoad }) {
  const t = useT();
  const [report, setReport] = useState<EvaluationMeasures>();
  // The unit-hours avoided stand in the load reduction beside the year's; not twice on the wall.
  const today = { ...(load.loadReduction.today as EvaluationMeasures), unitHoursAvoided: undefined };
  if (!hasEvaluation(today)) return null;
  const read = () => {
    const now = Date.now();
    const query = `from=${encodeURIComponent(helsinkiMidnightIso(helsinkiDate(now)))}&to=${encodeURIComponent(new Date(now + 1000).toISOString())}`;
    api<{ totals: EvaluationMeasures }>(session, 'GET', `/api/reports/load-reduction?${query}`).then(
      ({ totals }) => setReport(totals),
      () => undefined,
    );
  };
  return (
    <section className="card wall-measures" aria-labelledby="wall-measures-title">
      <h3 id="wall-measures-title">{t('measures.titleToday')}</h3>
      <EvaluationFigures m={today} testId="wall-measures" />
      <details data-testid="wall-measures-more" onToggle={(event) => (event.currentTarget as HTMLDetailsElement).open && read()}>
        <summary>{t('measures.moreToday')}</summary>
        {report ? <EvaluationFigures m={report} testId="wall-measures-report" omit={SHOWN_ABOVE} /> : <p>{t('loading')}</p>}
      </details>
    </section>
  );
}
