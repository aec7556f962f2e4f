import { helsinkiHour } from '@dtask/read-models';

export interface SimulatedClockOptions {
  /** Simulated seconds per real second. */
  speedup: number;
  /** The simulated instant the run starts at; by default the real one. A test picks noon, so its arrivals do not depend on when it runs. */
  startAt?: Date;
  realNow?: () => number;
}

/** The simulation's own clock: it shapes the daily arrival curve, read on Helsinki's wall clock (summer time too). */
export function simulatedClock({ speedup, startAt, realNow = Date.now }: SimulatedClockOptions) {
  const realStart = realNow();
  const simulatedStart = startAt?.getTime() ?? realStart;
  const now = () => new Date(simulatedStart + (realNow() - realStart) * speedup);
  return { now, helsinkiHour: () => helsinkiHour(now().getTime()) };
}
