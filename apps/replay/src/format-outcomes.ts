import { flatten, GroupBy, LoadReductionReplay, OutcomeBreakdowns, OutcomeLinkage, toCsv } from '@dtask/read-models';
import type { Format } from './format';
import { table } from './table';

/** What the replay of the load reduction adds from the outcome streams: the section, and each row's columns. */
export interface ReplayedOutcomes {
  linkage: OutcomeLinkage;
  breakdowns: OutcomeBreakdowns;
  groupBy?: GroupBy;
}

const OUTCOME_COLUMNS = [
  'key', 'noUnitDecisions', 'edWithin24h.count', 'edWithin24h.rate', 'edWithin48h.count', 'edWithin48h.rate',
  'admissionWithin48h.count', 'admissionWithin48h.rate', 'deathWithin30d.count', 'deathWithin30d.rate', 'casesForReview',
];

/** The measures rows (total, then the groups) with each row's outcome columns, as the measures CSV has them. */
function rowsWithOutcomes(result: LoadReductionReplay, outcomes: ReplayedOutcomes): Record<string, unknown>[] {
  const total = { key: 'total', ...result.totals, ...outcomes.breakdowns.of('total', 'total') };
  return [total, ...result.groups.map((group) => ({ ...group, ...outcomes.breakdowns.of(outcomes.groupBy!, group.key) }))];
}

/**
 * The load reduction with its outcome section: JSON as the service's report (`outcomes`), CSV with
 * the measures CSV's `outcomes.*` columns on every row, and in a table the counts by row and the
 * review list under the measures.
 */
export function renderOutcomes(result: LoadReductionReplay, outcomes: ReplayedOutcomes, format: Format, measuresTable: () => string): string {
  if (format === 'json') return `${JSON.stringify({ ...result, outcomes: outcomes.linkage }, null, 2)}\n`;
  const rows = rowsWithOutcomes(result, outcomes);
  if (format === 'csv') return toCsv(rows);
  const { linkage } = outcomes;
  const reach = linkage.outcomesThrough ? `${linkage.outcomesImported} outcomes imported, the latest ${linkage.outcomesThrough}` : 'no outcomes imported';
  const counts = rows.map((row) => ({ key: row.key, ...(flatten(row.outcomes as Record<string, unknown>)) }));
  const review = linkage.possibleUnderTriage.map(({ taskId, patientRef, decision, decidedAt, careLevel, followed }) => ({
    taskId,
    patientRef,
    decision,
    decidedAt,
    careLevel,
    followed: followed.map((outcome) => `${outcome.kind} +${outcome.hoursAfter} h`).join('; '),
  }));
  return [
    measuresTable(),
    table(`outcomes after no-unit decisions (ED within 24 h and 48 h, admission within 48 h, death within 30 days; ${reach})`, counts, OUTCOME_COLUMNS),
    table(`possible under-triage for review: ${review.length}`, review, ['taskId', 'patientRef', 'decision', 'decidedAt', 'careLevel', 'followed']),
  ].join('\n');
}
