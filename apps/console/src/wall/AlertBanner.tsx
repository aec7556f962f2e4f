import { formatNumber } from '../format';
import { Translate } from '../i18n';
import { Severity, severityOf } from './AlertTiles';
import { ALERT_KINDS, AlertTask } from './wall-load';

const SEVERITY_RANK: Record<Severity, number> = { ok: 0, warning: 1, critical: 2 };

/** "2 varoitusta: odotusraja ylittynyt 1, toistuvia yhteydenottoja 1", coloured by the worst, with a symbol. */
export function AlertBanner({ alerts, t, language }: { alerts: AlertTask[]; t: Translate; language: 'fi' | 'sv' | 'en' }) {
  const counts = ALERT_KINDS.map((kind) => ({ kind, count: alerts.filter((alert) => alert.kind === kind).length })).filter((c) => c.count > 0);
  const worst = counts.reduce<Severity>((w, c) => (SEVERITY_RANK[severityOf(c.kind, c.count)] > SEVERITY_RANK[w] ? severityOf(c.kind, c.count) : w), 'ok');
  const list = counts.map((c) => t(`wall.kindShort.${c.kind}`, { count: formatNumber(c.count, language) })).join(', ');
  const total = alerts.length;
  return (
    <p className={`wall-banner severity-${worst}`} role="status" aria-live="polite" data-testid="wall-banner" data-severity={worst}>
      <span aria-hidden="true" className="wall-banner-symbol">
        {worst === 'critical' ? '‼' : worst === 'warning' ? '⚠' : '✓'}
      </span>{' '}
      {total === 0 ? t('wall.noAlerts') : total === 1 ? t('wall.bannerOne', { list }) : t('wall.bannerMany', { count: formatNumber(total, language), list })}
    </p>
  );
}
