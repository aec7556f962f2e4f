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
  errors: number;
}

/** The shares of new tasks the ERC and the field commander act on while they wait. */
export interface WorldShares {
  newInformation: number;
  repeatCall: number;
  /** Raised to B or C: the ERC dispatches itself and the task closes as escalated. */
  urgencyRaised: number;
  fieldCommander: number;
}

/** About as often as in a Finnish D-task pilot's year (see the year generator). */
export const PLAUSIBLE_WORLD: WorldShares = { newInformation: 0.08, repeatCall: 0.03, urgencyRaised: 0.01, fieldCommander: 0.02 };

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
}

export const count = (record: Record<string, number>, key: string) => {
  record[key] = (record[key] ?? 0) + 1;
};

/** Waits, or stops at once on abort; the listener goes when the wait ends, so none pile up. */
export const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve) => {
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
