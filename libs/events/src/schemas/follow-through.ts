import { z } from 'zod';
import { CallbackOutcome, CloseOutcome, Id, Instant, MissionStage, OverrideRule, requiredText, text } from '../vocabulary';
import { classified } from './field-classes';

export const FollowUpScheduled = classified(z.object({ dueAt: Instant }), { dueAt: 'safe' });
export const FollowUpCompleted = classified(
  z.object({ outcome: CallbackOutcome, attempt: z.number().int().min(1), notes: text(4000).optional() }),
  { outcome: 'safe', attempt: 'safe', notes: 'free-text' },
);
export const WaitingLimitReached = classified(z.object({ level: z.enum(['alert', 'dispatch']), waitedMinutes: z.number().int().min(0) }), {
  level: 'safe',
  waitedMinutes: 'safe',
});
export const SecondContactFlagged = classified(
  z.object({
    previousTaskId: z.uuid(),
    // v1.1: also a unit mission that ended without conveyance (an X code) within the window.
    previousDecision: z.enum(['phone-advice', 'redirect', 'unit-not-conveyed']),
    previousDecidedAt: Instant,
    hoursSince: z.number().min(0),
  }),
  { previousTaskId: 'safe', previousDecision: 'safe', previousDecidedAt: 'safe', hoursSince: 'safe' },
);
export const OverrideGranted = classified(z.object({ rule: OverrideRule, reason: requiredText(1000) }), { rule: 'safe', reason: 'free-text' });
export const MissionUpdated = classified(
  z.object({
    stage: MissionStage,
    unitId: Id,
    conveyed: z.boolean().optional(),
    xCode: z.string().regex(/^X-?[0-9]{1,2}$/i, 'must be a non-conveyance code such as X-5').optional(),
  }),
  { stage: 'safe', unitId: 'safe', conveyed: 'safe', xCode: 'safe' },
);
export const DTaskClosed = classified(z.object({ outcome: CloseOutcome }), { outcome: 'safe' });
