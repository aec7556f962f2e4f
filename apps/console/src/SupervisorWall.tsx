import { useEffect, useRef, useState } from 'react';
import { api, Load, Session } from './api';
import { helsinkiTime } from './format';
import { useLanguage, useT } from './i18n';
import { AlertBanner } from './wall/AlertBanner';
import { AlertTiles } from './wall/AlertTiles';
import { AreaTable } from './wall/AreaTable';
import { ClaimedTasksTable } from './wall/ClaimedTasksTable';
import { DecisionMix } from './wall/DecisionMix';
import { HeadlineFigures } from './wall/HeadlineFigures';
import { LoadChart } from './wall/LoadChart';
import { LoadReduction } from './wall/LoadReduction';
import { NurseTable } from './wall/NurseTable';
import { Referrals } from './wall/Referrals';
import { TodayMeasures } from './wall/TodayMeasures';
import { useWallMode } from './wall/use-wall-mode';
import { secondsSince } from './wall/wall-clock';
import { wallAlerts, WallLoad } from './wall/wall-load';
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
  const root = useRef<HTMLDivElement>(null);
  const { wallMode, toggleWallMode, onKeyDown } = useWallMode(root);
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
  const since = secondsSince(asOfMs);
  const alertTasks = wallAlerts(current);

  return (
    <div
      ref={root}
      className={`supervisor-wall${wallMode ? ' wall-mode' : ''}${connected ? '' : ' wall-stale'}`}
      data-testid="supervisor-wall"
      data-wall-mode={wallMode}
      onKeyDown={onKeyDown}
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

      <AlertBanner alerts={alertTasks} referrals={current.referrals} t={t} language={language} />
      <HeadlineFigures load={current} since={since} />
      <AlertTiles session={session} alerts={alertTasks} nowMs={asOfMs} onOpenTask={openTask} />
      <Referrals session={session} referrals={current.referrals} onOpenTask={openTask} />
      <AreaTable areas={current.areas ?? []} since={since} />
      <ClaimedTasksTable tasks={current.claimedTasks ?? []} since={since} onOpenTask={openTask} />
      <NurseTable load={current} asOfMs={asOfMs} />
      <DecisionMix load={current} />
      <LoadReduction load={current} />
      <TodayMeasures session={session} load={current} />

      <section className="card wall-history">
        <LoadChart session={session} large={wallMode} />
      </section>
    </div>
  );
}
