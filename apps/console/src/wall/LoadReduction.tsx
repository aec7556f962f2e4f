import { formatNumber, formatPercent } from '../format';
import { useLanguage, useT } from '../i18n';
import type { WallLoad } from './wall-load';

/** How many tasks ended without a unit, today and this year, and the unit hours that saved. */
export function LoadReduction({ load }: { load: WallLoad }) {
  const t = useT();
  const language = useLanguage();
  const n = (value: number) => formatNumber(value, language);
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
              hours: n(m.unitHoursAvoided),
              minutes: n(m.assumedMissionMinutes),
              rate: n(m.yearlyRate),
              reference: n(m.referencePerYear),
            })}
            {typeof m.unitHoursAvoidedMeasured === 'number' && <>; {t('wall.measuredHours', { hours: n(m.unitHoursAvoidedMeasured) })}</>}
          </p>
        );
      })}
    </section>
  );
}
