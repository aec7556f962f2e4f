import { z } from 'zod';
import { ActorId, Consultant, Id, Instant, requiredText, text } from '../vocabulary';
import { classified } from './field-classes';

/**
 * v1.1: the receiving service's side of a redirect after it accepted (domain.md, "The receiving
 * service's side of a redirect"), and the nurse's consults before a decision.
 */

/** The service visited the patient: the task closes as redirected. */
export const HandoffCompleted = classified(z.object({ target: Id, partnerId: ActorId, visitedAt: Instant, notes: text(4000).optional() }), {
  target: 'safe',
  partnerId: 'staff',
  visitedAt: 'safe',
  notes: 'free-text',
});

/** The visit did not happen or did not help: the task returns to the top of the queue. */
export const HandoffFailed = classified(z.object({ target: Id, partnerId: ActorId, reason: requiredText(1000) }), {
  target: 'safe',
  partnerId: 'staff',
  reason: 'free-text',
});

/** No report of the visit by its limit: the task returns to the top of the queue, as after a failure. */
export const HandoffVisitOverdue = classified(z.object({ target: Id, visitBy: Instant }), { target: 'safe', visitBy: 'safe' });

/** The nurse asked the EMS physician, an on-call doctor or the field commander; a decision may name it. */
export const ConsultRecorded = classified(
  z.object({ consultId: Id, consultant: Consultant, question: requiredText(2000), advice: requiredText(4000) }),
  { consultId: 'safe', consultant: 'safe', question: 'free-text', advice: 'free-text' },
);
