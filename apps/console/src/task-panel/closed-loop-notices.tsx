import type { HistoryEvent } from '../api';
import { careLevelWord, consultantWord, transportWord, withinWords } from '../disposition-words';
import { helsinkiDateTime } from '../format';
import type { Language, Translate } from '../i18n';
import type { RecordedConsult } from './consults';
import { helplineKey } from './stage-words';
import type { OutcomeNotice } from './world-notices';

/** "Primary care within 2 h · by taxi · consulted: EMS physician": what a decision told the patient to do (v1.1). */
export function dispositionLine(data: Record<string, unknown>, t: Translate, consults: readonly RecordedConsult[]): string {
  const where = typeof data.careLevel === 'string' ? careLevelWord(data.careLevel, t) : '';
  const within = typeof data.within === 'string' ? withinWords(data.within, t) : '';
  const consult = consults.find((entry) => entry.consultId === data.consultId);
  return [
    [where, within].filter(Boolean).join(' '),
    typeof data.transport === 'string' ? transportWord(data.transport, t) : '',
    consult ? t('decidedOnConsult', { consultant: consultantWord(consult.consultant, t) }) : '',
  ]
    .filter(Boolean)
    .join(' · ');
}

/**
 * The receiving service's side after it accepted (contract v1.1): the visit it must report by a
 * time (the helpline's call, `helpline`), reported done, failed, or not reported in time, or the referral taken back at a repeat call
 * to 112; all but the first put the task back at the top of the queue.
 */
export function closedLoopNotice(event: HistoryEvent, translate: Translate, time: string, language: Language, helpline = false): OutcomeNotice | undefined {
  const key = event.position;
  const t: Translate = (word, values) => translate(helplineKey(word, helpline), values);
  const data = event.data;
  switch (event.type) {
    case 'HandoffAccepted':
      return typeof data.visitBy === 'string'
        ? { key, text: t(helpline ? 'handoffAcceptedCallBy' : 'handoffAcceptedVisitBy', { time, visitBy: helsinkiDateTime(data.visitBy, language) }), testId: 'handoff-accepted' }
        : { key, text: t('handoffAcceptedAt', { time }), testId: 'handoff-accepted' };
    case 'HandoffCompleted':
      return {
        key,
        text: t('handoffCompletedAt', { time, visitedAt: helsinkiDateTime(String(data.visitedAt), language) }) + (data.notes ? ` ${t('handoffVisitNotes', { notes: String(data.notes) })}` : ''),
        testId: 'handoff-completed',
      };
    case 'HandoffFailed':
      return { key, text: t('handoffFailedAt', { time, reason: String(data.reason ?? '') }), severe: true, testId: 'handoff-failed' };
    case 'HandoffVisitOverdue':
      return { key, text: t('handoffVisitOverdueAt', { time, visitBy: helsinkiDateTime(String(data.visitBy), language) }), severe: true, testId: 'handoff-visit-overdue' };
    case 'HandoffWithdrawn':
      return { key, text: t('handoffWithdrawnAt', { time }), severe: true, testId: 'handoff-withdrawn' };
    default:
      return undefined;
  }
}
