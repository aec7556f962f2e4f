import { z } from 'zod';
import { GROUP_BY } from '@dtask/read-models';

export const LoadReductionQuerySchema = z
  .object({
    from: z.iso.datetime({ offset: true }).optional(),
    to: z.iso.datetime({ offset: true }).optional(),
    groupBy: z.enum(GROUP_BY).optional(),
  })
  .strict()
  .refine((query) => !query.from || !query.to || Date.parse(query.from) < Date.parse(query.to), {
    path: ['to'],
    message: 'must be after from',
  });
export type LoadReductionQuery = z.infer<typeof LoadReductionQuerySchema>;
