import { useEffect, useRef, useState } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { api, Load, Session } from './api';
import { duration } from './format';
import { useT } from './i18n';

interface Bucket {
  at: string;
  queueLength: number;
  decisions: number;
}

/** The centre's live load at a glance; `load` snapshots arrive over the live channel every second. */
export function SupervisorWall({ session, load, changes }: { session: Session; load?: Load; changes: number }) {
  const t = useT();
  const [fetched, setFetched] = useState<Load>();
  const [history, setHistory] = useState<Bucket[]>([]);
  const chart = useRef<HTMLDivElement>(null);
  const current = load ?? fetched;

  useEffect(() => {
    api<Load>(session, 'GET', '/api/load').then(setFetched, () => undefined);
    api<{ buckets: Bucket[] }>(session, 'GET', '/api/load/history?hours=12').then((answer) => setHistory(answer.buckets), () => undefined);
  }, [session, changes]);

  useEffect(() => {
    if (!chart.current || history.length === 0) return;
    const data: uPlot.AlignedData = [history.map((b) => Date.parse(b.at) / 1000), history.map((b) => b.queueLength), history.map((b) => b.decisions)];
    const plot = new uPlot(
      {
        width: Math.max(320, chart.current.clientWidth - 16),
        height: 220,
        series: [{}, { label: t('queueLength'), stroke: '#c0392b', width: 2 }, { label: t('decision'), stroke: '#2471a3', width: 2 }],
      },
      data,
      chart.current,
    );
    return () => plot.destroy();
  }, [history, t]);

  if (!current) return <p>…</p>;
  const mix = current.decisionMixToday;
  const redirects = Object.values(mix.redirect).reduce((sum, n) => sum + n, 0);
  return (
    <div className="wall">
      <section className="card tiles">
        <div className="tile">
          <span>{t('queueLength')}</span>
          <strong data-testid="wall-queue-length">{current.queueLength}</strong>
        </div>
        <div className="tile">
          <span>{t('oldestWait')}</span>
          <strong>{duration(current.oldestWaitSeconds)}</strong>
        </div>
        <div className="tile">
          <span>{t('nursesActive')}</span>
          <strong>{current.nursesActive}</strong>
        </div>
      </section>
      <section className="card">
        <h2>{t('alerts')}</h2>
        <ul>
          <li className={current.alerts.s2WaitingLimit.length ? 'alert' : ''}>
            {t('s2')}: {current.alerts.s2WaitingLimit.length}
          </li>
          <li className={current.alerts.s6HandoffReturned.length ? 'alert' : ''}>
            {t('s6')}: {current.alerts.s6HandoffReturned.length}
          </li>
          <li>
            {t('secondContacts')}: {current.alerts.secondContacts.length}
          </li>
          <li>
            {t('overrides')}: {current.alerts.overridesToday}
          </li>
        </ul>
      </section>
      <section className="card" data-testid="decision-mix">
        <h2>{t('decisionMix')}</h2>
        <ul>
          <li>
            {t('unitRequested')}: <span data-testid="mix-unit">{mix.unitRequested}</span>
          </li>
          <li>
            {t('phoneAdvice')}: <span data-testid="mix-advice">{mix.phoneAdvice}</span>
          </li>
          <li>
            {t('redirect')}: <span data-testid="mix-redirect">{redirects}</span>
          </li>
          <li>
            {t('escalated')}: {mix.escalated}
          </li>
          <li>
            {t('autoDispatch')}: {mix.autoDispatch.unreachable + mix.autoDispatch.waitingLimit}
          </li>
        </ul>
      </section>
      <section className="card">
        <h2>{t('loadReduction')}</h2>
        {(['today', 'yearToDate'] as const).map((window) => {
          const m = current.loadReduction[window];
          return (
            <p key={window}>
              <strong>{t(window)}</strong>: {t('resolvedWithoutUnit')} {m.resolvedWithoutUnit} ({Math.round(m.resolvedWithoutUnitShare * 100)} %), {t('unitHoursAvoided')}{' '}
              {m.unitHoursAvoided} ({t('assumption')} {m.assumedMissionMinutes} min), {t('yearlyRate')} {m.yearlyRate} / {t('reference')} {m.referencePerYear}
            </p>
          );
        })}
      </section>
      <section className="card chart">
        <div ref={chart} data-testid="load-chart" />
      </section>
    </div>
  );
}
