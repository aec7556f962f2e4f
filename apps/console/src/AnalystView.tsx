import { FormEvent, useEffect, useState } from 'react';
import { DecisionMixChart, LoadReductionChart, monthLabel, SecondContactChart, TimeToContactChart } from './AnalystCharts';
import { api, ApiError, ChartData, Session } from './api';
import { download } from './download';
import { addDays, formatDuration, formatNumber, formatPercent, helsinkiDate, helsinkiDateTime, helsinkiMidnightIso } from './format';
import { Language, useLanguage, useT } from './i18n';
import { Fetched, FetchState, fetched, TimeTravel } from './TimeTravel';
import { WhatIf } from './WhatIf';
import { EvaluationMonthly } from './analyst/EvaluationMonthly';
import { EvaluationPeriod } from './analyst/EvaluationPeriod';
import { DateField } from './analyst/DateField';
import { OutcomeSection } from './analyst/OutcomeSection';

interface Period {
  /** Helsinki calendar dates, both inclusive. */
  from: string;
  to: string;
}

/** `GET /api/reports/span`: when the first and the last task held were received. */
interface Span {
  first: string | null;
  last: string | null;
  tasks: number;
}

/** Twelve months ending on `to`: from the first day of the month eleven months back. */
function twelveMonthsTo(to: string): Period {
  const [year, month] = to.split('-').map(Number) as [number, number];
  const first = new Date(Date.UTC(year, month - 12, 1)).toISOString().slice(0, 10);
  return { from: first, to };
}

/**
 * The default period: the last 12 months of the data held. A year written by the simulator may end
 * long before today, and twelve empty months would hide it; with no data, the last 12 months.
 */
function defaultPeriod(span: Span | undefined): Period {
  return twelveMonthsTo(span?.last ? helsinkiDate(Date.parse(span.last)) : helsinkiDate(Date.now()));
}

/** The query of the report and export routes: [from's midnight, the midnight after `to`) in Helsinki. */
const windowQuery = (period: Period) =>
  `from=${encodeURIComponent(helsinkiMidnightIso(period.from))}&to=${encodeURIComponent(helsinkiMidnightIso(addDays(period.to, 1)))}`;

/** What an analyst sees: a period's measures as charts and figures, exports, and a past day replayed. */
export function AnalystView({ session }: { session: Session }) {
  const t = useT();
  const language = useLanguage();
  const [span, setSpan] = useState<Fetched<Span>>({ state: 'loading' });
  const [period, setPeriod] = useState<Period>();
  const [draft, setDraft] = useState<Period>();
  const [charts, setCharts] = useState<Fetched<ChartData>>({ state: 'loading' });
  const [exportError, setExportError] = useState<string>();

  // Where the data is decides the default period, so the charts wait for it (one request, not two).
  useEffect(() => {
    let current = true;
    void fetched(api<Span>(session, 'GET', '/api/reports/span')).then((result) => {
      if (!current) return;
      setSpan(result);
      const initial = defaultPeriod(result.state === 'ready' ? result.value : undefined);
      setPeriod(initial);
      setDraft(initial);
    });
    return () => {
      current = false;
    };
  }, [session]);

  useEffect(() => {
    if (!period) return;
    let current = true;
    setCharts({ state: 'loading' });
    void fetched(api<ChartData>(session, 'GET', `/api/reports/charts?${windowQuery(period)}`)).then((result) => current && setCharts(result));
    return () => {
      current = false;
    };
  }, [session, period]);

  if (!period || !draft) return <p role="status" aria-busy="true">{t('loading')}</p>;
  const held = span.state === 'ready' && span.value.first && span.value.last ? { first: span.value.first, last: span.value.last, tasks: span.value.tasks } : undefined;

  function apply(event: FormEvent) {
    event.preventDefault();
    if (draft && draft.from && draft.to && draft.to >= draft.from) setPeriod(draft);
  }

  function showData() {
    if (!held) return;
    const next = defaultPeriod({ ...held });
    setDraft(next);
    setPeriod(next);
  }

  async function exportFile(path: string, name: string, extension: string) {
    if (!period) return;
    setExportError(undefined);
    try {
      await download(session, `${path}?${windowQuery(period)}`, `${name}-${period.from}_${period.to}.${extension}`);
    } catch (caught) {
      setExportError(caught instanceof ApiError && caught.status === 404 ? t('notAvailable') : t('error'));
    }
  }

  const periodEmpty = charts.state === 'ready' && charts.value.monthly.every((m) => m.tasks === 0);
  return (
    <div className="analyst">
      <section className="card" aria-label={t('analysis')}>
        <h2>{t('analysis')}</h2>
        <p data-testid="data-held">
          {held
            ? t('analyst.dataHeld', { first: helsinkiDateTime(held.first, language), last: helsinkiDateTime(held.last, language), tasks: formatNumber(held.tasks, language) })
            : span.state === 'ready'
              ? t('analyst.noData')
              : t('analyst.spanUnknown')}
        </p>
        <form className="inline" onSubmit={apply}>
          {/* A date the field cannot read is '' in the draft: nothing to update to until it is one. */}
          <DateField name="from" label={t('periodFrom')} value={draft.from} onChange={(from) => setDraft({ ...draft, from })} />
          <DateField name="to" label={t('periodTo')} value={draft.to} onChange={(to) => setDraft({ ...draft, to })} />
          <button type="submit" disabled={!draft.from || !draft.to || draft.to < draft.from}>
            {t('update')}
          </button>
        </form>
        {draft.from && draft.to && draft.to < draft.from && <p role="alert">{t('periodInvalid')}</p>}
        {periodEmpty && held && (
          <p role="status" data-testid="period-outside-data">
            <span aria-hidden="true">ⓘ </span>
            {t('analyst.periodOutsideData', { first: helsinkiDateTime(held.first, language), last: helsinkiDateTime(held.last, language) })}{' '}
            <button type="button" onClick={showData}>
              {t('analyst.showDataPeriod')}
            </button>
          </p>
        )}
        <div className="exports" aria-label={t('exports')}>
          <button onClick={() => void exportFile('/api/export/measures.csv', 'measures', 'csv')}>{t('downloadMeasures')}</button>
          <button onClick={() => void exportFile('/api/export/events.ndjson', 'events', 'ndjson')}>{t('downloadEvents')}</button>
          {exportError && <span role="alert">{exportError}</span>}
        </div>
      </section>
      <FetchState of={charts} loading={t('loading')} t={t} />
      {charts.state === 'ready' && <Charts data={charts.value} language={language} t={t} />}
      <EvaluationPeriod session={session} window={windowQuery(period)} />
      {charts.state === 'ready' && <EvaluationMonthly monthly={charts.value.monthly} language={language} />}
      <OutcomeSection session={session} window={windowQuery(period)} periodEnd={helsinkiMidnightIso(addDays(period.to, 1))} />
      <WhatIf session={session} window={windowQuery(period)} language={language} />
      <TimeTravel session={session} language={language} t={t} initialDate={held ? helsinkiDate(Date.parse(held.last)) : undefined} />
    </div>
  );
}

function Charts({ data, language, t }: { data: ChartData; language: Language; t: (key: string) => string }) {
  const contact = data.timeToContact;
  const count = (value: number) => formatNumber(value, language);
  return (
    <>
      <div className="charts">
        <section className="card">
          <DecisionMixChart monthly={data.monthly} language={language} t={t} />
        </section>
        <section className="card">
          <LoadReductionChart monthly={data.monthly} language={language} t={t} />
        </section>
        <section className="card">
          <TimeToContactChart timeToContact={contact} language={language} t={t} />
          <p data-testid="contact-summary">
            {t('contacts')} <strong data-testid="contact-count">{count(contact.count)}</strong> · {t('median')}{' '}
            <strong data-testid="contact-median">{contact.medianSeconds === null ? '–' : formatDuration(contact.medianSeconds)}</strong> · {t('p90')}{' '}
            <strong data-testid="contact-p90">{contact.p90Seconds === null ? '–' : formatDuration(contact.p90Seconds)}</strong>
          </p>
        </section>
        <section className="card">
          <SecondContactChart monthly={data.monthly} language={language} t={t} />
          <p className="measure-note" data-testid="explained-second-contacts">
            {t('measures.secondContactsExplained')}
          </p>
        </section>
      </div>
      <section className="card">
        <h2>{t('monthlyFigures')}</h2>
        <table className="figures-table" data-testid="monthly-table">
          <thead>
            <tr>
              <th>{t('month')}</th>
              <th>{t('tasks')}</th>
              <th>{t('unitRequested')}</th>
              <th>{t('phoneAdvice')}</th>
              <th>{t('redirect')}</th>
              <th>{t('ofWhichEscalated')}</th>
              <th>{t('ofWhichAutoDispatch')}</th>
              <th>{t('resolvedWithoutUnit')}</th>
              <th>{t('cumulative')}</th>
              <th>{t('referenceLine')}</th>
              <th title={t('measures.secondContactsExplained')}>
                {t('secondContacts')} {t('within24h')}
              </th>
              <th title={t('measures.secondContactsExplained')}>
                {t('secondContacts')} {t('within72h')}
              </th>
            </tr>
          </thead>
          <tbody>
            {data.monthly.map((m) => (
              <tr key={m.month} data-month={m.month}>
                <th scope="row">{monthLabel(m.month, language)}</th>
                <td data-column="tasks">{count(m.tasks)}</td>
                <td data-column="unitRequested">{count(m.unitRequested)}</td>
                <td data-column="phoneAdvice">{count(m.phoneAdvice)}</td>
                <td data-column="redirect">{count(m.redirect)}</td>
                <td data-column="escalated">{count(m.escalated)}</td>
                <td data-column="autoDispatch">{count(m.autoDispatch)}</td>
                <td data-column="resolvedWithoutUnit">{count(m.resolvedWithoutUnit)}</td>
                <td data-column="cumulativeResolvedWithoutUnit">{count(m.cumulativeResolvedWithoutUnit)}</td>
                <td data-column="referenceCumulative">{count(m.referenceCumulative)}</td>
                <td data-column="secondContactRate24h">{formatPercent(m.secondContactRate24h, language, 1)}</td>
                <td data-column="secondContactRate72h">{formatPercent(m.secondContactRate72h, language, 1)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}
