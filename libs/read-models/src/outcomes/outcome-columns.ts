import { Breakdown } from '../measures/measure-rows';
import { groupKey } from '../measures/load-reduction';
import { TaskFacts } from '../measures/task-facts';
import { OutcomeCount, OutcomeLinkage, outcomeLinkage, OutcomeSources } from './outcome-linkage';

/** The outcome section as columns of a measures row: `outcomes.edWithin48h.rate` and so on once flattened. */
export interface OutcomeColumns {
  outcomes: {
    noUnitDecisions: number;
    edWithin24h: OutcomeCount;
    edWithin48h: OutcomeCount;
    admissionWithin48h: OutcomeCount;
    deathWithin30d: OutcomeCount;
    /** How many no-unit decisions are on the review list (possibleUnderTriage): the list itself stays out of a CSV. */
    casesForReview: number;
    imported: number;
    through: string | null;
  };
}

export function outcomeColumns(linkage: OutcomeLinkage): OutcomeColumns {
  const { noUnitDecisions, edWithin24h, edWithin48h, admissionWithin48h, deathWithin30d } = linkage;
  return {
    outcomes: {
      noUnitDecisions,
      edWithin24h,
      edWithin48h,
      admissionWithin48h,
      deathWithin30d,
      casesForReview: linkage.possibleUnderTriage.length,
      imported: linkage.outcomesImported,
      through: linkage.outcomesThrough,
    },
  };
}

/**
 * The outcome linkage of each row of a measures table: the total's over every task of the window,
 * a group's over the tasks the measures put in that group (groupKey), so an analyst reads ED
 * within 48 h by municipality or nurse beside the group's other measures.
 */
export class OutcomeBreakdowns {
  private readonly groups = new Map<Breakdown, Map<string, TaskFacts[]>>();

  constructor(
    private readonly tasks: readonly TaskFacts[],
    private readonly sources: OutcomeSources,
  ) {}

  of(breakdown: Breakdown, key: string): OutcomeColumns {
    return outcomeColumns(outcomeLinkage(this.tasksOf(breakdown, key), this.sources));
  }

  private tasksOf(breakdown: Breakdown, key: string): readonly TaskFacts[] {
    if (breakdown === 'total') return this.tasks;
    let byKey = this.groups.get(breakdown);
    if (!byKey) {
      byKey = new Map();
      for (const task of this.tasks) {
        const group = groupKey(task, breakdown);
        const list = byKey.get(group);
        if (list) list.push(task);
        else byKey.set(group, [task]);
      }
      this.groups.set(breakdown, byKey);
    }
    return byKey.get(key) ?? [];
  }
}

/** The measures CSV's rows, each with its outcome columns (before staff ids become pseudonyms: the groups are keyed by id). */
export function withOutcomeColumns<R extends { breakdown: Breakdown; key: string }>(rows: readonly R[], tasks: readonly TaskFacts[], sources: OutcomeSources): (R & OutcomeColumns)[] {
  const breakdowns = new OutcomeBreakdowns(tasks, sources);
  return rows.map((row) => ({ ...row, ...breakdowns.of(row.breakdown, row.key) }));
}
