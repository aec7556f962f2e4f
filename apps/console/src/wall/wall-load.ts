import type { Load } from '../api';

/** What the supervisor is alerted to (the queue's flag names). */
export type AlertKind = 'second-contact' | 's2-alert' | 'handoff-returned' | 'unreachable';
export const ALERT_KINDS: readonly AlertKind[] = ['s2-alert', 'second-contact', 'handoff-returned', 'unreachable'];

/** One alert on one task, without personal data (`alertTasks` of the load snapshot). */
export interface AlertTask {
  taskId: string;
  kind: AlertKind;
  area: string;
  municipality: string;
  taskCode: string;
  urgency: string;
  ageYears?: number;
  receivedAt: string;
  waitingSeconds: number;
  status: 'waiting' | 'claimed' | 'awaiting-handoff' | 'decided' | 'closed';
  owner?: string;
  claimedAt?: string;
  overridden: boolean;
}

export interface ClaimedTask {
  taskId: string;
  owner: string;
  claimedAt?: string;
  heldSeconds?: number;
  area: string;
  municipality: string;
  taskCode: string;
  urgency: string;
  ageYears?: number;
  receivedAt: string;
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
  alertTasks?: AlertTask[];
  claimedTasks?: ClaimedTask[];
  nurses?: NurseWorkload[];
  areas?: AreaFigures[];
};
