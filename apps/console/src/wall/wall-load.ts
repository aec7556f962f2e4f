import type { AlertKind as ServerAlertKind, AlertTaskView, OverdueVisitView, ReferralsOnBoardView, TaskAtAGlance } from '@dtask/events';
import type { Load } from '../api';

/** Contract v1.1's alerts: S8's failed recalls and overdue unit, and repeat calls, named as the task's flags are. */
export type WorldAlertKind = 'recalls-failed' | 'unit-overdue' | 'repeat-call';
export type AlertKind = ServerAlertKind | WorldAlertKind;
/** One alert on one task; its status is unknown only for a task the snapshot names by id alone; S1's tells when its unit was sent. */
export type AlertTask = Omit<AlertTaskView, 'kind' | 'status'> & { kind: AlertKind; status?: AlertTaskView['status']; unitSentAt?: string };
/** The tiles' order: the most urgent first. */
export const ALERT_KINDS: readonly AlertKind[] = ['s2-alert', 'recalls-failed', 'unit-overdue', 'repeat-call', 'second-contact', 'handoff-returned', 'unreachable'];

/** A visit (or a helpline's call) the service reported failed, back with the nurses until decided again (not S6's returned handoff). */
export type FailedVisit = TaskAtAGlance & { target: string; failedAt: string; status: OverdueVisitView['status']; owner?: string };
export type WallReferrals = ReferralsOnBoardView & { failedVisits?: FailedVisit[] };

export interface ClaimedTask extends TaskAtAGlance {
  owner: string;
  claimedAt?: string;
  heldSeconds?: number;
  flags: string[];
}

export interface NurseWorkload {
  nurseId: string;
  claimedNow: number;
  decisionsToday: number;
}

export interface AreaFigures {
  area: string;
  queueLength: number;
  oldestWaitSeconds: number;
  oldestReceivedAt?: string;
  claimed: number;
}

/**
 * The load snapshot as `GET /api/load` and the live channel's `load` send it, with the figures the
 * wall needs beyond api.ts's `Load`. Optional so an older server's snapshot still shows.
 */
export type WallLoad = Omit<Load, 'alerts' | 'decisionMixToday' | 'loadReduction'> & {
  at?: string;
  oldestReceivedAt?: string;
  /** Recalls due in the queue, apart from the longest wait (which is of the tasks awaiting their decision). */
  recallsDue?: number;
  alerts: Load['alerts'] & { s1Unreachable?: string[] };
  decisionMixToday: Load['decisionMixToday'] & { fieldCommanderUnits?: number };
  alertTasks?: (AlertTaskView | AlertTask)[];
  claimedTasks?: ClaimedTask[];
  nurses?: NurseWorkload[];
  areas?: AreaFigures[];
  // Issue 14: the redirects still open and the visits overdue, and the measured unit time beside the assumed.
  awaitingVisit?: number;
  referrals?: WallReferrals;
  loadReduction: Record<keyof Load['loadReduction'], Load['loadReduction']['today'] & { unitHoursAvoidedMeasured?: number | null }>;
};

const WORLD_ALERT_LISTS: Record<WorldAlertKind, 's8RecallsFailed' | 's8UnitOverdue' | 'repeatCalls'> = {
  'recalls-failed': 's8RecallsFailed',
  'unit-overdue': 's8UnitOverdue',
  'repeat-call': 'repeatCalls',
};

/**
 * The snapshot's alerts, one per task and kind. The v1.1 alerts come as `alertTasks` of their own
 * kind, or else only as task ids in `alerts`: those borrow what the snapshot tells of the task
 * elsewhere (another alert, the claimed tasks), so the tile still names and opens each one.
 */
export function wallAlerts(load: WallLoad): AlertTask[] {
  const alerts: AlertTask[] = [...(load.alertTasks ?? [])];
  for (const [kind, list] of Object.entries(WORLD_ALERT_LISTS) as [WorldAlertKind, (typeof WORLD_ALERT_LISTS)[WorldAlertKind]][]) {
    if (alerts.some((alert) => alert.kind === kind)) continue;
    for (const taskId of load.alerts[list] ?? []) alerts.push({ ...factsOf(load, alerts, taskId), kind });
  }
  return alerts;
}

function factsOf(load: WallLoad, alerts: AlertTask[], taskId: string): Omit<AlertTask, 'kind'> {
  const alert = alerts.find((other) => other.taskId === taskId);
  if (alert) return { ...alert, overridden: false };
  const claimed = load.claimedTasks?.find((task) => task.taskId === taskId);
  if (claimed) {
    const { flags: _flags, heldSeconds: _held, ...facts } = claimed;
    return { ...facts, status: 'claimed', waitingSeconds: 0, overridden: false };
  }
  return { taskId, area: '', municipality: '', taskCode: '', urgency: '', receivedAt: '', waitingSeconds: 0, overridden: false };
}
