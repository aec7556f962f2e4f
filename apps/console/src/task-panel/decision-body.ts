import type { DecisionKind, Drafts } from './task-drafts';
import { followUpInstant } from './task-drafts';

/** The decision as typed, ready to send, or the words key of what is still missing. */
export type DecisionBody = { body: Record<string, unknown> } | { missing: string };

/**
 * The `decision` command's body from the drafts of the tab shown. Advice and redirects carry their
 * disposition (v1.1): the care level always; the timeframe and the way there unless it is self-care,
 * where the patient goes nowhere. Any decision may name the consult it rests on.
 */
export function decisionBody(drafts: Drafts, kind: DecisionKind, nowMs: number): DecisionBody {
  const consult = drafts.consultId ? { consultId: drafts.consultId } : {};
  if (kind === 'send-unit') return { body: { kind: 'send-unit', unitLevel: drafts.unitLevel, urgency: drafts.urgency, ...consult } };
  if (kind === 'phone-advice') {
    if (!drafts.advice.trim() || !drafts.safetyNet.trim()) return { missing: 'adviceRequired' };
  } else if (!drafts.target) return { missing: 'targetRequired' };
  const disposition = dispositionOf(drafts);
  if ('missing' in disposition) return disposition;
  if (!drafts.informed) return { missing: 'informedRequired' };
  if (kind === 'redirect') {
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
  const selfCare = drafts.careLevel === 'self-care';
  if (!drafts.within && !selfCare) return { missing: 'withinRequired' };
  if (!drafts.transport && !selfCare) return { missing: 'transportRequired' };
  return {
    fields: { careLevel: drafts.careLevel, ...(drafts.within ? { within: drafts.within } : {}), ...(drafts.transport ? { transport: drafts.transport } : {}) },
  };
}
