import { CONSULT_SHARE } from './consults';
import { VISIT_SHARES } from './handoff-visits';
import { ApiClient } from './http-client';
import { Random } from './random';

export interface SimulationStats {
  intakes: number;
  claims: number;
  decisions: Record<string, number>;
  escalations: number;
  handoffAnswers: number;
  missionsCompleted: number;
  /** The ERC's updates the service took, by kind. */
  ercUpdates: Record<string, number>;
  /** Units the field commander put on a task himself, as the service recorded them. */
  fieldCommanderUnits: number;
  /** Recalls the nurses scheduled themselves. */
  nurseRecalls: number;
  /** Recall attempts: `reached-same`, `reached-better`, `reached-worse`, `no-answer`, `busy`. */
  recallCalls: Record<string, number>;
  /** Consults the nurses recorded, and how many of them a decision named. */
  consults: number;
  decisionsOnConsult: number;
  /** No-unit decisions by care level. */
  careLevels: Record<string, number>;
  /** The accepting services' visit reports (`completed`, `failed`), and those left to the visit limit (`unreported`). */
  visits: Record<string, number>;
  errors: number;
}

/** The shares of new tasks the ERC and the field commander act on while they wait, of consults, and of visits that go wrong. */
export interface WorldShares {
  newInformation: number;
  repeatCall: number;
  /** Raised to B or C: the ERC dispatches itself and the task closes as escalated. */
  urgencyRaised: number;
  fieldCommander: number;
  /** Of assessed tasks without a red flag: the nurse consults before deciding. */
  consult: number;
  /** Of accepted referrals: the service reports the visit failed, or reports nothing (the visit limit sends it back). */
  visitFailed: number;
  visitUnreported: number;
}

/** About as often as in a Finnish D-task pilot's year (see the year generator, consults.ts and handoff-visits.ts). */
export const PLAUSIBLE_WORLD: WorldShares = {
  newInformation: 0.08,
  repeatCall: 0.03,
  urgencyRaised: 0.01,
  fieldCommander: 0.02,
  consult: CONSULT_SHARE,
  visitFailed: VISIT_SHARES.failed,
  visitUnreported: VISIT_SHARES.unreported,
};

/** What every agent of one simulation shares. */
export interface SimContext {
  api: ApiClient;
  random: Random;
  stats: SimulationStats;
  signal: AbortSignal;
  /** Real milliseconds for so many simulated minutes of people's work. */
  simMinutes: (minutes: number) => number;
  /** The ERC's token (the field commander's units come through the ERC too). */
  erc: string;
  /** A unit on its way to the task, whose mission the ERC reports as it goes. */
  unitSent: (taskId: string, urgency: string) => void;
  shares: WorldShares;
}

export const count = (record: Record<string, number>, key: string) => {
  record[key] = (record[key] ?? 0) + 1;
};

/** Waits, or stops at once on abort (already aborted: no wait); the listener goes when the wait ends, so none pile up. */
export const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve) => {
    if (signal?.aborted) return resolve();
    const onAbort = () => {
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
