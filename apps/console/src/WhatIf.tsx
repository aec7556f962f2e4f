import { FormEvent, useState } from 'react';
import { api, Session } from './api';
import { formatDuration, formatNumber, formatPercent } from './format';
import { Language, useT } from './i18n';
import type { EvaluationMeasures } from './measures/evaluation';
import { evaluationRows } from './measures/EvaluationFigures';
import { fetched, Fetched, FetchState } from './TimeTravel';
import { reasonWords } from './words';

/** The limits an analyst may try, in the order domain.md names the rules, then the visit limit of a redirect. */
const LIMITS = ['s1FailedAttempts', 's1MinutesAfterFirstFailure', 's2AlertMinutes', 's2DispatchMinutes', 's4SecondContactHours', 's6HandoffMinutes', 'handoffVisitHours'] as const;
type Limit = (typeof LIMITS)[number];
/** Limits whose words are the analyst view's own (the others' are base.ts's, by the limit's name). */
const LIMIT_WORDS: Partial<Record<Limit, string>> = { handoffVisitHours: 'analyst.handoffVisitHours' };

interface Side {
  rules: Record<Limit, number>;
  firings: Record<string, number>;
  /** Issue 14's measures too (docs/measures.md): both sides are measured by the same measure(). */
  measures: EvaluationMeasures & {
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
  // Said with the measured time below where the server measures it.
  { key: 'unitHoursAvoided', value: (s) => (s.measures.unitHoursAvoidedMeasured === undefined ? s.measures.unitHoursAvoided : null), format: 'decimal' },
  { key: 'yearlyRate', value: (s) => s.measures.yearlyRate },
  { key: 's1UnreachableDispatches', value: (s) => s.firings.s1UnreachableDispatches ?? 0 },
  { key: 's2Alerts', value: (s) => s.firings.s2Alerts ?? 0 },
  { key: 's2WaitingLimitDispatches', value: (s) => s.firings.s2WaitingLimitDispatches ?? 0 },
  { key: 's4SecondContactsFlagged', value: (s) => s.firings.s4SecondContactsFlagged ?? 0 },
  { key: 's6HandoffTimeouts', value: (s) => s.firings.s6HandoffTimeouts ?? 0 },
  { key: 'analyst.firing.s8RecallsFailed', value: (s) => s.firings.s8RecallsFailed ?? null },
  { key: 'analyst.firing.s8UnitOverdue', value: (s) => s.firings.s8UnitOverdue ?? null },
  { key: 'analyst.firing.handoffVisitsOverdue', value: (s) => s.firings.handoffVisitsOverdue ?? null },
  { key: 'contactMedian', value: (s) => s.measures.timeToContact.medianSeconds, format: 'seconds' },
  { key: 'contactP90', value: (s) => s.measures.timeToContact.p90Seconds, format: 'seconds' },
  { key: 'decisionMedian', value: (s) => s.measures.timeToDecision.medianSeconds, format: 'seconds' },
  { key: 'decisionP90', value: (s) => s.measures.timeToDecision.p90Seconds, format: 'seconds' },
];

/**
 * The period replayed under other safety limits, beside what happened. Empty fields keep the
 * configured limit. The server never writes anything for a what-if.
 */
export function WhatIf({ session, window, language }: { session: Session; window: string; language: Language }) {
  const t = useT();
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
            {t(LIMIT_WORDS[limit] ?? limit)}
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
              {ROWS.filter((row) => row.value(report.value.actual) !== null || row.value(report.value.whatIf) !== null).map((row) => (
                <tr key={row.key} data-row={row.key}>
                  <th scope="row">{t(row.key)}</th>
                  <td data-side="actual">{show(row.value(report.value.actual), row.format)}</td>
                  <td data-side="what-if">{show(row.value(report.value.whatIf), row.format)}</td>
                </tr>
              ))}
              <MeasureRows actual={report.value.actual.measures} whatIf={report.value.whatIf.measures} language={language} />
            </tbody>
          </table>
          <Summary report={report.value} language={language} />
        </>
      )}
    </section>
  );
}

/** Issue 14's measures in words, each beside its other side; a measure one side lacks shows a dash there. */
function MeasureRows({ actual, whatIf, language }: { actual: EvaluationMeasures; whatIf: EvaluationMeasures; language: Language }) {
  const t = useT();
  const [before, after] = [evaluationRows(actual, t, language, true), evaluationRows(whatIf, t, language, true)];
  const keys = [...new Set([...before, ...after].map(([key]) => key))];
  const valueOf = (rows: typeof before, key: string) => rows.find(([other]) => other === key)?.[2] ?? '–';
  return (
    <>
      {keys.map((key) => (
        <tr key={key} data-row={key} data-measure={key}>
          <th scope="row">{(before.find(([other]) => other === key) ?? after.find(([other]) => other === key))![1]}</th>
          <td data-side="actual">{valueOf(before, key)}</td>
          <td data-side="what-if">{valueOf(after, key)}</td>
        </tr>
      ))}
    </>
  );
}

/** The tasks whose outcome changes, and the recorded actions the limits would refuse, one reason a line with its count. */
function Summary({ report, language }: { report: WhatIfReport; language: Language }) {
  const t = useT();
  const refused = Object.entries(report.actionsRefused).filter(([, count]) => count > 0);
  // The analyst's words name the action refused and why (analyst.ts); a reason without them is the
  // nurse's sentence, said as a line of a list without its full stop.
  const reasonLine = (reason: string) => {
    const key = `analyst.refused.${reason}`;
    if (t(key) !== key) return t(key);
    const words = reasonWords(t, reason).replace(/\.$/, '');
    return words.charAt(0).toLocaleUpperCase() + words.slice(1);
  };
  return (
    <div data-testid="what-if-summary">
      <p>
        {t('tasksChanged')}: <strong data-testid="tasks-changed">{formatNumber(report.tasksChanged, language)}</strong>
      </p>
      <p>
        {t('actionsRefused')}: {refused.length === 0 && <strong>{t('analyst.refusedNone')}</strong>}
      </p>
      {refused.length > 0 && (
        <ul data-testid="what-if-refused">
          {refused.map(([reason, count]) => (
            <li key={reason} data-reason={reason}>
              {reasonLine(reason)}: <strong>{formatNumber(count, language)}</strong>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
