import { z } from 'zod';
import { GROUP_BY } from '@dtask/read-models';

/** `?from&to` of every report-like route: ISO times, both optional, `to` after `from`. */
export const WindowShape = {
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
};
export const toAfterFrom = (query: { from?: string; to?: string }) => !query.from || !query.to || Date.parse(query.from) < Date.parse(query.to);
export const TO_AFTER_FROM = { path: ['to'], message: 'must be after from' };

export const LoadReductionQuerySchema = z
  .object({ ...WindowShape, groupBy: z.enum(GROUP_BY).optional() })
  .strict()
  .refine(toAfterFrom, TO_AFTER_FROM);
export type LoadReductionQuery = z.infer<typeof LoadReductionQuerySchema>;

/** `?from&to` of the charts and the exports: the same checks as the report's, and nothing else. */
export const TimeWindowQuerySchema = z.object(WindowShape).strict().refine(toAfterFrom, TO_AFTER_FROM);
export type TimeWindowQuery = z.infer<typeof TimeWindowQuerySchema>;
