import { z } from 'zod';
import { CallbackOutcome, Id, Instant, Phone, requiredText, text, Urgency } from '../vocabulary';
import { classified } from './field-classes';

/**
 * What the ERC and the EMS field commander do to a task while it waits (domain.md, "The task as
 * the world around it touches it"; contract v1.1).
 */
export const ErcUpdateKind = z.enum(['new-information', 'repeat-call', 'urgency-changed']);
export type ErcUpdateKind = z.infer<typeof ErcUpdateKind>;

export const ErcUpdateReceived = classified(
  z.object({
    kind: ErcUpdateKind,
    notes: text(4000).optional(),
    callbackPhone: Phone.optional(),
    address: requiredText(200).optional(),
    urgency: Urgency.optional(),
  }),
  { kind: 'safe', notes: 'free-text', callbackPhone: 'personal', address: 'personal', urgency: 'safe' },
);

/** The field commander put a unit on the task directly: it is sent a unit, by the field commander. */
export const UnitAttachedByField = classified(z.object({ unitId: Id }), { unitId: 'safe' });

/** At intake: the patient has another task still open; the two are linked. */
export const DuplicateOpenFlagged = classified(z.object({ openTaskId: z.uuid() }), { openTaskId: 'safe' });

/**
 * Recalls are a list: each has its id, its due time and why (a follow-up after advice, S8 while a D
 * unit is on its way, or a nurse's choice), and its own attempts.
 */
export const RecallReason = z.enum(['follow-up', 'waiting-for-unit', 'nurse']);
export type RecallReason = z.infer<typeof RecallReason>;
export const RecallCondition = z.enum(['same', 'better', 'worse']);
export type RecallCondition = z.infer<typeof RecallCondition>;

export const RecallScheduled = classified(z.object({ recallId: Id, dueAt: Instant, reason: RecallReason }), {
  recallId: 'safe',
  dueAt: 'safe',
  reason: 'safe',
});

/** One attempt at a recall: reached (with the patient's condition) ends it; otherwise it stays due. */
export const RecallCompleted = classified(
  z.object({
    recallId: Id,
    outcome: CallbackOutcome,
    attempt: z.number().int().min(1),
    condition: RecallCondition.optional(),
    notes: text(4000).optional(),
  }),
  { recallId: 'safe', outcome: 'safe', attempt: 'safe', condition: 'safe', notes: 'free-text' },
);

/** S8: a recall failed twice; the supervisor is alerted and the unit request raised to C. */
export const UnitUrgencyRaised = classified(
  z.object({ from: Urgency, to: Urgency, reason: z.enum(['recalls-failed']), recallId: Id }),
  { from: 'safe', to: 'safe', reason: 'safe', recallId: 'safe' },
);

/** S8: a D unit has not reached the scene this long after the request; the supervisor is alerted. */
export const UnitOverdue = classified(z.object({ requestedAt: Instant, minutesWaited: z.number().int().min(0) }), {
  requestedAt: 'safe',
  minutesWaited: 'safe',
});
