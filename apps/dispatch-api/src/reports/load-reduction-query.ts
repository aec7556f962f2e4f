import { z } from 'zod';
import { GROUP_BY } from '@dtask/read-models';

/**
 * `?from&to` of every report-like route: ISO times, both optional, `to` after `from`. The ends lie
 * in 2000–2100 and the window spans at most five years: a 10,000-year window was a 26 MB answer.
 */
const instantInRange = (iso: string) => {
  const year = new Date(iso).getUTCFullYear();
  // Not a time at all: the datetime check says so, once.
  return Number.isNaN(year) || (year >= 2000 && year <= 2100);
};
const Instant = z.iso.datetime({ offset: true }).refine(instantInRange, 'must lie in the years 2000–2100');
const MAX_SPAN_MS = 5 * 366 * 86_400_000;
export const WindowShape = {
  from: Instant.optional(),
  to: Instant.optional(),
};
export const toAfterFrom = (query: { from?: string; to?: string }) =>
  !query.from || !query.to || (Date.parse(query.from) < Date.parse(query.to) && Date.parse(query.to) - Date.parse(query.from) <= MAX_SPAN_MS);
export const TO_AFTER_FROM = { path: ['to'], message: 'must be after from, and at most five years after it' };

export const LoadReductionQuerySchema = z
  .object({ ...WindowShape, groupBy: z.enum(GROUP_BY).optional() })
  .strict()
  .refine(toAfterFrom, TO_AFTER_FROM);
export type LoadReductionQuery = z.infer<typeof LoadReductionQuerySchema>;

/** `?from&to` of the charts and the exports: the same checks as the report's, and nothing else. */
export const TimeWindowQuerySchema = z.object(WindowShape).strict().refine(toAfterFrom, TO_AFTER_FROM);
export type TimeWindowQuery = z.infer<typeof TimeWindowQuerySchema>;
