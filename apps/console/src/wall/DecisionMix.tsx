import { formatNumber } from '../format';
import { useLanguage, useT } from '../i18n';
import type { WallLoad } from './wall-load';

/** Today's decisions by kind, with the overrides. */
export function DecisionMix({ load }: { load: WallLoad }) {
  const t = useT();
  const language = useLanguage();
  const n = (value: number) => formatNumber(value, language);
  const mix = load.decisionMixToday;
  const redirects = Object.values(mix.redirect).reduce((sum, count) => sum + count, 0);
  return (
    <section className="card wall-mix" data-testid="decision-mix" aria-labelledby="wall-mix-title">
      <h3 id="wall-mix-title">{t('decisionMix')}</h3>
      <dl className="wall-pairs">
        <dt>{t('unitRequested')}</dt>
        <dd data-testid="mix-unit">{n(mix.unitRequested)}</dd>
        <dt>{t('wall.mixPhoneAdvice')}</dt>
        <dd data-testid="mix-advice">{n(mix.phoneAdvice)}</dd>
        <dt>{t('wall.mixRedirect')}</dt>
        <dd data-testid="mix-redirect">{n(redirects)}</dd>
        <dt>{t('escalated')}</dt>
        <dd>{n(mix.escalated)}</dd>
        {mix.fieldCommanderUnits !== undefined && (
          <>
            <dt>{t('wall.mixFieldCommander')}</dt>
            <dd data-testid="mix-field-commander">{n(mix.fieldCommanderUnits)}</dd>
          </>
        )}
        <dt>{t('autoDispatch')}</dt>
        <dd>{n(mix.autoDispatch.unreachable + mix.autoDispatch.waitingLimit)}</dd>
        <dt>{t('overrides')}</dt>
        <dd data-testid="mix-overrides">{n(load.alerts.overridesToday)}</dd>
      </dl>
    </section>
  );
}
