import { FormEvent, useState } from 'react';
import { api, Session } from './api';
import { formatDuration, formatNumber, formatPercent } from './format';
import type { Language } from './i18n';
import { fetched, Fetched, FetchState } from './TimeTravel';
import { reasonWords } from './words';

/** The limits an analyst may try, in the order domain.md names the rules. */
const LIMITS = ['s1FailedAttempts', 's1MinutesAfterFirstFailure', 's2AlertMinutes', 's2DispatchMinutes', 's4SecondContactHours', 's6HandoffMinutes'] as const;
type Limit = (typeof LIMITS)[number];

interface Side {
  rules: Record<Limit, number>;
  firings: Record<string, number>;
  measures: {
    tasks: number;
    resolvedWithoutUnit: number;
    resolvedWithoutUnitShare: number;
    unitRequested: number;
    unitHoursAvoided: number;
    yearlyRate: number;
    timeToContact: { medianSeconds: number | null; p90Seconds: number | null };
    timeToDecision: { medianSeconds: number | null; p90Seconds: number | null };
  };
}

export interface WhatIfReport {
  actual: Side;
  whatIf: Side;
  tasksChanged: number;
  actionsRefused: Record<string, number>;
}

type Row = { key: string; value(side: Side): number | null; format?: 'seconds' | 'share' | 'decimal' };

/** What the table compares, side by side. */
const ROWS: Row[] = [
  { key: 'resolvedWithoutUnit', value: (s) => s.measures.resolvedWithoutUnit },
  { key: 'resolvedShare', value: (s) => s.measures.resolvedWithoutUnitShare, format: 'share' },
  { key: 'unitRequested', value: (s) => s.measures.unitRequested },
  { key: 'unitHoursAvoided', value: (s) => s.measures.unitHoursAvoided, format: 'decimal' },
  { key: 'yearlyRate', value: (s) => s.measures.yearlyRate },
  { key: 's1UnreachableDispatches', value: (s) => s.firings.s1UnreachableDispatches ?? 0 },
  { key: 's2Alerts', value: (s) => s.firings.s2Alerts ?? 0 },
  { key: 's2WaitingLimitDispatches', value: (s) => s.firings.s2WaitingLimitDispatches ?? 0 },
  { key: 's4SecondContactsFlagged', value: (s) => s.firings.s4SecondContactsFlagged ?? 0 },
  { key: 's6HandoffTimeouts', value: (s) => s.firings.s6HandoffTimeouts ?? 0 },
  { key: 'contactMedian', value: (s) => s.measures.timeToContact.medianSeconds, format: 'seconds' },
  { key: 'contactP90', value: (s) => s.measures.timeToContact.p90Seconds, format: 'seconds' },
  { key: 'decisionMedian', value: (s) => s.measures.timeToDecision.medianSeconds, format: 'seconds' },
  { key: 'decisionP90', value: (s) => s.measures.timeToDecision.p90Seconds, format: 'seconds' },
];

/**
 * The period replayed under other safety limits, beside what happened. Empty fields keep the
 * configured limit. The server never writes anything for a what-if.
 */
export function WhatIf({ session, window, language, t }: { session: Session; window: string; language: Language; t: (key: string) => string }) {
  const [limits, setLimits] = useState<Partial<Record<Limit, string>>>({});
  const [report, setReport] = useState<Fetched<WhatIfReport>>({ state: 'idle' });

  async function run(event: FormEvent) {
    event.preventDefault();
    setReport({ state: 'loading' });
    const tried = LIMITS.filter((limit) => limits[limit]).map((limit) => `&${limit}=${encodeURIComponent(limits[limit]!)}`).join('');
    setReport(await fetched(api<WhatIfReport>(session, 'GET', `/api/replay/what-if?${window}${tried}`)));
  }

  const show = (value: number | null, format?: Row['format']) =>
    value === null
      ? '–'
      : format === 'seconds'
        ? formatDuration(value)
        : format === 'share'
          ? formatPercent(value, language, 1)
          : formatNumber(value, language, format === 'decimal' ? 1 : 0);

  return (
    <section className="card" aria-label={t('whatIf')}>
      <h2>{t('whatIf')}</h2>
      <form className="inline" onSubmit={(event) => void run(event)}>
        {LIMITS.map((limit) => (
          <label key={limit}>
            {t(limit)}
            <input
              type="number"
              name={limit}
              min={1}
              step={1}
              placeholder={report.state === 'ready' ? String(report.value.actual.rules[limit]) : t('asConfigured')}
              value={limits[limit] ?? ''}
              onChange={(event) => setLimits({ ...limits, [limit]: event.target.value })}
            />
          </label>
        ))}
        <button type="submit">{t('runWhatIf')}</button>
      </form>
      <FetchState of={report} loading={t('replaying')} t={t} />
      {report.state === 'ready' && (
        <>
          <table className="figures-table" data-testid="what-if-table">
            <thead>
              <tr>
                <th />
                <th>{t('whatHappened')}</th>
                <th>{t('whatIf')}</th>
              </tr>
            </thead>
            <tbody>
              {ROWS.map((row) => (
                <tr key={row.key} data-row={row.key}>
                  <th scope="row">{t(row.key)}</th>
                  <td data-side="actual">{show(row.value(report.value.actual), row.format)}</td>
                  <td data-side="what-if">{show(row.value(report.value.whatIf), row.format)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p data-testid="what-if-summary">
            {t('tasksChanged')}: <strong data-testid="tasks-changed">{formatNumber(report.value.tasksChanged, language)}</strong>
            {Object.keys(report.value.actionsRefused).length > 0 && (
              <>
                {' '}· {t('actionsRefused')}: {Object.entries(report.value.actionsRefused).map(([reason, count]) => `${reasonWords(t, reason)} ${formatNumber(count, language)}`).join(', ')}
              </>
            )}
          </p>
        </>
      )}
    </section>
  );
}
