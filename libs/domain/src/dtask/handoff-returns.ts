import type { DTaskEvent } from '@dtask/events';

/**
 * The events by which a receiving service gives the patient back to the centre (declined, no answer
 * in time by S6, failed, not reported in time, taken back at a repeat call): after each the patient
 * is reached and assessed again (evolve's `recontactNeeded`). The console reads the same list.
 */
export const HANDOFF_RETURNS = ['HandoffDeclined', 'HandoffTimedOut', 'HandoffFailed', 'HandoffVisitOverdue', 'HandoffWithdrawn'] as const satisfies readonly DTaskEvent['type'][];

export type HandoffReturn = (typeof HANDOFF_RETURNS)[number];
