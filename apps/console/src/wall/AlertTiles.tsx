import { Fragment, useState } from 'react';
import { Session } from '../api';
import { formatDuration, formatNumber, helsinkiDate, helsinkiDateTime, helsinkiTime } from '../format';
import type { Language } from '../i18n';
import { Translate, useLanguage, useT } from '../i18n';
import { taskCodeText } from '../words';
import { OverrideForm, OverrideOutcome } from './OverrideForm';
import { ALERT_KINDS, AlertKind, AlertTask } from './wall-load';

/** `info`: told, nothing to do (S1's unit is on its way); not counted among the alerts. */
export type Severity = 'ok' | 'info' | 'warning' | 'critical';

/**
 * A patient past the waiting limit needs acting on now; a second contact or returned handoff needs
 * attention. S1 has already sent its unit to a patient not reached: the tile tells of it, as S2's
 * tile lets a task go once its unit is sent.
 */
const SEVERITY_WHEN_ANY: Record<AlertKind, Severity> = {
  's2-alert': 'critical',
  unreachable: 'info',
  // S8: a patient waiting for a unit whom two recalls did not reach, or whose unit is long overdue.
  'recalls-failed': 'critical',
  'unit-overdue': 'critical',
  'repeat-call': 'warning',
  'second-contact': 'warning',
  'handoff-returned': 'warning',
};

export function severityOf(kind: AlertKind, count: number): Severity {
  return count === 0 ? 'ok' : SEVERITY_WHEN_ANY[kind];
}

/** `745 Kaatuminen`: the ERC code with its meaning where the list has one. */
export const codeWithWords = (t: Translate, code: string) => [code, taskCodeText(t, code)].filter(Boolean).join(' ');

export const areaName = (t: Translate, area: string) => {
  const key = `wall.area.${area}`;
  const name = t(key);
  return name === key ? area : name;
};

/** The tasks behind each alert, each naming its task and opening it; second contacts take an S4 override. */
export function AlertTiles({ session, alerts, nowMs, onOpenTask }: { session: Session; alerts: AlertTask[]; nowMs: number; onOpenTask?: (taskId: string) => void }) {
  const t = useT();
  const language = useLanguage();
  const [overriding, setOverriding] = useState<string>();
  const [outcomes, setOutcomes] = useState<Record<string, OverrideOutcome>>({});
  return (
    <section className="wall-alerts" aria-label={t('alerts')}>
      {ALERT_KINDS.map((kind) => {
        const tasks = alerts.filter((alert) => alert.kind === kind);
        const severity = severityOf(kind, tasks.length);
        return (
          <section key={kind} className={`wall-tile wall-alert severity-${severity}`} data-testid={`alert-tile-${kind}`} data-severity={severity} aria-labelledby={`alert-${kind}-title`}>
            <header>
              <h3 id={`alert-${kind}-title`}>{t(`wall.kind.${kind}`)}</h3>
              <strong className="wall-count" data-testid={`alert-count-${kind}`}>
                {formatNumber(tasks.length, language)}
              </strong>
              <span className={`wall-severity severity-${severity}`}>{t(`wall.severity.${severity}`)}</span>
            </header>
            {tasks.length === 0 ? (
              <p className="wall-none">{t('wall.noTasksHere')}</p>
            ) : (
              <ul>
                {tasks.map((alert) => (
                  <li key={alert.taskId} data-task-id={alert.taskId}>
                    <TaskButton alert={alert} nowMs={nowMs} onOpenTask={onOpenTask} />
                    {kind === 'second-contact' &&
                      (alert.overridden ? (
                        <p className="wall-overridden" data-testid="overridden">
                          {t('wall.overridden')}
                        </p>
                      ) : overriding === alert.taskId ? (
                        <OverrideForm
                          session={session}
                          taskId={alert.taskId}
                          onCancel={() => setOverriding(undefined)}
                          onDone={(outcome) => {
                            setOutcomes((all) => ({ ...all, [alert.taskId]: outcome }));
                            if (outcome.ok) setOverriding(undefined);
                          }}
                        />
                      ) : (
                        <button className="wall-override-open" onClick={() => setOverriding(alert.taskId)} aria-label={`${t('wall.override')} ${alert.taskCode} ${areaName(t, alert.area)}`}>
                          {t('wall.override')}
                        </button>
                      ))}
                    {kind === 'second-contact' && outcomes[alert.taskId] && (
                      <p role="status" className={outcomes[alert.taskId]!.ok ? 'wall-outcome-ok' : 'wall-outcome-failed'} data-testid="override-outcome">
                        {outcomes[alert.taskId]!.ok ? t('wall.overrideDone') : (outcomes[alert.taskId] as { message: string }).message}
                      </p>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </section>
        );
      })}
    </section>
  );
}

/**
 * The task's stage; a decided one by the decision made (advice with a follow-up pending is
 * `decided` too, no unit sent) and the next call back due on it.
 */
function statusWords(t: Translate, language: Language, alert: AlertTask, nowMs: number): string {
  if (alert.status !== 'decided' || !alert.decision) return t(`wall.status.${alert.status}`);
  const decision = t(`wall.decision.${alert.decision}`);
  if (!alert.nextRecallAt) return decision;
  const today = helsinkiDate(Date.parse(alert.nextRecallAt)) === helsinkiDate(nowMs);
  const recall = today ? t('wall.recallAt', { time: helsinkiTime(alert.nextRecallAt, language) }) : t('wall.recallOn', { time: helsinkiDateTime(alert.nextRecallAt, language) });
  return `${decision}, ${recall}`;
}

function TaskButton({ alert, nowMs, onOpenTask }: { alert: AlertTask; nowMs: number; onOpenTask?: (taskId: string) => void }) {
  const t = useT();
  const language = useLanguage();
  const area = areaName(t, alert.area);
  const waitedSeconds = Math.max(0, (nowMs - Date.parse(alert.receivedAt)) / 1000);
  // A unit sent stops the wait: its time is said instead, and no status beside it.
  const waited = alert.unitSentAt ? t('wall.unitSentAt', { time: helsinkiTime(alert.unitSentAt, language) }) : t('wall.waited', { duration: formatDuration(waitedSeconds) });
  const held = alert.owner
    ? alert.claimedAt
      ? t('wall.heldBy', { nurse: alert.owner, duration: formatDuration((nowMs - Date.parse(alert.claimedAt)) / 1000) })
      : t('wall.heldByUnknown', { nurse: alert.owner })
    : alert.status && !alert.unitSentAt
      ? statusWords(t, language, alert, nowMs)
      : '';
  // A task the snapshot named by id alone: it still opens, with its facts in the panel.
  if (!alert.receivedAt) {
    return (
      <button className="wall-task" onClick={() => onOpenTask?.(alert.taskId)} data-testid="open-task">
        <span className="wall-task-main">{t('wall.openThisTask')}</span>
      </button>
    );
  }
  return (
    <button className="wall-task" onClick={() => onOpenTask?.(alert.taskId)} title={t('wall.openTask', { code: alert.taskCode, area })} data-testid="open-task">
      <span className="wall-task-main">
        {[area, codeWithWords(t, alert.taskCode), alert.ageYears === undefined ? '' : t('wall.ageYears', { age: alert.ageYears })]
          .filter(Boolean)
          .map((part, index) => (
            <Fragment key={index}>
              {index > 0 ? ' · ' : ''}
              {/* Each part wraps at its own spaces in a narrow tile (the age's are unbreakable). */}
              <span>{part}</span>
            </Fragment>
          ))}
      </span>
      <span className="wall-task-sub">
        {[waited, held].filter(Boolean).join(' · ')}
      </span>
    </button>
  );
}
