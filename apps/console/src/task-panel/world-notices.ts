import type { HistoryEvent } from '../api';
import type { Translate } from '../i18n';

export interface OutcomeNotice {
  key: string;
  text: string;
  severe?: boolean;
  testId?: string;
}

/** The ERC raised the urgency to A, B or C: it sends its own unit, and the task closed here for good. */
export const isErcEscalation = (event: HistoryEvent) =>
  event.type === 'ErcUpdateReceived' && event.data.kind === 'urgency-changed' && ['A', 'B', 'C'].includes(String(event.data.urgency));

/**
 * What the world around the task did to it, as the outcome card tells it (contract v1.1): the ERC's
 * escalation, the field commander's unit with what to do while it is on its way (as S1's and S2's
 * say), the end of a unit's mission with whether the patient was conveyed, and S8's alerts while
 * the patient waits for a unit.
 */
export function worldNotice(event: HistoryEvent, t: Translate, time: string): OutcomeNotice | undefined {
  const key = event.position;
  const data = event.data;
  switch (event.type) {
    case 'ErcUpdateReceived':
      if (isErcEscalation(event)) return { key, text: t('ercEscalated', { urgency: String(data.urgency), time }), severe: true, testId: 'erc-escalated' };
      if (data.kind === 'urgency-changed') return { key, text: t('ercUrgencyKept', { urgency: String(data.urgency), time }) };
      return undefined;
    case 'UnitAttachedByField':
      return { key, text: `${t('fieldUnitAttached', { unit: String(data.unitId), time })} ${t('fieldUnitNext')}`, testId: 'field-unit' };
    case 'MissionUpdated':
      if (data.stage !== 'completed') return undefined;
      return { key, text: t('missionCompleted', { unit: String(data.unitId), time, conveyance: conveyance(data, t) }), testId: 'mission-completed' };
    case 'UnitUrgencyRaised':
      return { key, text: t('s8RecallsFailedNotice', { urgency: String(data.to), time }), severe: true };
    case 'UnitOverdue':
      return { key, text: t('s8UnitOverdueNotice', { minutes: Number(data.minutesWaited), time }), severe: true };
    default:
      return undefined;
  }
}

/** Whether the unit took the patient anywhere, with the non-conveyance code when it did not (domain.md, step 9). */
function conveyance(data: HistoryEvent['data'], t: Translate): string {
  if (data.conveyed === true) return t('conveyed');
  if (data.conveyed !== false) return t('conveyanceUnknown');
  return data.xCode ? t('notConveyedCode', { code: String(data.xCode) }) : t('notConveyed');
}
