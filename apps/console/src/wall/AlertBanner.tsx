import { formatNumber } from '../format';
import { Translate } from '../i18n';
import { Severity, severityOf } from './AlertTiles';
import { ALERT_KINDS, AlertTask, WallReferrals } from './wall-load';

const SEVERITY_RANK: Record<Severity, number> = { ok: 0, info: 0, warning: 1, critical: 2 };

/** Visits back with the nurses, beside the alerts: one failed is to be noticed, one not reported in time acted on. */
const VISIT_SEVERITY = { 'visit-failed': 'warning', 'visit-overdue': 'critical' } as const;

/** "2 varoitusta: odotusraja ylittynyt 1, epäonnistuneita käyntejä tai soittoja 1", coloured by the worst, with a symbol. */
export function AlertBanner({ alerts, referrals, t, language }: { alerts: AlertTask[]; referrals?: WallReferrals; t: Translate; language: 'fi' | 'sv' | 'en' }) {
  const visits = [
    { kind: 'visit-overdue' as const, count: referrals?.overdueVisits.length ?? 0 },
    { kind: 'visit-failed' as const, count: referrals?.failedVisits?.length ?? 0 },
  ];
  // What is only told (S1's unit on its way) is no alert.
  const counts = [
    ...ALERT_KINDS.map((kind) => ({ kind, count: alerts.filter((alert) => alert.kind === kind).length, severity: severityOf(kind, 1) })),
    ...visits.map((visit) => ({ ...visit, severity: VISIT_SEVERITY[visit.kind] as Severity })),
  ].filter((c) => c.count > 0 && c.severity !== 'info');
  const worst = counts.reduce<Severity>((w, c) => (SEVERITY_RANK[c.severity] > SEVERITY_RANK[w] ? c.severity : w), 'ok');
  const list = counts.map((c) => t(`wall.kindShort.${c.kind}`, { count: formatNumber(c.count, language) })).join(', ');
  const total = counts.reduce((sum, c) => sum + c.count, 0);
  return (
    <p className={`wall-banner severity-${worst}`} role="status" aria-live="polite" data-testid="wall-banner" data-severity={worst}>
      <span aria-hidden="true" className="wall-banner-symbol">
        {worst === 'critical' ? '‼' : worst === 'warning' ? '⚠' : '✓'}
      </span>{' '}
      {total === 0 ? t('wall.noAlerts') : total === 1 ? t('wall.bannerOne', { list }) : t('wall.bannerMany', { count: formatNumber(total, language), list })}
    </p>
  );
}
