import { useMemo } from 'react';
import uPlot from 'uplot';
import type { ChartData } from './api';
import { formatDuration, formatNumber } from './format';
import type { Language } from './i18n';
import { bars, categoryAxis, categoryScale, Plot, PlotOptions, verticalLine } from './Plot';

type Monthly = ChartData['monthly'];
/** `t` is rebuilt on every render but only changes with `language`, so charts are memoised on the language. */
type T = (key: string) => string;

const COLOURS = { unit: '#c0392b', advice: '#2471a3', redirect: '#1e8449', escalated: '#6c3483', auto: '#b9770e', reference: '#5d6d7e' };
const fromZero: uPlot.Scale = { range: (_u, _min, max) => [0, Math.max(1, max) * 1.1] };

export function monthLabel(month: string, language: string, year: 'numeric' | '2-digit' = 'numeric'): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Intl.DateTimeFormat(language, { month: 'short', year, timeZone: 'UTC' }).format(Date.UTC(y, m - 1, 15));
}

/** A count axis in the language's numbers (`1 500`, `0,5`), never uPlot's English default. */
const countAxis = (label: string, language: string): uPlot.Axis => ({
  label,
  values: (_u, splits) => splits.map((value) => formatNumber(value, language as Language, Number.isInteger(value) ? 0 : Number.isInteger(Math.round(value * 1e6) / 1e5) ? 1 : 2)),
});

/** Axis ticks are short ("Mar 25"); the legend and the table name the month in full. */
const monthAxis = (monthly: Monthly, language: string, t: T) => categoryAxis(t('month'), monthly.map((m) => monthLabel(m.month, language, '2-digit')));

/** The legend shows a series' own figure, not the stacked height it is drawn at. */
const figureOf = (values: (number | null)[], language: string, unit = '', fractionDigits = 0) => (_u: uPlot, _v: number | null, _s: number, idx: number | null) =>
  idx === null || values[idx] === null || values[idx] === undefined ? '–' : `${formatNumber(values[idx], language as Language, fractionDigits)}${unit}`;

const xValue = (labels: string[]) => (_u: uPlot, value: number | null) => (value === null ? '–' : (labels[value] ?? ''));
const monthIndexes = (monthly: Monthly) => monthly.map((_, index) => index);

/** Stacked bars of unit, phone advice and redirect per month; escalations and automatic dispatches as points. */
export function DecisionMixChart({ monthly, language, t }: { monthly: Monthly; language: string; t: T }) {
  const [options, data] = useMemo(() => {
    const labels = monthly.map((m) => monthLabel(m.month, language));
    const unit = monthly.map((m) => m.unitRequested);
    const advice = monthly.map((m) => m.phoneAdvice);
    const redirect = monthly.map((m) => m.redirect);
    const options: PlotOptions = {
      height: 260,
      scales: { x: categoryScale(monthly.length), y: fromZero },
      axes: [monthAxis(monthly, language, t), countAxis(t('tasks'), language)],
      // Drawn tallest first, so each stack shows unit at the bottom, then advice, then redirect.
      series: [
        { label: t('month'), value: xValue(labels) },
        { label: t('redirect'), fill: COLOURS.redirect, stroke: COLOURS.redirect, paths: bars, points: { show: false }, value: figureOf(redirect, language) },
        { label: t('phoneAdvice'), fill: COLOURS.advice, stroke: COLOURS.advice, paths: bars, points: { show: false }, value: figureOf(advice, language) },
        { label: t('unitRequested'), fill: COLOURS.unit, stroke: COLOURS.unit, paths: bars, points: { show: false }, value: figureOf(unit, language) },
        { label: t('escalated'), stroke: COLOURS.escalated, width: 2, points: { show: true, size: 8 } },
        { label: t('autoDispatch'), stroke: COLOURS.auto, width: 2, dash: [5, 3], points: { show: true, size: 8 } },
      ],
    };
    const data: uPlot.AlignedData = [
      monthIndexes(monthly),
      monthly.map((m) => m.unitRequested + m.phoneAdvice + m.redirect),
      monthly.map((m) => m.unitRequested + m.phoneAdvice),
      unit,
      monthly.map((m) => m.escalated),
      monthly.map((m) => m.autoDispatch),
    ];
    return [options, data] as const;
  }, [monthly, language]);
  return <Plot title={t('monthlyDecisions')} options={options} data={data} testId="chart-decision-mix" />;
}

/** Cumulative resolved-without-unit against the 1,500 / year reference over the same period. */
export function LoadReductionChart({ monthly, language, t }: { monthly: Monthly; language: string; t: T }) {
  const [options, data] = useMemo(() => {
    const labels = monthly.map((m) => monthLabel(m.month, language));
    const options: PlotOptions = {
      height: 260,
      scales: { x: categoryScale(monthly.length), y: fromZero },
      axes: [monthAxis(monthly, language, t), countAxis(t('tasks'), language)],
      series: [
        { label: t('month'), value: xValue(labels) },
        { label: t('cumulativeResolved'), fill: COLOURS.redirect, stroke: COLOURS.redirect, paths: bars, points: { show: false } },
        { label: t('referenceLine'), stroke: COLOURS.reference, width: 2, dash: [8, 4], points: { show: true, size: 6 } },
      ],
    };
    const data: uPlot.AlignedData = [monthIndexes(monthly), monthly.map((m) => m.cumulativeResolvedWithoutUnit), monthly.map((m) => m.referenceCumulative)];
    return [options, data] as const;
  }, [monthly, language]);
  return <Plot title={t('loadReduction')} options={options} data={data} testId="chart-load-reduction" />;
}

/** Where a number of seconds falls on the histogram's x axis: interpolated inside its bucket. */
function bucketPosition(buckets: ChartData['timeToContact']['buckets'], seconds: number): number {
  const minutes = seconds / 60;
  const index = buckets.findIndex((bucket) => bucket.toMinutes === null || minutes < bucket.toMinutes);
  const bucket = buckets[index]!;
  if (bucket.toMinutes === null) return index;
  return index - 0.5 + (minutes - bucket.fromMinutes) / (bucket.toMinutes - bucket.fromMinutes);
}

/** The distribution of time to the first reached callback, with the median and p90 marked. */
export function TimeToContactChart({ timeToContact, language, t }: { timeToContact: ChartData['timeToContact']; language: string; t: T }) {
  const [options, data] = useMemo(() => {
    const { buckets, medianSeconds, p90Seconds } = timeToContact;
    const labels = buckets.map((b) => (b.toMinutes === null ? `>${b.fromMinutes}` : `${b.fromMinutes}–${b.toMinutes}`));
    const none = buckets.map(() => null);
    const markers: [number | null, string][] = [
      [medianSeconds, COLOURS.unit],
      [p90Seconds, COLOURS.escalated],
    ];
    const options: PlotOptions = {
      height: 260,
      scales: { x: categoryScale(buckets.length), y: fromZero },
      axes: [categoryAxis(t('minutes'), labels), countAxis(t('contacts'), language)],
      series: [
        { label: t('minutes'), value: xValue(labels) },
        { label: t('contacts'), fill: COLOURS.advice, stroke: COLOURS.advice, paths: bars, points: { show: false } },
        // Legend entries for the two markers drawn below; they have no points of their own.
        { label: `${t('median')} ${medianSeconds === null ? '–' : formatDuration(medianSeconds)}`, stroke: COLOURS.unit, width: 2, dash: [6, 4] },
        { label: `${t('p90')} ${p90Seconds === null ? '–' : formatDuration(p90Seconds)}`, stroke: COLOURS.escalated, width: 2, dash: [6, 4] },
      ],
      hooks: {
        draw: [
          (plot) => {
            for (const [seconds, colour] of markers) if (seconds !== null) verticalLine(plot, bucketPosition(buckets, seconds), colour, formatDuration(seconds));
          },
        ],
      },
    };
    const data: uPlot.AlignedData = [buckets.map((_, index) => index), buckets.map((b) => b.count), none, none];
    return [options, data] as const;
  }, [timeToContact, language]);
  return <Plot title={t('timeToContact')} options={options} data={data} testId="chart-time-to-contact" />;
}

/** Second contacts within 24 h and 72 h of a no-unit decision, as a share of the month's tasks. */
export function SecondContactChart({ monthly, language, t }: { monthly: Monthly; language: string; t: T }) {
  const [options, data] = useMemo(() => {
    const labels = monthly.map((m) => monthLabel(m.month, language));
    const percent = (rate: number) => Math.round(rate * 1000) / 10;
    const within24h = monthly.map((m) => percent(m.secondContactRate24h));
    const within72h = monthly.map((m) => percent(m.secondContactRate72h));
    const options: PlotOptions = {
      height: 260,
      scales: { x: categoryScale(monthly.length), y: fromZero },
      axes: [monthAxis(monthly, language, t), countAxis(t('shareOfTasks'), language)],
      series: [
        { label: t('month'), value: xValue(labels) },
        { label: t('within24h'), stroke: COLOURS.unit, width: 2, points: { show: true, size: 7 }, value: figureOf(within24h, language, ' %', 1) },
        { label: t('within72h'), stroke: COLOURS.auto, width: 2, dash: [5, 3], points: { show: true, size: 7 }, value: figureOf(within72h, language, ' %', 1) },
      ],
    };
    const data: uPlot.AlignedData = [monthIndexes(monthly), within24h, within72h];
    return [options, data] as const;
  }, [monthly, language]);
  return <Plot title={t('secondContactRate')} options={options} data={data} testId="chart-second-contacts" />;
}
