import { formatDuration, formatNumber } from '../format';
import { useLanguage, useT } from '../i18n';
import { Severity, severityOf } from './AlertTiles';
import type { SecondsSince } from './wall-clock';
import type { WallLoad } from './wall-load';

/** The queue, its oldest undecided wait (marked when S2's alert stands), the recalls due, the claimed tasks, the nurses and the handoffs waiting. */
export function HeadlineFigures({ load, since }: { load: WallLoad; since: SecondsSince }) {
  const t = useT();
  const language = useLanguage();
  const n = (value: number) => formatNumber(value, language);
  const s2Severity = severityOf('s2-alert', load.alerts.s2WaitingLimit.length);
  const longest = oldestWait(since, load);
  // "–" beside a queue that is not empty: recalls due and returned tasks wait, counted apart.
  const othersWait = longest === '–' && load.queueLength > 0;
  return (
    <section className="wall-figures" aria-label={t('wall.title')}>
      <Figure label={t('queueLength')} value={n(load.queueLength)} testId="wall-queue-length" />
      <Figure
        label={t('wall.oldestWaitNew')}
        value={longest}
        testId="wall-oldest-wait"
        severity={s2Severity === 'ok' ? undefined : s2Severity}
        note={s2Severity !== 'ok' ? t(`wall.severity.${s2Severity}`) : othersWait ? t('wall.oldestWaitOthers') : undefined}
      />
      {load.recallsDue !== undefined && <Figure label={t('wall.recallsDue')} value={n(load.recallsDue)} testId="wall-recalls-due" />}
      <Figure label={t('claimed')} value={n(load.claimed)} testId="wall-claimed" />
      <Figure label={t('nursesActive')} value={n(load.nursesActive)} testId="wall-nurses-active" />
      <Figure label={t('awaitingHandoff')} value={n(load.awaitingHandoff)} testId="wall-awaiting-handoff" />
      {load.awaitingVisit !== undefined && <Figure label={t('wall.awaitingVisitOrCall')} value={n(load.awaitingVisit)} testId="wall-awaiting-visit" />}
    </section>
  );
}

/**
 * The longest wait of a task awaiting its first decision; "–" when none does (the queue holds only
 * recalls due or tasks a service gave back): "0 s" would read as someone who has just called.
 */
export function oldestWait(since: SecondsSince, figures: { oldestReceivedAt?: string; oldestWaitSeconds: number }): string {
  return figures.oldestReceivedAt === undefined && figures.oldestWaitSeconds === 0 ? '–' : formatDuration(since(figures.oldestReceivedAt, figures.oldestWaitSeconds));
}

/** A figure; with a severity only where an alert stands behind it (the limits are the server's, not guessed here). */
function Figure({ label, value, testId, severity, note }: { label: string; value: string; testId: string; severity?: Severity; note?: string }) {
  return (
    <div className={`wall-tile wall-figure${severity ? ` severity-${severity}` : ''}`}>
      <span>{label}</span>
      <strong data-testid={testId}>{value}</strong>
      {note && <span className={severity ? `wall-severity severity-${severity}` : 'wall-figure-note'}>{note}</span>}
    </div>
  );
}
