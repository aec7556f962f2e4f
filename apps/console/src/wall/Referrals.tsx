import type { OpenReferralView, OverdueVisitView } from '@dtask/events';
import { useEffect, useState } from 'react';
import { api, Session } from '../api';
import { formatNumber, helsinkiDate, helsinkiDateTime, helsinkiTime } from '../format';
import { serviceNameIn } from '../i18n/place-names';
import { useLanguage, useT } from '../i18n';
import { contactKindOf } from '../partner/contact-kind';
import { areaName, codeWithWords } from './AlertTiles';
import type { FailedVisit, WallReferrals } from './wall-load';

type Row = (OpenReferralView | OverdueVisitView | FailedVisit) & { dueText: string; late: boolean; sub?: string };

/** A helpline (116117) calls the patient; every other service visits (contact-kind.ts). */
const calls = (kind: string | undefined) => contactKindOf(kind) === 'call';

/**
 * The supervisor's open referrals (contract v1.1): those awaiting a service's answer, those
 * accepted and awaiting its visit report, and the visits not reported by their limit, which are
 * back with the nurses. No personal data: the snapshot's coarse facts and the service's name.
 */
export function Referrals({ session, referrals, onOpenTask }: { session: Session; referrals?: WallReferrals; onOpenTask: (taskId: string) => void }) {
  const t = useT();
  const language = useLanguage();
  const failedVisits = referrals?.failedVisits ?? [];
  const open = referrals ? referrals.awaitingHandoff.length + referrals.awaitingVisit.length + referrals.overdueVisits.length + failedVisits.length : 0;
  const services = useServices(session, open > 0);
  if (!referrals) return null;
  const service = (id: string) => (services[id] ? serviceNameIn(services[id], language) : id);
  const kindOf = (id: string) => services[id]?.kind;
  // A return yesterday is said with its date.
  const today = (at: string) => helsinkiDate(Date.parse(at)) === helsinkiDate(Date.now());
  const returned = (at: string) => (today(at) ? t('wall.returnedToQueue', { time: helsinkiTime(at, language) }) : t('wall.returnedToQueueOn', { time: helsinkiDateTime(at, language) }));
  const held = (owner?: string) => (owner ? t('wall.heldByUnknown', { nurse: owner }) : '');
  const answer: Row[] = referrals.awaitingHandoff.map((item) => ({ ...item, late: item.overdue, dueText: t('wall.answerBy', { time: helsinkiTime(item.dueBy, language) }) }));
  const visit: Row[] = referrals.awaitingVisit.map((item) => ({
    ...item,
    late: item.overdue,
    dueText: t(calls(kindOf(item.target)) ? 'wall.callBy' : 'wall.visitBy', { time: helsinkiDateTime(item.dueBy, language) }),
  }));
  const overdue: Row[] = referrals.overdueVisits.map((item) => ({
    ...item,
    late: true,
    dueText: t(calls(kindOf(item.target)) ? 'wall.callWasDue' : 'wall.visitWasDue', { time: helsinkiDateTime(item.visitBy, language) }),
    sub: item.returnedAt ? [returned(item.returnedAt), held(item.owner)].filter(Boolean).join(' · ') : undefined,
  }));
  // Failed visits are their own figure, not S6's returned handoffs; a helpline's is a failed call.
  const failedWords = (target: string) => (calls(kindOf(target)) ? { at: 'wall.callFailedAt', on: 'wall.callFailedOn' } : { at: 'wall.failedAt', on: 'wall.failedOn' });
  const failed: Row[] = failedVisits.map((item) => ({
    ...item,
    late: true,
    dueText: today(item.failedAt)
      ? t(failedWords(item.target).at, { time: helsinkiTime(item.failedAt, language) })
      : t(failedWords(item.target).on, { time: helsinkiDateTime(item.failedAt, language) }),
    sub: held(item.owner) || undefined,
  }));
  const failedCalls = failedVisits.filter((item) => calls(kindOf(item.target))).length;
  const failedTitle = failedCalls === 0 ? 'wall.failedVisits' : failedCalls === failedVisits.length ? 'wall.failedCalls' : 'wall.failedVisitsAndCalls';
  const groups = [
    { key: 'answer', title: t('wall.referralsAwaitingAnswer'), rows: answer, testId: 'wall-referrals-answer' },
    { key: 'visit', title: t('wall.referralsAwaitingContact'), rows: visit, testId: 'wall-referrals-visit' },
    { key: 'overdue', title: t('wall.overdueVisits'), rows: overdue, testId: 'wall-overdue-visits' },
    { key: 'failed', title: t(failedTitle), rows: failed, testId: 'wall-failed-visits' },
  ];
  return (
    <section className="card wall-referrals" aria-labelledby="wall-referrals-title" data-testid="wall-referrals">
      <h3 id="wall-referrals-title">{t('wall.referrals')}</h3>
      <div className="wall-referral-groups">
        {groups.map((group) => (
          <section key={group.key} data-testid={group.testId} className={`wall-referral-group${group.rows.length === 0 ? '' : group.key === 'overdue' ? ' severity-critical' : group.key === 'failed' ? ' severity-warning' : ''}`}>
            <h4>
              {(group.key === 'overdue' || group.key === 'failed') && group.rows.length > 0 && <span aria-hidden="true">⚠ </span>}
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
                        {row.late && (group.key === 'answer' || group.key === 'visit') && <strong>⚠ {t('wall.pastDue')}: </strong>}
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

type Service = { name: string; nameSv?: string; kind?: string };

/** The directory's services, their names and kinds, by id (the snapshot names them by id only), read once there is one to name. */
function useServices(session: Session, needed: boolean): Record<string, Service> {
  const [names, setNames] = useState<Record<string, Service>>();
  const wanted = needed || names !== undefined;
  useEffect(() => {
    if (!wanted) return;
    let live = true;
    api<{ services: ({ id: string } & Service)[] }>(session, 'GET', '/api/services').then(
      ({ services }) => live && setNames(Object.fromEntries(services.map(({ id, name, nameSv, kind }) => [id, { name, nameSv, kind }]))),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [session, wanted]);
  return names ?? {};
}
