/**
 * Issue 14's measures as the report (`GET /api/reports/load-reduction`, contract v1.1 "M +") and
 * the load snapshot's load reduction give them; optional, so an older server's answer still shows.
 */
export interface EvaluationMeasures {
  tasks?: number;
  assumedMissionMinutes?: number;
  unitHoursAvoided?: number;
  unitMinutesMeasured?: { median: number | null; p90: number | null; mean?: number | null; missions?: number };
  unitHoursAvoidedMeasured?: number | null;
  withinTarget?: { targetMinutes: number; tasks?: number; within?: number; share: number };
  overTriage?: { unitsDecided: number; notConveyed: number; share: number };
  recontacts?: { within24h: number; within72h: number; rate24h?: number; rate72h?: number };
  careLevel?: Record<string, number>;
  consults?: number;
  timeToConsult?: { medianSeconds: number | null; p90Seconds: number | null };
  interpreter?: number;
  failedVisits?: number;
}

/** Whether the answer carries issue 14's measures at all (a server before it does not). */
export const hasEvaluation = (m: EvaluationMeasures) => m.withinTarget !== undefined || m.overTriage !== undefined || m.unitMinutesMeasured !== undefined;
