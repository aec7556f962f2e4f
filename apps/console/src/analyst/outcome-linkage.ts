// The report's shape stands once, in the read model that makes it (type-only: nothing of it is bundled).
export type { FollowingOutcome, OutcomeCount, OutcomeLinkage, PossibleUnderTriage } from '../../../../libs/read-models/src/outcomes/outcome-linkage';

/** Deaths are looked for 30 days after a decision: a period ending later than that before the latest outcome is not fully followed. */
const FOLLOWED_MS = 30 * 24 * 3_600_000;

export const followedIncompletely = (periodEndIso: string, outcomesThrough: string) => Date.parse(periodEndIso) + FOLLOWED_MS > Date.parse(outcomesThrough);
