import { z } from 'zod';
import { Consultant, Id, Instant, requiredText, text } from '../vocabulary';
import { classified } from './field-classes';
import { partnerAnswer, partnerAnswerClasses } from './triage';

/**
 * v1.1: the receiving service's side of a redirect after it accepted (domain.md, "The receiving
 * service's side of a redirect"), and the nurse's consults before a decision.
 */

/** The service visited the patient: the task closes as redirected. */
export const HandoffCompleted = classified(z.object({ ...partnerAnswer, visitedAt: Instant, notes: text(4000).optional() }), {
  ...partnerAnswerClasses,
  visitedAt: 'safe',
  notes: 'free-text',
});

/** The visit did not happen or did not help: the task returns to the top of the queue. */
export const HandoffFailed = classified(z.object({ ...partnerAnswer, reason: requiredText(1000) }), { ...partnerAnswerClasses, reason: 'free-text' });

/** No report of the visit by its limit: the task returns to the top of the queue, as after a failure. */
export const HandoffVisitOverdue = classified(z.object({ target: Id, visitBy: Instant }), { target: 'safe', visitBy: 'safe' });

/**
 * The centre took the patient back from the service: the patient called 112 again while the service
 * had not yet answered or visited, and a nurse must assess the patient at once (top of the queue).
 */
export const HandoffWithdrawn = classified(z.object({ target: Id, reason: z.enum(['repeat-call']) }), { target: 'safe', reason: 'safe' });

/** The nurse asked the EMS physician, an on-call doctor or the field commander; a decision may name it. */
export const ConsultRecorded = classified(
  z.object({ consultId: Id, consultant: Consultant, question: requiredText(2000), advice: requiredText(4000) }),
  { consultId: 'safe', consultant: 'safe', question: 'free-text', advice: 'free-text' },
);
