import { useEffect, useRef, useState } from 'react';
import { api, Load, Session } from './api';
import { formatDuration, formatNumber, formatPercent, helsinkiTime } from './format';
import { Translate, useLanguage, useT } from './i18n';
import { AlertTiles, areaName, codeWithWords, Severity, severityOf } from './wall/AlertTiles';
import { LoadChart } from './wall/LoadChart';
import { ALERT_KINDS, AlertTask, WallLoad } from './wall/wall-load';
import { FlagChips } from './words';
import './wall.css';

export interface SupervisorWallProps {
  session: Session;
  /** The live channel's latest `load` snapshot (sent to supervisors about once a second while anything changes). */
  load?: Load | WallLoad;
  /** False while the live channel is down: the figures are then stamped with their time and greyed out. */
  connected: boolean;
  /** Opens a task in the nurse desk's task panel. */
  onOpenTask: (taskId: string) => void;
}

const SEVERITY_RANK: Record<Severity, number> = { ok: 0, warning: 1, critical: 2 };

/**
 * The supervisor's wall (vuoropäällikön tilannekuva): live figures from the `load` snapshots, the
 * alerts naming their tasks, claimed tasks and their holders, per nurse and per area, and a
 * full-screen mode to read across the room.
 */
export function SupervisorWall({ session, load, connected, onOpenTask }: SupervisorWallProps) {
  const t = useT();
  const language = useLanguage();
  const [fetched, setFetched] = useState<WallLoad>();
  const [now, setNow] = useState(() => Date.now());
  const [wallMode, setWallMode] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const snapshotCame = useRef(false);
  snapshotCame.current = snapshotCame.current || load !== undefined;
  // Snapshots come only when something changes: while connected the figures hold now, and after a
  // drop they hold as of the last moment the channel was up.
  const lastLive = useRef(now);
  if (connected) lastLive.current = now;

  // Once at mount, and only if the live channel has not sent a snapshot yet.
  useEffect(() => {
    if (snapshotCame.current) return;
    let live = true;
    api<WallLoad>(session, 'GET', '/api/load').then(
      (answer) => live && setFetched(answer),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [session]);

  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);

  useEffect(() => {
    const left = () => {
      if (!document.fullscreenElement) setWallMode(false);
    };
    document.addEventListener('fullscreenchange', left);
    return () => document.removeEventListener('fullscreenchange', left);
  }, []);

  async function toggleWallMode() {
    if (!wallMode) {
      setWallMode(true);
      // The CSS mode stands on its own where the browser refuses full screen.
      await root.current?.requestFullscreen?.().catch(() => undefined);
    } else {
      setWallMode(false);
      if (document.fullscreenElement) await document.exitFullscreen().catch(() => undefined);
    }
  }

  // The task panel is on the desk below the wall: full screen gives way to it.
  function openTask(taskId: string) {
    if (wallMode) void toggleWallMode();
    onOpenTask(taskId);
  }

  const current = (load as WallLoad | undefined) ?? fetched;
  if (!current) return <p>{t('loading')}</p>;
  // While the connection is down the figures are as they stood at the stamp; waits are counted to it.
  const asOfMs = connected ? now : lastLive.current;
  const stampIso = new Date(asOfMs).toISOString();
  const since = (iso: string | undefined, fallbackSeconds: number) => (iso ? Math.max(0, (asOfMs - Date.parse(iso)) / 1000) : fallbackSeconds);
  const alertTasks = current.alertTasks ?? [];
  const mix = current.decisionMixToday;
  const redirects = Object.values(mix.redirect).reduce((sum, n) => sum + n, 0);
  const n = (value: number) => formatNumber(value, language);
  const s2Severity = severityOf('s2-alert', current.alerts.s2WaitingLimit.length);

  return (
    <div
      ref={root}
      className={`supervisor-wall${wallMode ? ' wall-mode' : ''}${connected ? '' : ' wall-stale'}`}
      data-testid="supervisor-wall"
      data-wall-mode={wallMode}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && wallMode && !document.fullscreenElement) setWallMode(false);
      }}
    >
      <header className="wall-head">
        <h2>{t('wall.title')}</h2>
        <p className={`wall-stamp${connected ? '' : ' wall-stamp-lost'}`} data-testid="wall-stamp">
          {!connected && <span aria-hidden="true">⚠ </span>}
          {t(connected ? 'wall.stamp' : 'wall.stampDisconnected', { time: helsinkiTime(stampIso, language) })}
        </p>
        <button className="wall-mode-toggle" onClick={() => void toggleWallMode()} aria-pressed={wallMode} data-testid="wall-mode-toggle">
          <span aria-hidden="true">{wallMode ? '⤡ ' : '⤢ '}</span>
          {t(wallMode ? 'wall.exitFullScreen' : 'wall.fullScreen')}
        </button>
      </header>

      <Banner alerts={alertTasks} t={t} language={language} />

      <section className="wall-figures" aria-label={t('wall.title')}>
        <Figure label={t('queueLength')} value={n(current.queueLength)} testId="wall-queue-length" />
        <Figure
          label={t('oldestWait')}
          value={formatDuration(since(current.oldestReceivedAt, current.oldestWaitSeconds))}
          testId="wall-oldest-wait"
          severity={s2Severity === 'ok' ? undefined : s2Severity}
          note={s2Severity === 'ok' ? undefined : t(`wall.severity.${s2Severity}`)}
        />
        <Figure label={t('claimed')} value={n(current.claimed)} testId="wall-claimed" />
        <Figure label={t('nursesActive')} value={n(current.nursesActive)} testId="wall-nurses-active" />
        <Figure label={t('awaitingHandoff')} value={n(current.awaitingHandoff)} testId="wall-awaiting-handoff" />
      </section>

      <AlertTiles session={session} alerts={alertTasks} nowMs={asOfMs} onOpenTask={openTask} />

      <section className="card wall-areas" aria-labelledby="wall-areas-title" data-testid="wall-areas">
        <h3 id="wall-areas-title">{t('wall.perArea')}</h3>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('area')}</th>
              <th scope="col">{t('wall.queued')}</th>
              <th scope="col">{t('oldestWait')}</th>
              <th scope="col">{t('claimed')}</th>
            </tr>
          </thead>
          <tbody>
            {(current.areas ?? []).map((figures) => (
              <tr key={figures.area} data-area={figures.area}>
                <th scope="row">{areaName(t, figures.area)}</th>
                <td className="num" data-testid="area-queue">{n(figures.queueLength)}</td>
                <td className="num" data-testid="area-oldest">{figures.queueLength === 0 ? '–' : formatDuration(since(figures.oldestReceivedAt, figures.oldestWaitSeconds))}</td>
                <td className="num">{n(figures.claimed)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section className="card wall-claimed" aria-labelledby="wall-claimed-title" data-testid="wall-claimed-tasks">
        <h3 id="wall-claimed-title">{t('wall.claimedTasks')}</h3>
        {(current.claimedTasks ?? []).length === 0 ? (
          <p>{t('wall.noClaimed')}</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th scope="col">{t('wall.task')}</th>
                <th scope="col">{t('wall.nurse')}</th>
                <th scope="col">{t('wall.held')}</th>
                <th scope="col">{t('flags')}</th>
              </tr>
            </thead>
            <tbody>
              {(current.claimedTasks ?? []).map((task) => (
                <tr key={task.taskId} data-task-id={task.taskId}>
                  <td>
                    <button className="wall-link" onClick={() => openTask(task.taskId)} title={t('wall.openTask', { code: task.taskCode, area: areaName(t, task.area) })}>
                      {areaName(t, task.area)} · {codeWithWords(t, task.taskCode)}
                      {task.ageYears !== undefined && <> · {t('wall.ageYears', { age: task.ageYears })}</>}
                    </button>
                  </td>
                  <td>{task.owner}</td>
                  <td className="num" data-testid="held">{task.claimedAt ? formatDuration(since(task.claimedAt, task.heldSeconds ?? 0)) : '–'}</td>
                  <td>
                    <FlagChips flags={task.flags} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section className="card wall-nurses" aria-labelledby="wall-nurses-title" data-testid="wall-nurses">
        <h3 id="wall-nurses-title">{t('wall.perNurse')}</h3>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('wall.nurse')}</th>
              <th scope="col">{t('wall.inHand')}</th>
              <th scope="col">{t('wall.longestHeld')}</th>
              <th scope="col">{t('wall.decisionsToday')}</th>
            </tr>
          </thead>
          <tbody>
            {(current.nurses ?? []).map((nurse) => (
              <tr key={nurse.nurseId} data-nurse={nurse.nurseId}>
                <th scope="row">{nurse.nurseId}</th>
                <td className="num">{n(nurse.claimedNow)}</td>
                <td className="num">{nurse.claimedNow > 0 ? formatDuration(longestHeld(current, nurse.nurseId, asOfMs) ?? 0) : '–'}</td>
                <td className="num">{n(nurse.decisionsToday)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

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
          <dt>{t('autoDispatch')}</dt>
          <dd>{n(mix.autoDispatch.unreachable + mix.autoDispatch.waitingLimit)}</dd>
          <dt>{t('overrides')}</dt>
          <dd data-testid="mix-overrides">{n(current.alerts.overridesToday)}</dd>
        </dl>
      </section>

      <section className="card wall-reduction" aria-labelledby="wall-reduction-title">
        <h3 id="wall-reduction-title">{t('loadReduction')}</h3>
        {(['today', 'yearToDate'] as const).map((window) => {
          const m = current.loadReduction[window];
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
            </p>
          );
        })}
      </section>

      <section className="card wall-history">
        <LoadChart session={session} large={wallMode} />
      </section>
    </div>
  );
}

/** A figure; with a severity only where an alert stands behind it (the limits are the server's, not guessed here). */
function Figure({ label, value, testId, severity, note }: { label: string; value: string; testId: string; severity?: Severity; note?: string }) {
  return (
    <div className={`wall-tile wall-figure${severity ? ` severity-${severity}` : ''}`}>
      <span>{label}</span>
      <strong data-testid={testId}>{value}</strong>
      {note && <span className={`wall-severity severity-${severity}`}>{note}</span>}
    </div>
  );
}

/** "2 varoitusta: odotusraja ylittynyt 1, toistuvia yhteydenottoja 1", coloured by the worst, with a symbol. */
function Banner({ alerts, t, language }: { alerts: AlertTask[]; t: Translate; language: 'fi' | 'sv' | 'en' }) {
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

function longestHeld(load: WallLoad, nurseId: string, asOfMs: number): number | undefined {
  const held = (load.claimedTasks ?? []).filter((task) => task.owner === nurseId && task.claimedAt).map((task) => (asOfMs - Date.parse(task.claimedAt!)) / 1000);
  return held.length ? Math.max(0, ...held) : undefined;
}
