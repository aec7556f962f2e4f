import { z } from 'zod';

export const TaskIdParam = z.uuid('must be a task id (UUID)');
