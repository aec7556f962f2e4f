import type { MonthlyChartPoint } from '@dtask/events';
import { monthLabel } from '../AnalystCharts';
import { formatDuration, formatNumber, formatPercent } from '../format';
import { Language, useT } from '../i18n';

/** Issue 14's measures month by month (the charts' monthly points); a month of an older server shows dashes. */
type Month = MonthlyChartPoint & Partial<Pick<MonthlyChartPoint, 'unitMinutesMedian' | 'withinTargetShare' | 'overTriageShare' | 'consults' | 'interpreter' | 'failedVisits'>>;

export function EvaluationMonthly({ monthly, language }: { monthly: Month[]; language: Language }) {
  const t = useT();
  if (!monthly.some((m) => m.withinTargetShare !== undefined)) return null;
  // A share of nothing is no share: a month without tasks (or without units, for over-triage) shows a dash.
  const pct = (share: number | undefined, of: number) => (share === undefined || of === 0 ? '–' : formatPercent(share, language, 1));
  const count = (value: number | undefined) => (value === undefined ? '–' : formatNumber(value, language));
  const columns: [string, string, (m: Month) => string][] = [
    ['unitMinutesMedian', t('measures.col.unitMinutes'), (m) => (m.unitMinutesMedian === null || m.unitMinutesMedian === undefined ? '–' : formatDuration(m.unitMinutesMedian * 60))],
    ['withinTargetShare', t('measures.col.withinTarget'), (m) => pct(m.withinTargetShare, m.tasks)],
    ['overTriageShare', t('measures.col.overTriage'), (m) => pct(m.overTriageShare, m.unitRequested)],
    ['recontactRate24h', t('measures.col.recontacts24'), (m) => pct(m.recontactRate24h, m.tasks)],
    ['recontactRate72h', t('measures.col.recontacts72'), (m) => pct(m.recontactRate72h, m.tasks)],
    ['consults', t('measures.col.consults'), (m) => count(m.consults)],
    ['interpreter', t('measures.col.interpreter'), (m) => count(m.interpreter)],
    ['failedVisits', t('measures.col.failedVisits'), (m) => count(m.failedVisits)],
  ];
  return (
    // Below the period's figures, opened for the months one by one.
    <details className="card evaluation-monthly" data-testid="evaluation-monthly">
      <summary>
        <h2>{t('measures.monthly')}</h2>
      </summary>
      <table className="figures-table" data-testid="evaluation-monthly-table">
        <thead>
          <tr>
            <th>{t('month')}</th>
            {columns.map(([key, label]) => (
              <th key={key} title={key.startsWith('recontact') ? t('measures.recontactsExplained') : undefined}>
                {label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {monthly.map((m) => (
            <tr key={m.month} data-evaluation-month={m.month}>
              <th scope="row">{monthLabel(m.month, language)}</th>
              {columns.map(([key, , value]) => (
                <td key={key} data-column={key}>
                  {value(m)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
