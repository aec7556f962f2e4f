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

/** A legend label with its duration, or the label alone while there is none (no contacts): not a dash. */
const withFigure = (label: string, seconds: number | null) => (seconds === null ? label : `${label} ${formatDuration(seconds)}`);

const xValue = (labels: string[]) => (_u: uPlot, value: number | null) => (value === null ? '–' : (labels[value] ?? ''));
const monthIndexes = (monthly: Monthly) => monthly.map((_, index) => index);

/** What one monthly chart draws beside the month axis: its count axis, its series and their values. */
type MonthlySeries = (monthly: Monthly, language: string, t: T) => { countLabel: string; series: uPlot.Series[]; values: uPlot.AlignedData[number][] };

/** The frame every monthly chart shares: month axis and legend, a count axis from zero. */
function MonthlyChart({ monthly, language, t, title, testId, of }: { monthly: Monthly; language: string; t: T; title: string; testId: string; of: MonthlySeries }) {
  const [options, data] = useMemo(() => {
    const labels = monthly.map((m) => monthLabel(m.month, language));
    const { countLabel, series, values } = of(monthly, language, t);
    const options: PlotOptions = {
      height: 260,
      scales: { x: categoryScale(monthly.length), y: fromZero },
      axes: [monthAxis(monthly, language, t), countAxis(countLabel, language)],
      series: [{ label: t('month'), value: xValue(labels) }, ...series],
    };
    const data: uPlot.AlignedData = [monthIndexes(monthly), ...values];
    return [options, data] as const;
  }, [monthly, language, of]);
  return <Plot title={title} options={options} data={data} testId={testId} />;
}

type MonthlyProps = { monthly: Monthly; language: string; t: T };

/** Stacked bars of unit, phone advice and redirect per month; escalations and automatic dispatches as points. */
const decisionMix: MonthlySeries = (monthly, language, t) => {
  const unit = monthly.map((m) => m.unitRequested);
  const advice = monthly.map((m) => m.phoneAdvice);
  const redirect = monthly.map((m) => m.redirect);
  return {
    countLabel: t('tasks'),
    // Drawn tallest first, so each stack shows unit at the bottom, then advice, then redirect.
    series: [
      { label: t('redirect'), fill: COLOURS.redirect, stroke: COLOURS.redirect, paths: bars, points: { show: false }, value: figureOf(redirect, language) },
      { label: t('phoneAdvice'), fill: COLOURS.advice, stroke: COLOURS.advice, paths: bars, points: { show: false }, value: figureOf(advice, language) },
      { label: t('unitRequested'), fill: COLOURS.unit, stroke: COLOURS.unit, paths: bars, points: { show: false }, value: figureOf(unit, language) },
      { label: t('ofWhichEscalated'), stroke: COLOURS.escalated, width: 2, points: { show: true, size: 8 } },
      { label: t('ofWhichAutoDispatch'), stroke: COLOURS.auto, width: 2, dash: [5, 3], points: { show: true, size: 8 } },
    ],
    values: [
      monthly.map((m) => m.unitRequested + m.phoneAdvice + m.redirect),
      monthly.map((m) => m.unitRequested + m.phoneAdvice),
      unit,
      monthly.map((m) => m.escalated),
      monthly.map((m) => m.autoDispatch),
    ],
  };
};
export const DecisionMixChart = (props: MonthlyProps) => <MonthlyChart {...props} title={props.t('monthlyDecisions')} testId="chart-decision-mix" of={decisionMix} />;

/** Cumulative resolved-without-unit against the 1,500 / year reference over the same period. */
const loadReduction: MonthlySeries = (monthly, _language, t) => ({
  countLabel: t('tasks'),
  series: [
    { label: t('cumulativeResolved'), fill: COLOURS.redirect, stroke: COLOURS.redirect, paths: bars, points: { show: false } },
    { label: t('referenceLine'), stroke: COLOURS.reference, width: 2, dash: [8, 4], points: { show: true, size: 6 } },
  ],
  values: [monthly.map((m) => m.cumulativeResolvedWithoutUnit), monthly.map((m) => m.referenceCumulative)],
});
export const LoadReductionChart = (props: MonthlyProps) => <MonthlyChart {...props} title={props.t('loadReduction')} testId="chart-load-reduction" of={loadReduction} />;

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
        { label: withFigure(t('median'), medianSeconds), stroke: COLOURS.unit, width: 2, dash: [6, 4] },
        { label: withFigure(t('p90'), p90Seconds), stroke: COLOURS.escalated, width: 2, dash: [6, 4] },
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
const secondContacts: MonthlySeries = (monthly, language, t) => {
  const percent = (rate: number) => Math.round(rate * 1000) / 10;
  const within24h = monthly.map((m) => percent(m.secondContactRate24h));
  const within72h = monthly.map((m) => percent(m.secondContactRate72h));
  return {
    countLabel: t('shareOfTasks'),
    series: [
      { label: t('within24h'), stroke: COLOURS.unit, width: 2, points: { show: true, size: 7 }, value: figureOf(within24h, language, ' %', 1) },
      { label: t('within72h'), stroke: COLOURS.auto, width: 2, dash: [5, 3], points: { show: true, size: 7 }, value: figureOf(within72h, language, ' %', 1) },
    ],
    values: [within24h, within72h],
  };
};
export const SecondContactChart = (props: MonthlyProps) => <MonthlyChart {...props} title={props.t('secondContactRate')} testId="chart-second-contacts" of={secondContacts} />;
