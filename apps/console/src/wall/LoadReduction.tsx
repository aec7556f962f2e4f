import { formatNumber, formatPercent } from '../format';
import { useLanguage, useT } from '../i18n';
import type { WallLoad } from './wall-load';

/** How many tasks ended without a unit, today and this year, and the unit hours that saved. */
export function LoadReduction({ load }: { load: WallLoad }) {
  const t = useT();
  const language = useLanguage();
  const n = (value: number) => formatNumber(value, language);
  // Unit hours with one decimal, as the language writes it (1,3): 1.25 h rounded to "1" took a plural.
  const hours = (value: number) => formatNumber(value, language, 1);
  return (
    <section className="card wall-reduction" aria-labelledby="wall-reduction-title">
      <h3 id="wall-reduction-title">{t('loadReduction')}</h3>
      {(['today', 'yearToDate'] as const).map((window) => {
        const m = load.loadReduction[window];
        return (
          <p key={window}>
            <strong>{t(window)}</strong>:{' '}
            {t('wall.loadReductionLine', {
              resolved: n(m.resolvedWithoutUnit),
              share: formatPercent(m.resolvedWithoutUnitShare, language),
              hours: hours(m.unitHoursAvoided),
              minutes: n(m.assumedMissionMinutes),
              rate: n(m.yearlyRate),
              reference: n(m.referencePerYear),
            })}
            {typeof m.unitHoursAvoidedMeasured === 'number' && <>; {t('wall.measuredHours', { hours: hours(m.unitHoursAvoidedMeasured) })}</>}
          </p>
        );
      })}
    </section>
  );
}
