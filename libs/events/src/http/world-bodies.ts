import { z } from 'zod';
import { ErcUpdateReceived, RecallCompleted, RecallScheduled } from '../schemas/world';

/** `POST /api/d-tasks/{id}/erc-update` (erc): new information, a repeat call, or an urgency change. */
export const ErcUpdateBody = ErcUpdateReceived.strict().superRefine((body, context) => {
  if (body.kind === 'urgency-changed' && body.urgency === undefined) {
    context.addIssue({ code: 'custom', path: ['urgency'], message: 'an urgency change names the new urgency (A, B, C or D)' });
  }
  if (body.kind === 'new-information' && body.notes === undefined && body.callbackPhone === undefined && body.address === undefined) {
    context.addIssue({ code: 'custom', path: ['notes'], message: 'new information carries notes, a callback number or an address' });
  }
});

/** `POST /api/d-tasks/{id}/recalls` (nurse): a recall at a time of the nurse's choosing. */
export const RecallBody = RecallScheduled.pick({ dueAt: true, reason: true }).strict();

/** `POST /api/d-tasks/{id}/recalls/{recallId}` (nurse): one attempt; a reached patient's condition is told. */
export const RecallOutcomeBody = RecallCompleted.pick({ outcome: true, condition: true, notes: true })
  .strict()
  .superRefine((body, context) => {
    if (body.outcome === 'reached' && body.condition === undefined) {
      context.addIssue({ code: 'custom', path: ['condition'], message: 'a reached patient\u2019s condition is same, better or worse' });
    }
  });

export type ErcUpdateBody = z.infer<typeof ErcUpdateBody>;
export type RecallBody = z.infer<typeof RecallBody>;
export type RecallOutcomeBody = z.infer<typeof RecallOutcomeBody>;
