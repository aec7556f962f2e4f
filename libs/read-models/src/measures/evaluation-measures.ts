import { CareLevel } from '@dtask/events';
import { medianAndP90, round, share } from './percentile';
import { TaskFacts } from './task-facts-shape';

/** The county's target for the time to clinical contact when none is configured (domain.md, "Within target"). */
export const DEFAULT_CONTACT_TARGET_MINUTES = 30;

const CARE_LEVELS = CareLevel.options;
/** What the tally counts task by task (each a number of tasks, or of consults and failed visits). */
const COUNTS = ['contacted', 'withinTarget', 'unitsDecided', 'notConveyed', 'consults', 'interpreter', 'failedVisits', 'closedWithoutVisit'] as const;

/** Issue 14's measures of the published evaluations (domain.md, "Measures"), beside the v1 ones. */
/** Unit hours the tasks resolved without a unit saved, at a measured mean unit time; none while no mission was measured. */
export const unitHoursAt = (resolved: number, meanMinutes: number | null) => (meanMinutes === null ? null : round((resolved * meanMinutes) / 60, 2));

export interface EvaluationMeasures {
  /** From the first unit assigned to the mission completed, of tasks that stayed D (minutes). */
  unitMinutesMeasured: { median: number | null; p90: number | null; mean: number | null; missions: number };
  /** Resolved-without-unit tasks × the measured mean; null while no mission was measured. */
  unitHoursAvoidedMeasured: number | null;
  /** Of the tasks contacted or past the target uncontacted, the share contacted within it. */
  withinTarget: { targetMinutes: number; tasks: number; within: number; share: number };
  /** A nurse's own units, and those whose mission ended without conveyance. */
  overTriage: { unitsDecided: number; notConveyed: number; share: number };
  /** No-unit decisions by care level (every level, 0 too), and by level and timeframe as told. */
  careLevel: Record<CareLevel, number>;
  careLevelWithin: Record<string, Record<string, number>>;
  consults: number;
  /** From the ERC's receipt to the task's first consult. */
  timeToConsult: { medianSeconds: number | null; p90Seconds: number | null };
  /** Tasks whose assessment was made through an interpreter. */
  interpreter: number;
  /** Visits reported failed or overdue: each returned its task to the queue. */
  failedVisits: number;
  /** Closed as redirected with no visit reported (accepted before v1.1's visit report): not resolved. */
  redirectClosedWithoutVisit: number;
}

/** Adds up the evaluation measures task by task, in measure()'s one pass. */
export class EvaluationTally {
  private readonly unitMinutes: number[] = [];
  private readonly consultSeconds: number[] = [];
  private readonly careLevel = Object.fromEntries(CARE_LEVELS.map((level) => [level, 0])) as Record<CareLevel, number>;
  private readonly careLevelWithin: Record<string, Record<string, number>> = {};
  private readonly count = Object.fromEntries(COUNTS.map((name) => [name, 0])) as Record<(typeof COUNTS)[number], number>;
  private readonly targetMs: number;

  constructor(
    private readonly targetMinutes: number,
    /** A task not yet contacted counts only once its target has passed by then. */
    private readonly asOfMs: number,
  ) {
    this.targetMs = targetMinutes * 60_000;
  }

  /** A task not cancelled. */
  add(task: TaskFacts): void {
    if (task.unitMinutes !== undefined && !task.escalated) this.unitMinutes.push(task.unitMinutes);
    const targetAtMs = task.receivedAtMs + this.targetMs;
    if (task.firstContactMs !== undefined || targetAtMs <= this.asOfMs) {
      this.count.contacted += 1;
      if (task.firstContactMs !== undefined && task.firstContactMs <= targetAtMs) this.count.withinTarget += 1;
    }
    if (task.nurseUnit) {
      this.count.unitsDecided += 1;
      if (task.conveyed === false) this.count.notConveyed += 1;
    }
    if (task.careLevel !== undefined && task.decision !== undefined && task.decision !== 'send-unit') this.disposition(task.careLevel, task.within);
    this.count.consults += task.consults;
    if (task.firstConsultMs !== undefined) this.consultSeconds.push((task.firstConsultMs - task.receivedAtMs) / 1000);
    if (task.interpreter) this.count.interpreter += 1;
    this.count.failedVisits += task.failedVisits;
    if (task.closedOutcome === 'redirect' && !task.visitCompleted) this.count.closedWithoutVisit += 1;
  }

  result(resolvedWithoutUnit: number): EvaluationMeasures {
    const mean = this.unitMinutes.length === 0 ? null : this.unitMinutes.reduce((sum, minutes) => sum + minutes, 0) / this.unitMinutes.length;
    const consult = medianAndP90(this.consultSeconds);
    return {
      unitMinutesMeasured: { ...medianAndP90(this.unitMinutes), mean: mean === null ? null : round(mean, 1), missions: this.unitMinutes.length },
      unitHoursAvoidedMeasured: unitHoursAt(resolvedWithoutUnit, mean),
      withinTarget: { targetMinutes: this.targetMinutes, tasks: this.count.contacted, within: this.count.withinTarget, share: share(this.count.withinTarget, this.count.contacted) },
      overTriage: { unitsDecided: this.count.unitsDecided, notConveyed: this.count.notConveyed, share: share(this.count.notConveyed, this.count.unitsDecided) },
      careLevel: { ...this.careLevel },
      careLevelWithin: this.careLevelWithin,
      consults: this.count.consults,
      timeToConsult: { medianSeconds: consult.median, p90Seconds: consult.p90 },
      interpreter: this.count.interpreter,
      failedVisits: this.count.failedVisits,
      redirectClosedWithoutVisit: this.count.closedWithoutVisit,
    };
  }

  private disposition(level: string, within: string | undefined): void {
    if (level in this.careLevel) this.careLevel[level as CareLevel] += 1;
    const byWithin = (this.careLevelWithin[level] ??= {});
    const timeframe = within ?? 'not-told';
    byWithin[timeframe] = (byWithin[timeframe] ?? 0) + 1;
  }
}
