import type { DeskState, HistoryEvent, TaskDetail } from './api';
import { helsinkiTime } from './format';
import { useLanguage, useT } from './i18n';
import { closedLoopNotice, dispositionLine } from './task-panel/closed-loop-notices';
import { consultsOf } from './task-panel/consults';
import { draftsOutOfForm, isReachedCall, isReturn } from './task-panel/task-rules';
import { isErcEscalation, OutcomeNotice, worldNotice } from './task-panel/world-notices';

/**
 * What has happened to the task, in words and with its time, from its own history: an automatic
 * dispatch by S1 or S2 never just flips the panel to "decided" without saying why and what is left.
 */
export function TaskOutcome({
  task, limits, draftText, serviceName, helpline = () => false,
}: { task: TaskDetail; limits: DeskState['limits']; draftText: string; serviceName: (id: string) => string; /** The event is of a referral to the helpline, which calls, not visits. */ helpline?: (event: HistoryEvent) => boolean }) {
  const t = useT();
  const language = useLanguage();
  const time = (event: HistoryEvent) => helsinkiTime(event.metadata.occurredAt, language);
  const notices: OutcomeNotice[] = [];
  let autoDispatched = false;
  const byErc = task.history.some(isErcEscalation);
  const consults = consultsOf(task.history);
  // A decision's disposition and consult follow its sentence (v1.1), as a sentence of their own.
  const withDisposition = (text: string, data: Record<string, unknown>) => {
    const line = dispositionLine(data, t, consults);
    return line ? `${text} ${line.charAt(0).toLocaleUpperCase(language)}${line.slice(1)}` : text;
  };
  for (const event of task.history) {
    const data = event.data;
    switch (event.type) {
      case 'WaitingLimitReached':
        if (data.level === 'alert') notices.push({ key: event.position, text: t('s2AlertNotice', { minutes: limits.s2AlertMinutes, time: time(event) }), severe: true });
        break;
      case 'UrgencyEscalated':
        notices.push({ key: event.position, text: t('escalatedAt', { urgency: String(data.to), time: time(event) }), severe: true });
        break;
      case 'UnitRequested':
        if (data.reason === 'unreachable' || data.reason === 'waiting-limit') {
          autoDispatched = true;
          const text = data.reason === 'unreachable' ? t('autoDispatchS1', { time: time(event) }) : t('autoDispatchS2', { minutes: limits.s2DispatchMinutes, time: time(event) });
          notices.push({ key: event.position, text, severe: true, testId: 'auto-dispatch-notice' });
        } else if (data.reason === 'nurse-decision') {
          notices.push({ key: event.position, text: withDisposition(t('decidedUnit', { time: time(event), level: t(`unit.${String(data.unitLevel)}`), urgency: String(data.urgency) }), { consultId: data.consultId }), testId: 'decided-unit' });
        }
        break;
      case 'PhoneAdviceGiven':
        notices.push({ key: event.position, text: withDisposition(t('decidedAdvice', { time: time(event) }), data), testId: 'decided-advice' });
        break;
      case 'RedirectRequested':
        notices.push({ key: event.position, text: withDisposition(t('decidedRedirect', { time: time(event), service: serviceName(String(data.target)) }), data), testId: 'decided-redirect' });
        break;
      case 'HandoffDeclined':
        notices.push({ key: event.position, text: t('handoffDeclinedAt', { time: time(event), reason: String(data.reason ?? '') }), severe: true });
        break;
      case 'HandoffTimedOut':
        notices.push({ key: event.position, text: t('handoffTimedOutAt', { time: time(event) }), severe: true, testId: 'handoff-timed-out' });
        break;
      case 'DTaskCancelled':
        notices.push({ key: event.position, text: t('cancelledByErc', { time: time(event), reason: String(data.reason ?? '') }), severe: true });
        break;
      case 'DTaskClosed':
        notices.push({ key: event.position, text: t('closedAs', { outcome: t(data.outcome === 'escalated' && byErc ? 'outcome.escalatedByErc' : `outcome.${String(data.outcome)}`) }) });
        break;
      default: {
        const notice = worldNotice(event, t, time(event)) ?? closedLoopNotice(event, t, time(event), language, helpline(event));
        if (notice) notices.push(notice);
      }
    }
  }
  // Text she typed that the world took out of its form is said, never lost without a word (QA 6, item 7).
  const outOfForm = draftText ? draftsOutOfForm(task) : undefined;
  if (notices.length === 0 && !outOfForm) return null;
  // Once a unit is on its way, what led to it is the record, no longer a red call to act now.
  const unitAt = task.unitRequested ? Date.parse(task.unitRequested.at) : undefined;
  const occurred = new Map(task.history.map((event) => [event.position, Date.parse(event.metadata.occurredAt)]));
  // No contact (S2's alert) or a patient given back is the record, too, once a call has reached the patient since.
  const settledByContact = new Set(task.history.filter((event) => event.type === 'WaitingLimitReached' || isReturn(event.type)).map((event) => event.position));
  const lastReached = task.history.map(isReachedCall).lastIndexOf(true);
  const reachedSince = (key: string) => settledByContact.has(key) && task.history.findIndex((event) => event.position === key) < lastReached;
  const severe = (notice: OutcomeNotice) => notice.severe && !(unitAt !== undefined && (occurred.get(notice.key) ?? 0) <= unitAt) && !reachedSince(notice.key);
  return (
    <div className="outcome" data-testid="task-outcome">
      {notices.map((notice) => (
        <p key={notice.key} className={severe(notice) ? 'notice notice-severe' : 'notice'} data-testid={notice.testId}>
          {severe(notice) ? '⚠ ' : ''}
          {notice.text}
        </p>
      ))}
      {autoDispatched && task.status !== 'closed' && <p className="notice">{t('autoDispatchNext')}</p>}
      {outOfForm && (
        <div className="draft" data-testid="unsaved-draft">
          <p>{t(outOfForm === 'closed' ? 'unsavedDraftClosed' : outOfForm === 'recontact' ? 'unsavedDraftKept' : 'unsavedDraft')}</p>
          <pre>{draftText}</pre>
        </div>
      )}
    </div>
  );
}
