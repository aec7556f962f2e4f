import { setMaxListeners } from 'node:events';
import { ApiClient } from './http-client';
import { keepRunning } from './keep-running';
import { Random } from './random';
import { arrivalWeight, randomIntake } from './region-traffic';
import { simulatedClock } from './simulated-clock';
import { PLAUSIBLE_WORLD, SimContext, SimulationStats, sleep, WorldShares } from './sim-context';
import { Directory, nurse } from './sim-nurse';
import { partner } from './sim-partner';
import { SimWorld } from './sim-world';

/** How long a failed agent waits before it starts again (a nurse signing in again). */
const AGENT_RESTART_MS = 5_000;

export type { SimulationStats, WorldShares } from './sim-context';

export interface SimulationOptions {
  url: string;
  /** Mean new D-tasks per second (real time), shaped by the daily arrival curve. */
  rate: number;
  /** Simulated seconds per real second, for nurses' and partners' working times and the curve. */
  speedup: number;
  /** The simulated instant the daily arrival curve starts at; by default now. */
  startAt?: Date;
  /** Real seconds to run; 0 runs until stopped. */
  durationSeconds: number;
  nurses: number;
  seed: number;
  /** The shares of new tasks the ERC and the field commander act on while they wait, of consults and of visits gone wrong; plausible ones by default. */
  world?: Partial<WorldShares>;
  signal?: AbortSignal;
  log?: (line: string) => void;
}

/**
 * Drives a running service through its public HTTP API as the ERC, the field commander, nurses and
 * receiving services: arrivals follow a daily curve over the region's areas, ages and task codes;
 * nurses consult now and then, decide with a realistic mix and a disposition, and call the
 * patients whose recalls fall due; the services answer referrals and report their visits; the ERC
 * sends new information, repeat calls and now and then a raised urgency; the field commander puts
 * a unit on a waiting task; every unit's mission is reported stage by stage.
 */
export async function runSimulation(options: SimulationOptions): Promise<SimulationStats> {
  const api = new ApiClient(options.url);
  const random = new Random(options.seed);
  const stats: SimulationStats = {
    intakes: 0,
    claims: 0,
    decisions: {},
    escalations: 0,
    handoffAnswers: 0,
    missionsCompleted: 0,
    ercUpdates: {},
    fieldCommanderUnits: 0,
    nurseRecalls: 0,
    recallCalls: {},
    consults: 0,
    decisionsOnConsult: 0,
    careLevels: {},
    visits: {},
    errors: 0,
  };
  const controller = new AbortController();
  // Every agent waits on this one signal at the same time: nurses, partners, arrivals, the ERC.
  setMaxListeners(options.nurses + 64, controller.signal);
  options.signal?.addEventListener('abort', () => controller.abort(), { once: true });
  const signal = controller.signal;
  const clock = simulatedClock({ speedup: options.speedup, startAt: options.startAt });
  const simMinutes = (minutes: number) => (minutes * 60_000) / options.speedup;
  if (options.durationSeconds > 0) setTimeout(() => controller.abort(), options.durationSeconds * 1000).unref();

  const erc = await api.token('erc-simulator', 'erc');
  const directory = (await api.send<{ services: Directory }>('GET', '/api/services', erc)).body.services;
  let world: SimWorld | undefined;
  const shares = { ...PLAUSIBLE_WORLD, ...options.world };
  const context: SimContext = { api, random, stats, signal, simMinutes, erc, unitSent: (taskId, urgency) => world!.unitSent(taskId, urgency), shares };
  world = new SimWorld(context);

  // Counted across a restart of the arrivals, so no ERC task number comes twice.
  let sequence = 0;
  const arrivals = async () => {
    for (; !signal.aborted; sequence += 1) {
      await sleep(random.exponential(options.rate * arrivalWeight(clock.helsinkiHour())) * 1000, signal);
      if (signal.aborted) break;
      const answer = await api.send<{ taskId: string }>('POST', '/api/d-tasks', erc, randomIntake(random, sequence, new Date()));
      if (answer.status !== 201) {
        stats.errors += 1;
        continue;
      }
      stats.intakes += 1;
      world!.received(answer.body.taskId);
    }
  };

  const reporter = async () => {
    while (!signal.aborted) {
      await sleep(10_000, signal);
      options.log?.(`${new Date().toISOString()} ${JSON.stringify(stats)}`);
    }
  };

  const onFailure = (name: string, error: Error) => {
    stats.errors += 1;
    options.log?.(`simulation agent ${name} failed (${error.message}): starting it again in ${AGENT_RESTART_MS / 1000} s`);
  };
  const guard = (name: string, agent: () => Promise<void>) => keepRunning(name, agent, { signal, pauseMs: AGENT_RESTART_MS, onFailure });
  await Promise.all([
    guard('arrivals', arrivals),
    ...Array.from({ length: options.nurses }, (_, i) => guard(`nurse ${i + 1}`, () => nurse(context, directory, i))),
    ...directory.map((service) => guard(`partner ${service.id}`, () => partner(context, service.id))),
    guard('world', () => world.run()),
    guard('reporter', reporter),
  ]);
  api.close();
  return stats;
}
