import { beyondVisitLimit } from '../timeframe';
import type { DecisionKind, Drafts } from './task-drafts';
import { followUpInstant } from './task-drafts';

/** The decision as typed, ready to send, or the words key of what is still missing (with its values). */
export type DecisionBody = { body: Record<string, unknown> } | { missing: string; values?: Record<string, number> };

/**
 * The `decision` command's body from the drafts of the tab shown. Advice and redirects carry their
 * disposition (v1.1): the care level always; the timeframe and the way there unless it is self-care,
 * where the patient goes nowhere (and the service refuses both). A redirect's timeframe is at most
 * the receiving service's visit limit, `visitHours`. Any decision may name the consult it rests on.
 */
export function decisionBody(drafts: Drafts, kind: DecisionKind, nowMs: number, visitHours?: number): DecisionBody {
  const consult = drafts.consultId ? { consultId: drafts.consultId } : {};
  if (kind === 'send-unit') return { body: { kind: 'send-unit', unitLevel: drafts.unitLevel, urgency: drafts.urgency, ...consult } };
  if (kind === 'phone-advice') {
    if (!drafts.advice.trim() || !drafts.safetyNet.trim()) return { missing: 'adviceRequired' };
  } else if (!drafts.target) return { missing: 'targetRequired' };
  else if (!drafts.handoffNote.trim()) return { missing: 'handoffNoteRequired' };
  const disposition = dispositionOf(drafts);
  if ('missing' in disposition) return disposition;
  if (!drafts.informed) return { missing: 'informedRequired' };
  if (kind === 'redirect') {
    if (visitHours !== undefined && beyondVisitLimit(drafts.within, visitHours)) return { missing: 'withinBeyondVisitLimit', values: { hours: visitHours } };
    return { body: { kind: 'redirect', target: drafts.target, handoffNote: drafts.handoffNote, patientInformed: true, ...disposition.fields, ...consult } };
  }
  const followUpAt = followUpInstant(drafts);
  if (followUpAt === null) return { missing: 'followUpTimeInvalid' };
  if (followUpAt && Date.parse(followUpAt) <= nowMs) return { missing: 'followUpInPast' };
  return {
    body: { kind: 'phone-advice', advice: drafts.advice, safetyNet: drafts.safetyNet, patientInformed: true, ...(followUpAt ? { followUpAt } : {}), ...disposition.fields, ...consult },
  };
}

function dispositionOf(drafts: Drafts): { fields: Record<string, string> } | { missing: string } {
  if (!drafts.careLevel) return { missing: 'careLevelRequired' };
  if (drafts.careLevel === 'self-care') return { fields: { careLevel: drafts.careLevel } };
  if (!drafts.within) return { missing: 'withinRequired' };
  if (!drafts.transport) return { missing: 'transportRequired' };
  return { fields: { careLevel: drafts.careLevel, within: drafts.within, transport: drafts.transport } };
}
