import { FoldEvent, taskIdOf } from '../fold-event';
import { TaskFacts } from '../measures/task-facts';

/** Tasks each safety rule acted on: dispatched, alerted, flagged or returned to the queue. */
export interface RuleFirings {
  s1UnreachableDispatches: number;
  s2Alerts: number;
  s2WaitingLimitDispatches: number;
  s4SecondContactsFlagged: number;
  s6HandoffTimeouts: number;
  /** S8: a recall failed too often, the request was raised to C. */
  s8RecallsFailed: number;
  /** S8: a D unit not on scene by the limit. */
  s8UnitOverdue: number;
  /** v1.1: an accepted referral's visit not reported by the visit limit, the task back in the queue. */
  handoffVisitsOverdue: number;
}

const S1 = 1, S2_ALERT = 2, S2_DISPATCH = 4, S4 = 8, S6 = 16, S8_RECALLS = 32, S8_OVERDUE = 64, VISIT_OVERDUE = 128;

/** Folds the rules' own events per task, the same way for recorded and for what-if histories. */
export class RuleFiringsFold {
  private readonly byTask = new Map<string, number>();

  apply(event: FoldEvent): void {
    const bit = ruleOf(event);
    if (bit === 0) return;
    const taskId = taskIdOf(event);
    if (taskId !== undefined) this.byTask.set(taskId, (this.byTask.get(taskId) ?? 0) | bit);
  }

  count(tasks: TaskFacts[]): RuleFirings {
    const firings: RuleFirings = {
      s1UnreachableDispatches: 0, s2Alerts: 0, s2WaitingLimitDispatches: 0, s4SecondContactsFlagged: 0, s6HandoffTimeouts: 0, s8RecallsFailed: 0, s8UnitOverdue: 0, handoffVisitsOverdue: 0,
    };
    for (const task of tasks) {
      const bits = this.byTask.get(task.taskId) ?? 0;
      if (bits & S1) firings.s1UnreachableDispatches += 1;
      if (bits & S2_ALERT) firings.s2Alerts += 1;
      if (bits & S2_DISPATCH) firings.s2WaitingLimitDispatches += 1;
      if (bits & S4) firings.s4SecondContactsFlagged += 1;
      if (bits & S6) firings.s6HandoffTimeouts += 1;
      if (bits & S8_RECALLS) firings.s8RecallsFailed += 1;
      if (bits & S8_OVERDUE) firings.s8UnitOverdue += 1;
      if (bits & VISIT_OVERDUE) firings.handoffVisitsOverdue += 1;
    }
    return firings;
  }
}

function ruleOf(event: FoldEvent): number {
  switch (event.type) {
    case 'UnitRequested':
      return event.data.reason === 'unreachable' ? S1 : event.data.reason === 'waiting-limit' ? S2_DISPATCH : 0;
    case 'WaitingLimitReached':
      return event.data.level === 'alert' ? S2_ALERT : 0;
    case 'SecondContactFlagged':
      return S4;
    case 'HandoffTimedOut':
      return S6;
    case 'UnitUrgencyRaised':
      return S8_RECALLS;
    case 'UnitOverdue':
      return S8_OVERDUE;
    case 'HandoffVisitOverdue':
      return VISIT_OVERDUE;
    default:
      return 0;
  }
}
