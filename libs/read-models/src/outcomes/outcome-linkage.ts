import { OutcomeKind } from '@dtask/events';
import { isResolvedWithoutUnit } from '../measures/load-reduction';
import { round, share } from '../measures/percentile';
import { TaskFacts } from '../measures/task-facts';
import { PatientOutcome } from './outcome-fold';

const HOUR_MS = 3_600_000;

/**
 * How long after a no-unit decision each outcome is looked for (domain.md's reference figures:
 * Ambulance Victoria's ED presentation within 48 h, and 24 h beside it; admissions within 48 h;
 * deaths within 30 days). Both ends count: an outcome at the decision's instant, and one exactly at
 * the limit. An outcome before the decision never counts.
 */
export const OUTCOME_LIMIT_HOURS = { ed24h: 24, ed48h: 48, admission: 48, death: 30 * 24 } as const;

export interface OutcomeCount {
  /** No-unit decisions followed by the outcome within the limit (a decision counts once). */
  count: number;
  /** count / noUnitDecisions. */
  rate: number;
}

export interface FollowingOutcome {
  kind: OutcomeKind;
  at: string;
  hoursAfter: number;
}

/** A no-unit decision an admission or a death followed: for a clinician's review, pseudonyms only. */
export interface PossibleUnderTriage {
  taskId: string;
  patientRef: string;
  decision: 'phone-advice' | 'redirect';
  decidedAt: string;
  /** The care level the patient was told (v1.1), when the decision named one. */
  careLevel?: string;
  /** Every outcome within 30 days of the decision, oldest first. */
  followed: FollowingOutcome[];
}

export interface OutcomeLinkage {
  /** Tasks of the window resolved without a unit (the load reduction's count), and their patients' outcomes. */
  noUnitDecisions: number;
  edWithin24h: OutcomeCount;
  edWithin48h: OutcomeCount;
  admissionWithin48h: OutcomeCount;
  deathWithin30d: OutcomeCount;
  /** Admitted within 48 h or dead within 30 days after a no-unit decision, oldest decision first. */
  possibleUnderTriage: PossibleUnderTriage[];
  /** Outcomes imported in all, and the latest one's time: a window after it has not been linked yet. */
  outcomesImported: number;
  outcomesThrough: string | null;
}

export interface OutcomeSources {
  /** The task's patient as the patient index holds them (the analysts' pseudonym). */
  patientOf(taskId: string): string | undefined;
  /** The patient's imported outcomes, oldest first. */
  outcomesOf(patientRef: string): readonly PatientOutcome[];
  extent(): { outcomes: number; latestAt: string | null };
}

/**
 * The outcome linkage of the tasks of a window: each task resolved without a unit (as the load
 * reduction counts it, so a unit-sent task's patient's outcomes never count) is joined by its
 * patient's pseudonym to the outcomes that followed its final decision.
 */
export function outcomeLinkage(tasks: readonly TaskFacts[], sources: OutcomeSources): OutcomeLinkage {
  const counts = { ed24h: 0, ed48h: 0, admission: 0, death: 0 };
  const possibleUnderTriage: PossibleUnderTriage[] = [];
  let noUnitDecisions = 0;
  for (const task of tasks) {
    if (!isResolvedWithoutUnit(task) || task.decidedAtMs === undefined) continue;
    noUnitDecisions += 1;
    const patientRef = sources.patientOf(task.taskId);
    if (patientRef === undefined) continue;
    const followed = following(sources.outcomesOf(patientRef), task.decidedAtMs);
    const within = (kind: OutcomeKind, hours: number) => followed.some((outcome) => outcome.kind === kind && outcome.hoursAfter <= hours);
    if (within('ed-visit', OUTCOME_LIMIT_HOURS.ed24h)) counts.ed24h += 1;
    if (within('ed-visit', OUTCOME_LIMIT_HOURS.ed48h)) counts.ed48h += 1;
    const admitted = within('admission', OUTCOME_LIMIT_HOURS.admission);
    const died = within('death', OUTCOME_LIMIT_HOURS.death);
    if (admitted) counts.admission += 1;
    if (died) counts.death += 1;
    if (admitted || died) {
      const decision = task.decision === 'redirect' ? 'redirect' : 'phone-advice';
      possibleUnderTriage.push({
        taskId: task.taskId,
        patientRef,
        decision,
        decidedAt: new Date(task.decidedAtMs).toISOString(),
        ...(task.careLevel ? { careLevel: task.careLevel } : {}),
        followed: followed.map(shown),
      });
    }
  }
  possibleUnderTriage.sort((a, b) => (a.decidedAt < b.decidedAt ? -1 : a.decidedAt > b.decidedAt ? 1 : 0));
  const counted = (count: number): OutcomeCount => ({ count, rate: share(count, noUnitDecisions) });
  const extent = sources.extent();
  return {
    noUnitDecisions,
    edWithin24h: counted(counts.ed24h),
    edWithin48h: counted(counts.ed48h),
    admissionWithin48h: counted(counts.admission),
    deathWithin30d: counted(counts.death),
    possibleUnderTriage,
    outcomesImported: extent.outcomes,
    outcomesThrough: extent.latestAt,
  };
}

interface Following {
  kind: OutcomeKind;
  atMs: number;
  hoursAfter: number;
}

/** The patient's outcomes from the decision's instant to the longest limit (30 days) after it. */
function following(outcomes: readonly PatientOutcome[], decidedAtMs: number): Following[] {
  const found: Following[] = [];
  for (const outcome of outcomes) {
    const hoursAfter = (outcome.atMs - decidedAtMs) / HOUR_MS;
    if (hoursAfter < 0) continue;
    if (hoursAfter > OUTCOME_LIMIT_HOURS.death) break;
    found.push({ kind: outcome.kind, atMs: outcome.atMs, hoursAfter });
  }
  return found;
}

const shown = (outcome: Following): FollowingOutcome => ({ kind: outcome.kind, at: new Date(outcome.atMs).toISOString(), hoursAfter: round(outcome.hoursAfter, 1) });
