import type uPlot from 'uplot';
import { formatNumber } from '../format';
import type { Language } from '../i18n';
import './legend.css';

type Value = Extract<uPlot.Series.Value, (...args: never[]) => unknown>;

/**
 * Series whose legend reads as words: with the pointer off the chart a series shows its label only
 * (uPlot's own "--" and our "–" read as figures gone missing); on it, the figure as the language
 * writes it. A series' own `value` still decides the figure; legend.css drops the colon of an empty one.
 */
export function wordSeries(series: uPlot.Series[], language: Language): uPlot.Series[] {
  return series.map((one, index) => {
    const figure = typeof one.value === 'function' ? one.value : undefined;
    const value: Value = (plot, raw, seriesIndex, dataIndex) => {
      if (dataIndex === null) return '';
      if (figure) return figure(plot, raw, seriesIndex, dataIndex);
      // The x series without its own value is a time or a category the caller names; a count as staff write it.
      return raw === null || index === 0 ? '' : formatNumber(raw, language);
    };
    return { ...one, value };
  });
}
