import { FormEvent, useContext, useEffect, useState } from 'react';
import { DecisionMixChart, LoadReductionChart, monthLabel, SecondContactChart, TimeToContactChart } from './AnalystCharts';
import { api, ApiError, ChartData, download, Session } from './api';
import { addDays, duration, helsinkiDate, helsinkiMidnightIso } from './format';
import { LanguageContext, useT } from './i18n';
import { Fetched, FetchState, fetched, TimeTravel } from './TimeTravel';
import { WhatIf } from './WhatIf';

interface Period {
  /** Helsinki calendar dates, both inclusive. */
  from: string;
  to: string;
}

/** The last 12 months: from the first day of the month eleven months back to today. */
function lastTwelveMonths(): Period {
  const today = helsinkiDate(Date.now());
  const [year, month] = today.split('-').map(Number) as [number, number];
  const first = new Date(Date.UTC(year, month - 12, 1)).toISOString().slice(0, 10);
  return { from: first, to: today };
}

/** The query of the report and export routes: [from's midnight, the midnight after `to`) in Helsinki. */
const windowQuery = (period: Period) =>
  `from=${encodeURIComponent(helsinkiMidnightIso(period.from))}&to=${encodeURIComponent(helsinkiMidnightIso(addDays(period.to, 1)))}`;

/** What an analyst sees: a period's measures as charts and figures, exports, and a past day replayed. */
export function AnalystView({ session }: { session: Session }) {
  const t = useT();
  const language = useContext(LanguageContext);
  const [period, setPeriod] = useState<Period>(lastTwelveMonths);
  const [draft, setDraft] = useState<Period>(period);
  const [charts, setCharts] = useState<Fetched<ChartData>>({ state: 'loading' });
  const [exportError, setExportError] = useState<string>();

  useEffect(() => {
    let current = true;
    setCharts({ state: 'loading' });
    void fetched(api<ChartData>(session, 'GET', `/api/reports/charts?${windowQuery(period)}`)).then((result) => current && setCharts(result));
    return () => {
      current = false;
    };
  }, [session, period]);

  function apply(event: FormEvent) {
    event.preventDefault();
    if (draft.to >= draft.from) setPeriod(draft);
  }

  async function exportFile(path: string, name: string, extension: string) {
    setExportError(undefined);
    try {
      await download(session, `${path}?${windowQuery(period)}`, `${name}-${period.from}_${period.to}.${extension}`);
    } catch (caught) {
      setExportError(caught instanceof ApiError && caught.status === 404 ? t('notAvailable') : (caught as Error).message);
    }
  }

  return (
    <div className="analyst">
      <section className="card" aria-label={t('analysis')}>
        <h2>{t('analysis')}</h2>
        <form className="inline" onSubmit={apply}>
          <label>
            {t('periodFrom')}
            <input type="date" name="from" value={draft.from} required onChange={(event) => setDraft({ ...draft, from: event.target.value })} />
          </label>
          <label>
            {t('periodTo')}
            <input type="date" name="to" value={draft.to} required onChange={(event) => setDraft({ ...draft, to: event.target.value })} />
          </label>
          <button type="submit" disabled={draft.to < draft.from}>
            {t('update')}
          </button>
        </form>
        {draft.to < draft.from && <p role="alert">{t('periodInvalid')}</p>}
        <div className="exports" aria-label={t('exports')}>
          <button onClick={() => void exportFile('/api/export/measures.csv', 'measures', 'csv')}>{t('downloadMeasures')}</button>
          <button onClick={() => void exportFile('/api/export/events.ndjson', 'events', 'ndjson')}>{t('downloadEvents')}</button>
          {exportError && <span role="alert">{exportError}</span>}
        </div>
      </section>
      <FetchState of={charts} loading={t('loading')} t={t} />
      {charts.state === 'ready' && <Charts data={charts.value} language={language} t={t} />}
      <WhatIf session={session} window={windowQuery(period)} language={language} t={t} />
      <TimeTravel session={session} language={language} t={t} />
    </div>
  );
}

function Charts({ data, language, t }: { data: ChartData; language: string; t: (key: string) => string }) {
  const contact = data.timeToContact;
  const percent = new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 1 });
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
            {t('contacts')} <strong data-testid="contact-count">{contact.count}</strong> · {t('median')}{' '}
            <strong data-testid="contact-median">{contact.medianSeconds === null ? '–' : duration(contact.medianSeconds)}</strong> · {t('p90')}{' '}
            <strong data-testid="contact-p90">{contact.p90Seconds === null ? '–' : duration(contact.p90Seconds)}</strong>
          </p>
        </section>
        <section className="card">
          <SecondContactChart monthly={data.monthly} language={language} t={t} />
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
              <th>{t('escalated')}</th>
              <th>{t('autoDispatch')}</th>
              <th>{t('resolvedWithoutUnit')}</th>
              <th>{t('cumulative')}</th>
              <th>{t('referenceLine')}</th>
              <th>
                {t('secondContacts')} {t('within24h')}
              </th>
              <th>
                {t('secondContacts')} {t('within72h')}
              </th>
            </tr>
          </thead>
          <tbody>
            {data.monthly.map((m) => (
              <tr key={m.month} data-month={m.month}>
                <th scope="row">{monthLabel(m.month, language)}</th>
                <td data-column="tasks">{m.tasks}</td>
                <td data-column="unitRequested">{m.unitRequested}</td>
                <td data-column="phoneAdvice">{m.phoneAdvice}</td>
                <td data-column="redirect">{m.redirect}</td>
                <td data-column="escalated">{m.escalated}</td>
                <td data-column="autoDispatch">{m.autoDispatch}</td>
                <td data-column="resolvedWithoutUnit">{m.resolvedWithoutUnit}</td>
                <td data-column="cumulativeResolvedWithoutUnit">{m.cumulativeResolvedWithoutUnit}</td>
                <td data-column="referenceCumulative">{m.referenceCumulative.toLocaleString(language)}</td>
                <td data-column="secondContactRate24h">{percent.format(m.secondContactRate24h)}</td>
                <td data-column="secondContactRate72h">{percent.format(m.secondContactRate72h)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}
