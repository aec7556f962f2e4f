import type { OpenReferralView, OverdueVisitView, ReferralsOnBoardView } from '@dtask/events';
import { useEffect, useState } from 'react';
import { api, Session } from '../api';
import { formatNumber, helsinkiDate, helsinkiDateTime, helsinkiTime } from '../format';
import { useLanguage, useT } from '../i18n';
import { areaName, codeWithWords } from './AlertTiles';

type Row = (OpenReferralView | OverdueVisitView) & { dueText: string; late: boolean; sub?: string };

/**
 * The supervisor's open referrals (contract v1.1): those awaiting a service's answer, those
 * accepted and awaiting its visit report, and the visits not reported by their limit, which are
 * back with the nurses. No personal data: the snapshot's coarse facts and the service's name.
 */
export function Referrals({ session, referrals, onOpenTask }: { session: Session; referrals?: ReferralsOnBoardView; onOpenTask: (taskId: string) => void }) {
  const t = useT();
  const language = useLanguage();
  const open = referrals ? referrals.awaitingHandoff.length + referrals.awaitingVisit.length + referrals.overdueVisits.length : 0;
  const names = useServiceNames(session, open > 0);
  if (!referrals) return null;
  const service = (id: string) => names[id] ?? id;
  // A return yesterday is said with its date.
  const returned = (at: string) =>
    helsinkiDate(Date.parse(at)) === helsinkiDate(Date.now()) ? t('wall.returnedToQueue', { time: helsinkiTime(at, language) }) : t('wall.returnedToQueueOn', { time: helsinkiDateTime(at, language) });
  const answer: Row[] = referrals.awaitingHandoff.map((item) => ({ ...item, late: item.overdue, dueText: t('wall.answerBy', { time: helsinkiTime(item.dueBy, language) }) }));
  const visit: Row[] = referrals.awaitingVisit.map((item) => ({ ...item, late: item.overdue, dueText: t('wall.visitBy', { time: helsinkiDateTime(item.dueBy, language) }) }));
  const overdue: Row[] = referrals.overdueVisits.map((item) => ({
    ...item,
    late: true,
    dueText: t('wall.visitWasDue', { time: helsinkiDateTime(item.visitBy, language) }),
    sub: item.returnedAt ? [returned(item.returnedAt), item.owner ? t('wall.heldByUnknown', { nurse: item.owner }) : ''].filter(Boolean).join(' · ') : undefined,
  }));
  const groups = [
    { key: 'answer', title: t('wall.referralsAwaitingAnswer'), rows: answer, testId: 'wall-referrals-answer' },
    { key: 'visit', title: t('wall.referralsAwaitingVisit'), rows: visit, testId: 'wall-referrals-visit' },
    { key: 'overdue', title: t('wall.overdueVisits'), rows: overdue, testId: 'wall-overdue-visits' },
  ];
  return (
    <section className="card wall-referrals" aria-labelledby="wall-referrals-title" data-testid="wall-referrals">
      <h3 id="wall-referrals-title">{t('wall.referrals')}</h3>
      <div className="wall-referral-groups">
        {groups.map((group) => (
          <section key={group.key} data-testid={group.testId} className={group.key === 'overdue' && group.rows.length > 0 ? 'wall-referral-group severity-critical' : 'wall-referral-group'}>
            <h4>
              {group.key === 'overdue' && group.rows.length > 0 && <span aria-hidden="true">⚠ </span>}
              {group.title} <strong className="wall-count">{formatNumber(group.rows.length, language)}</strong>
            </h4>
            {group.rows.length === 0 ? (
              <p className="wall-none">{t('wall.noTasksHere')}</p>
            ) : (
              <ul>
                {group.rows.map((row) => (
                  <li key={row.taskId} data-task-id={row.taskId}>
                    <button className="wall-task" onClick={() => onOpenTask(row.taskId)} title={t('wall.openTask', { code: row.taskCode, area: areaName(t, row.area) })}>
                      <span className="wall-task-main">
                        {service(row.target)} · {areaName(t, row.area)} · {codeWithWords(t, row.taskCode)}
                        {row.ageYears !== undefined && <> · {t('wall.ageYears', { age: row.ageYears })}</>}
                      </span>
                      <span className="wall-task-sub">
                        {row.late && group.key !== 'overdue' && <strong>⚠ {t('wall.pastDue')}: </strong>}
                        {row.dueText}
                        {row.sub && ` · ${row.sub}`}
                      </span>
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </section>
        ))}
      </div>
    </section>
  );
}

/** The directory's names of the services, by id (the snapshot names them by id only), read once there is one to name. */
function useServiceNames(session: Session, needed: boolean): Record<string, string> {
  const [names, setNames] = useState<Record<string, string>>();
  const wanted = needed || names !== undefined;
  useEffect(() => {
    if (!wanted) return;
    let live = true;
    api<{ services: { id: string; name: string }[] }>(session, 'GET', '/api/services').then(
      ({ services }) => live && setNames(Object.fromEntries(services.map((entry) => [entry.id, entry.name]))),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [session, wanted]);
  return names ?? {};
}
