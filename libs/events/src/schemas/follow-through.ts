import { z } from 'zod';
import { CallbackOutcome, CloseOutcome, Id, Instant, MissionStage, OverrideRule, requiredText, text } from '../vocabulary';

export const FollowUpScheduled = z.object({ dueAt: Instant });
export const FollowUpCompleted = z.object({ outcome: CallbackOutcome, attempt: z.number().int().min(1), notes: text(4000).optional() });
export const WaitingLimitReached = z.object({ level: z.enum(['alert', 'dispatch']), waitedMinutes: z.number().int().min(0) });
export const SecondContactFlagged = z.object({
  previousTaskId: z.uuid(),
  previousDecision: z.enum(['phone-advice', 'redirect']),
  previousDecidedAt: Instant,
  hoursSince: z.number().min(0),
});
export const OverrideGranted = z.object({ rule: OverrideRule, reason: requiredText(1000) });
export const MissionUpdated = z.object({
  stage: MissionStage,
  unitId: Id,
  conveyed: z.boolean().optional(),
  xCode: z.string().regex(/^X-?[0-9]{1,2}$/i, 'must be a non-conveyance code such as X-5').optional(),
});
export const DTaskClosed = z.object({ outcome: CloseOutcome });
