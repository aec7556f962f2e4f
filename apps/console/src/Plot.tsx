import { MutableRefObject, useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { wordSeries } from './charts/legend';
import { useLanguage } from './i18n';

export type PlotOptions = Omit<uPlot.Options, 'width' | 'height'> & { height?: number };

/**
 * One uPlot chart with its title. `options` and `data` must be memoised by the caller: the chart
 * is rebuilt whenever either changes. `plotRef` lets a caller redraw (e.g. a moving marker).
 */
export function Plot({ title, options, data, testId, plotRef }: { title: string; options: PlotOptions; data: uPlot.AlignedData; testId: string; plotRef?: MutableRefObject<uPlot | undefined> }) {
  const container = useRef<HTMLDivElement>(null);
  const language = useLanguage();
  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const plot = new uPlot({ width: Math.max(300, element.clientWidth), height: 240, ...options, series: wordSeries(options.series, language) }, data, element);
    if (plotRef) plotRef.current = plot;
    return () => {
      plot.destroy();
      if (plotRef) plotRef.current = undefined;
    };
  }, [options, data, plotRef, language]);
  return (
    <figure className="plot">
      <figcaption>{title}</figcaption>
      <div ref={container} data-testid={testId} />
    </figure>
  );
}

/** Bars centred on integer x values, for months and histogram buckets (the standard uPlot build has bars). */
export const bars = uPlot.paths.bars!({ size: [0.7, 64], align: 0 });

/** An x axis over categories 0…n−1, labelled with `labels`. */
export function categoryAxis(label: string, labels: string[]): uPlot.Axis {
  return {
    label,
    incrs: [1, 2, 3, 4, 6, 12],
    space: 48,
    values: (_u, splits) => splits.map((value) => (Number.isInteger(value) ? (labels[value] ?? '') : '')),
  };
}

/** The x scale of categories, with half a slot either side so the bars fit. */
export const categoryScale = (count: number): uPlot.Scale => ({ time: false, range: () => [-0.5, Math.max(0.5, count - 0.5)] });

/** Draws a vertical line at x (in data units) with a short label, on top of the series. */
export function verticalLine(plot: uPlot, x: number, color: string, label: string, dash: number[] = [6, 4]): void {
  const { ctx, bbox } = plot;
  const left = plot.valToPos(x, 'x', true);
  if (!Number.isFinite(left)) return;
  ctx.save();
  ctx.strokeStyle = color;
  ctx.fillStyle = color;
  ctx.lineWidth = 2 * devicePixelRatio;
  ctx.setLineDash(dash.map((n) => n * devicePixelRatio));
  ctx.beginPath();
  ctx.moveTo(left, bbox.top);
  ctx.lineTo(left, bbox.top + bbox.height);
  ctx.stroke();
  if (label) {
    ctx.font = `${12 * devicePixelRatio}px system-ui, sans-serif`;
    ctx.fillText(label, left + 4 * devicePixelRatio, bbox.top + 14 * devicePixelRatio);
  }
  ctx.restore();
}
