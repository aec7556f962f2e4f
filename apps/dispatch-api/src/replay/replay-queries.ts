import { z } from 'zod';
import { SAFETY_LIMIT_SETTINGS, SafetyLimit } from '@dtask/domain';
import { WHAT_IF_LIMITS } from '@dtask/read-models';
import { LoadReductionQuerySchema, TO_AFTER_FROM, toAfterFrom, WindowShape } from '../reports/load-reduction-query';

export { LoadReductionQuerySchema as ReplayLoadReductionQuery };

export const PastLoadQuery = z.object({ at: z.iso.datetime({ offset: true }) }).strict();

export const PastDayQuery = z
  .object({
    date: z.iso.date(),
    stepMinutes: z.coerce.number().int().min(1).max(240).default(15),
  })
  .strict();

const limit = (max: number) => z.coerce.number().int().min(1).max(max).optional();
/** A limit within the range its setting allows (safety-rule settings). */
const asSetting = (rule: SafetyLimit) => {
  const setting = SAFETY_LIMIT_SETTINGS.find((candidate) => candidate.rule === rule)!;
  return z.coerce.number().int().min(setting.min).max(setting.max).optional();
};

/** Each limit the analyst leaves out keeps its configured value. */
export const WhatIfQuery = z
  .object({
    ...WindowShape,
    s1FailedAttempts: limit(10),
    s1MinutesAfterFirstFailure: limit(24 * 60),
    s2AlertMinutes: limit(24 * 60),
    s2DispatchMinutes: limit(24 * 60),
    s4SecondContactHours: limit(24 * 14),
    s6HandoffMinutes: limit(24 * 60),
    s8RecallMinutes: asSetting('s8RecallMinutes'),
    s8UnitOverdueMinutes: asSetting('s8UnitOverdueMinutes'),
    s8RecallFailedAttempts: asSetting('s8RecallFailedAttempts'),
    handoffVisitHours: asSetting('handoffVisitHours'),
  } satisfies Record<(typeof WHAT_IF_LIMITS)[number] | 'from' | 'to', z.ZodType>)
  .strict()
  .refine(toAfterFrom, TO_AFTER_FROM)
  .refine((query) => query.s2AlertMinutes === undefined || query.s2DispatchMinutes === undefined || query.s2AlertMinutes < query.s2DispatchMinutes, {
    path: ['s2AlertMinutes'],
    message: 'must be less than s2DispatchMinutes',
  });
// Named apart from the schema: a decorated parameter typed by a same-named value confuses OpenAPI.
export type WhatIfParams = z.infer<typeof WhatIfQuery>;
