/** `GET /api/reports/outcomes`: what followed the window's no-unit decisions (docs/outcome-linkage.md). */
export interface OutcomeCount {
  count: number;
  rate: number;
}

export interface FollowingOutcome {
  kind: 'ed-visit' | 'admission' | 'death';
  at: string;
  hoursAfter: number;
}

/** A no-unit decision an admission or a death followed: for a clinician's review, pseudonyms only. */
export interface PossibleUnderTriage {
  taskId: string;
  patientRef: string;
  decision: 'phone-advice' | 'redirect';
  decidedAt: string;
  careLevel?: string;
  followed: FollowingOutcome[];
}

export interface OutcomeLinkage {
  noUnitDecisions: number;
  edWithin24h: OutcomeCount;
  edWithin48h: OutcomeCount;
  admissionWithin48h: OutcomeCount;
  deathWithin30d: OutcomeCount;
  possibleUnderTriage: PossibleUnderTriage[];
  outcomesImported: number;
  outcomesThrough: string | null;
}

/** Deaths are looked for 30 days after a decision: a period ending later than that before the latest outcome is not fully followed. */
const FOLLOWED_MS = 30 * 24 * 3_600_000;

export const followedIncompletely = (periodEndIso: string, outcomesThrough: string) => Date.parse(periodEndIso) + FOLLOWED_MS > Date.parse(outcomesThrough);
