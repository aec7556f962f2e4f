import type { AlertKind, AlertTaskView, TaskAtAGlance } from '@dtask/events';
import type { Load } from '../api';

export type { AlertKind, AlertTaskView as AlertTask };
/** The tiles' order: the most urgent first. */
export const ALERT_KINDS: readonly AlertKind[] = ['s2-alert', 'second-contact', 'handoff-returned', 'unreachable'];

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
export type WallLoad = Omit<Load, 'alerts'> & {
  at?: string;
  oldestReceivedAt?: string;
  alerts: Load['alerts'] & { s1Unreachable?: string[] };
  alertTasks?: AlertTaskView[];
  claimedTasks?: ClaimedTask[];
  nurses?: NurseWorkload[];
  areas?: AreaFigures[];
};
