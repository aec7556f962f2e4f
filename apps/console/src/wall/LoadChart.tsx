import { useEffect, useRef, useState } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { api, Session } from '../api';
import { formatNumber, HELSINKI, helsinkiTime } from '../format';
import { useLanguage, useT } from '../i18n';
import { wordSeries } from '../charts/legend';

interface Bucket {
  at: string;
  queueLength: number;
  decisions: number;
}

/** The history is per 15 minutes: once a minute is often enough, and live events do not refetch it. */
export const HISTORY_REFRESH_MS = 60_000;

/** uPlot's time axis templates, 24-hour: [tick step s, label, then labels when the year/month/day/hour/minute/second change, mode]. */
function timeAxis(separator: string): uPlot.Axis.Values {
  const hm = `{HH}${separator}{mm}`;
  return [
    [3600 * 24 * 365, '{YYYY}', null, null, null, null, null, null, 1],
    [3600 * 24 * 28, '{M}/{YYYY}', null, null, null, null, null, null, 1],
    [3600 * 24, '{D}.{M}.', '\n{YYYY}', null, null, null, null, null, 1],
    [3600, hm, '\n{D}.{M}.{YYYY}', null, '\n{D}.{M}.', null, null, null, 1],
    [60, hm, '\n{D}.{M}.{YYYY}', null, '\n{D}.{M}.', null, null, null, 1],
    [1, `${hm}${separator}{ss}`, '\n{D}.{M}.{YYYY}', null, '\n{D}.{M}.', null, null, null, 1],
  ];
}

/** Queue length and decisions over the last 12 hours, on the centre's wall clock. */
export function LoadChart({ session, large }: { session: Session; large: boolean }) {
  const t = useT();
  const language = useLanguage();
  const [history, setHistory] = useState<Bucket[]>([]);
  const [fetchedAt, setFetchedAt] = useState<string>();
  const container = useRef<HTMLDivElement>(null);

  useEffect(() => {
    let live = true;
    const fetchHistory = () =>
      api<{ buckets: Bucket[] }>(session, 'GET', '/api/load/history?hours=12').then(
        (answer) => {
          if (!live) return;
          setHistory(answer.buckets);
          setFetchedAt(new Date().toISOString());
        },
        () => undefined,
      );
    void fetchHistory();
    const timer = setInterval(fetchHistory, HISTORY_REFRESH_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [session]);

  const queueLabel = t('wall.chartQueue');
  const decisionsLabel = t('wall.chartDecisions');
  const timeLabel = t('wall.chartTime');
  useEffect(() => {
    const element = container.current;
    if (!element || history.length === 0) return;
    const data: uPlot.AlignedData = [history.map((b) => Date.parse(b.at) / 1000), history.map((b) => b.queueLength), history.map((b) => b.decisions)];
    const font = large ? '18px system-ui, sans-serif' : '12px system-ui, sans-serif';
    const axis = { font, labelFont: font, stroke: '#1c2833', grid: { stroke: '#d5d8dc' }, ticks: { stroke: '#5d6d7e' } };
    const plot = new uPlot(
      {
        width: Math.max(320, element.clientWidth - 16),
        height: large ? 170 : 220,
        tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), HELSINKI),
        series: wordSeries([
          { label: timeLabel, value: (_u, ts) => helsinkiTime(new Date(ts * 1000).toISOString(), language) },
          { label: queueLabel, stroke: '#b03a2e', width: large ? 4 : 2 },
          { label: decisionsLabel, stroke: '#1f618d', width: large ? 4 : 2, dash: [8, 4] },
        ], language),
        axes: [{ ...axis, values: timeAxis(language === 'en' ? ':' : '.'), size: large ? 70 : 50 }, { ...axis, size: large ? 60 : 40, incrs: [1, 2, 5, 10, 20, 50, 100, 200, 500], values: (_u, splits) => splits.map((v) => formatNumber(v, language)) }],
      },
      data,
      element,
    );
    // Follows the wall's width: in and out of full screen, and when the window is resized.
    const resize = new ResizeObserver(() => plot.setSize({ width: Math.max(320, element.clientWidth - 16), height: plot.height }));
    resize.observe(element);
    return () => {
      resize.disconnect();
      plot.destroy();
    };
  }, [history, language, large, queueLabel, decisionsLabel, timeLabel]);

  return (
    <figure className="wall-chart">
      <figcaption>
        {t('wall.chartTitle')}
        {fetchedAt && <small> · {t('wall.chartUpdated', { time: helsinkiTime(fetchedAt, language) })}</small>}
      </figcaption>
      <div ref={container} data-testid="load-chart" />
    </figure>
  );
}
