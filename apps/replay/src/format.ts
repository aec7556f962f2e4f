import { DayStep, LoadReductionReplay, PastLoad, toCsv, WhatIfReport } from '@dtask/read-models';
import { renderOutcomes, ReplayedOutcomes } from './format-outcomes';
import { Row, table } from './table';

export type Format = 'table' | 'csv' | 'json';

function render(title: string, result: unknown, rows: Row[], format: Format, columns?: string[]): string {
  if (format === 'json') return `${JSON.stringify(result, null, 2)}\n`;
  if (format === 'csv') return toCsv(rows);
  return table(title, rows, columns);
}

const LOAD_REDUCTION_COLUMNS = ['key', 'tasks', 'cancelled', 'resolvedWithoutUnit', 'resolvedWithoutUnitShare', 'unitRequested', 'phoneAdvice', 'escalated', 'autoDispatch.unreachable', 'autoDispatch.waitingLimit', 'unitHoursAvoided', 'yearlyRate', 'timeToContact.medianSeconds', 'secondContacts.within24h',
  'recontacts.within24h', 'repeatCalls', 'recalls.due', 'recalls.worse', 'fieldCommanderUnits',
  // Issue 14: the measures of the published evaluations.
  'unitMinutesMeasured.median', 'unitMinutesMeasured.p90', 'unitHoursAvoidedMeasured', 'withinTarget.share', 'overTriage.share', 'recontacts.within72h',
  'careLevel.self-care', 'careLevel.primary-care', 'careLevel.emergency-department', 'careLevel.social-care', 'careLevel.other', 'consults', 'interpreter', 'failedVisits'];

/** The measures, then what followed the no-unit decisions (format-outcomes.ts). */
export function renderLoadReduction(result: LoadReductionReplay, outcomes: ReplayedOutcomes, format: Format): string {
  const rows = [{ key: 'total', ...result.totals }, ...result.groups] as unknown as Row[];
  const title = `load reduction, tasks received ${result.from} – ${result.to} (${result.events} events replayed; reference ${result.totals.referencePerYear}/year, assumed mission ${result.totals.assumedMissionMinutes} min, contact target ${result.totals.withinTarget.targetMinutes} min)`;
  return renderOutcomes(result, outcomes, format, () => table(title, rows, LOAD_REDUCTION_COLUMNS));
}

export function renderPastLoad(result: PastLoad, format: Format): string {
  const rows = result.queue.tasks.map(({ taskId, status, urgency, taskCode, area, waitingSeconds, flags, owner }) => ({ taskId, status, urgency, taskCode, area, waitingSeconds, flags: flags.join(' '), owner }));
  const { queueLength, oldestWaitSeconds, claimed, awaitingHandoff, awaitingVisit, referrals, nursesActive } = result.load;
  const title = `the queue at ${result.at}: ${queueLength} waiting (oldest ${oldestWaitSeconds} s), ${claimed} claimed, ${awaitingHandoff} awaiting handoff, ${awaitingVisit} awaiting a visit (${referrals.overdueVisits.length} overdue), ${nursesActive} nurses active`;
  return render(title, result, rows, format, ['taskId', 'status', 'urgency', 'taskCode', 'area', 'waitingSeconds', 'flags', 'owner']);
}

export function renderDay(result: { date: string; steps: DayStep[] }, format: Format): string {
  return render(`the load through ${result.date} (Helsinki)`, result, result.steps as unknown as Row[], format);
}

const WHAT_IF_COLUMNS = [
  'side', 'tasks', 'resolvedWithoutUnit', 'resolvedWithoutUnitShare', 'unitRequested', 'unitHoursAvoided', 'yearlyRate',
  's1UnreachableDispatches', 's2Alerts', 's2WaitingLimitDispatches', 's4SecondContactsFlagged', 's6HandoffTimeouts', 's8RecallsFailed', 's8UnitOverdue', 'handoffVisitsOverdue',
  'withinTarget.share', 'overTriage.share', 'unitMinutesMeasured.median', 'failedVisits',
  'timeToContact.medianSeconds', 'timeToContact.p90Seconds', 'timeToDecision.medianSeconds', 'timeToDecision.p90Seconds',
];

export function renderWhatIf(result: WhatIfReport, format: Format): string {
  const side = (name: string, { rules, firings, measures }: WhatIfReport['actual']) => ({ side: name, ...measures, ...firings, rules });
  const rows = [side('what happened', result.actual), side('what if', result.whatIf)] as unknown as Row[];
  const changedLimits = Object.entries(result.whatIf.rules)
    .filter(([limit, value]) => (result.actual.rules as unknown as Record<string, unknown>)[limit] !== value)
    .map(([limit, value]) => `${limit} ${(result.actual.rules as unknown as Record<string, unknown>)[limit]} → ${value}`);
  const refused = Object.entries(result.actionsRefused).map(([reason, n]) => `${reason} ${n}`).join(', ') || 'none';
  const title = `what-if, tasks received ${result.from} – ${result.to}: ${changedLimits.join('; ') || 'limits as configured'}; ${result.tasksChanged} tasks change outcome; recorded actions refused: ${refused}`;
  return render(title, result, rows, format, WHAT_IF_COLUMNS);
}
