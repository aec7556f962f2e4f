import { EventSchemas } from '@dtask/events';
import { z } from 'zod';
import { TaskIdParam } from '../d-tasks/task-id-param';

/**
 * `?taskId=` or `?personId=`, exactly one. The identity code is checked as the intake checks it, read
 * in capitals as the patient index keys it; no message quotes the value sent.
 */
export const PersonalDataReadsQuery = z
  .object({
    taskId: TaskIdParam.optional(),
    personId: z.string().trim().toUpperCase().pipe(EventSchemas.Patient.shape.personId.unwrap()).optional(),
  })
  .strict()
  .superRefine((query, context) => {
    if (query.taskId === undefined && query.personId === undefined) {
      context.addIssue({ code: 'custom', path: ['taskId'], message: 'give taskId or personId' });
    }
    if (query.taskId !== undefined && query.personId !== undefined) {
      context.addIssue({ code: 'custom', path: ['personId'], message: 'give taskId or personId, not both' });
    }
  });

/** A type of its own name: a parameter typed by the schema's name would give Swagger the schema as its class. */
export type LogQuery = z.infer<typeof PersonalDataReadsQuery>;
