import type { ReferralView } from '@dtask/events';

/**
 * A referral of the partner's inbox. Contract v1.1: after the partner accepts, the same referral
 * stays in its inbox, awaiting its visit report, until `visitBy` (a server before v1.1 sends neither).
 */
export type PartnerReferral = ReferralView & { status?: 'awaiting-handoff' | 'awaiting-visit'; visitBy?: string; acceptedAt?: string };

/** What the partner owes on it: an answer (accept or decline), or the visit's report. */
export type Stage = 'answer' | 'visit';

export const stageOf = (referral: PartnerReferral): Stage =>
  referral.status === 'awaiting-visit' || (referral.status === undefined && referral.visitBy !== undefined) ? 'visit' : 'answer';

/** One referral at one stage: accepting a referral makes it a new entry, the visit to report. */
export const entryKey = (referral: PartnerReferral) => `${referral.taskId}:${stageOf(referral)}`;
