import { z } from 'zod';
import { GROUP_BY } from '@dtask/read-models';

const windowFields = {
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
};

const fromBeforeTo = (query: { from?: string; to?: string }) => !query.from || !query.to || Date.parse(query.from) < Date.parse(query.to);
const fromBeforeToIssue = { path: ['to'], message: 'must be after from' };

export const LoadReductionQuerySchema = z
  .object({ ...windowFields, groupBy: z.enum(GROUP_BY).optional() })
  .strict()
  .refine(fromBeforeTo, fromBeforeToIssue);
export type LoadReductionQuery = z.infer<typeof LoadReductionQuerySchema>;

/** The analysts' charts take the same window as the load-reduction report, and nothing else. */
export const ChartsQuerySchema = z.object(windowFields).strict().refine(fromBeforeTo, fromBeforeToIssue);
export type ChartsQuery = z.infer<typeof ChartsQuerySchema>;

/** [from, to) of a report: `to` defaults to now, `from` to the start of the centre's year. */
export function reportWindow(query: { from?: string; to?: string }, now: Date): { fromMs: number; toMs: number } {
  const toMs = query.to ? Date.parse(query.to) : now.getTime();
  // The centre's year starts at midnight in Helsinki (UTC+2 in winter).
  const fromMs = query.from ? Date.parse(query.from) : Date.UTC(now.getUTCFullYear(), 0, 1) - 2 * 3_600_000;
  return { fromMs, toMs };
}
