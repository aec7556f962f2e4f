import { DirectoryService, servicesServing } from '@dtask/domain';
import { setMaxListeners } from 'node:events';
import { ApiClient } from './http-client';
import { Random } from './random';
import { arrivalWeight, randomIntake } from './region-traffic';

export interface SimulationOptions {
  url: string;
  /** Mean new D-tasks per second (real time), shaped by the daily arrival curve. */
  rate: number;
  /** Simulated seconds per real second, for nurses' and partners' working times and the curve. */
  speedup: number;
  /** Real seconds to run; 0 runs until stopped. */
  durationSeconds: number;
  nurses: number;
  seed: number;
  signal?: AbortSignal;
  log?: (line: string) => void;
}

export interface SimulationStats {
  intakes: number;
  claims: number;
  decisions: Record<string, number>;
  escalations: number;
  handoffAnswers: number;
  missionsCompleted: number;
  errors: number;
}

interface QueueItem {
  taskId: string;
  municipality: string;
}

/** Waits, or stops at once on abort; the listener goes when the wait ends, so none pile up. */
const sleep = (ms: number, signal?: AbortSignal) =>
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

/**
 * Drives a running service through its public HTTP API as the ERC, nurses and receiving services:
 * arrivals follow a daily curve over the region's areas, ages and task codes, and nurses decide
 * with a realistic mix (advice ≈ 45 %, redirect ≈ 25 %, unit ≈ 30 %, red flags ≈ 6 %).
 */
export async function runSimulation(options: SimulationOptions): Promise<SimulationStats> {
  const api = new ApiClient(options.url);
  const random = new Random(options.seed);
  const stats: SimulationStats = { intakes: 0, claims: 0, decisions: {}, escalations: 0, handoffAnswers: 0, missionsCompleted: 0, errors: 0 };
  const controller = new AbortController();
  // Every agent waits on this one signal at the same time: nurses, partners, arrivals, missions.
  setMaxListeners(options.nurses + 64, controller.signal);
  options.signal?.addEventListener('abort', () => controller.abort(), { once: true });
  const signal = controller.signal;
  const started = Date.now();
  const simulatedNow = () => new Date(started + (Date.now() - started) * options.speedup);
  const simMinutes = (minutes: number) => (minutes * 60_000) / options.speedup;
  if (options.durationSeconds > 0) setTimeout(() => controller.abort(), options.durationSeconds * 1000).unref();

  const erc = await api.token('erc-simulator', 'erc');
  const directory = (await api.send<{ services: { id: string; name: string; kind: DirectoryService['kind']; municipalities?: string[] }[] }>('GET', '/api/services', erc)).body.services;
  const services = directory.map((s) => s.id);
  const unitTasks: string[] = [];

  const arrivals = async () => {
    for (let sequence = 0; !signal.aborted; sequence += 1) {
      const hour = simulatedNow().getUTCHours() + 2;
      await sleep(random.exponential(options.rate * arrivalWeight(hour)) * 1000, signal);
      if (signal.aborted) break;
      const answer = await api.send('POST', '/api/d-tasks', erc, randomIntake(random, sequence, new Date()));
      if (answer.status === 201) stats.intakes += 1;
      else stats.errors += 1;
    }
  };

  const nurse = async (index: number) => {
    const token = await api.token(`sim-nurse-${index + 1}`, 'nurse');
    const call = (path: string, body: unknown = {}) => api.send('POST', path, token, body);
    while (!signal.aborted) {
      const queue = (await api.send<{ tasks: QueueItem[] }>('GET', '/api/d-tasks', token)).body.tasks ?? [];
      const next = queue[random.int(0, Math.min(2, queue.length - 1))];
      if (!next) {
        await sleep(simMinutes(1), signal);
        continue;
      }
      const base = `/api/d-tasks/${next.taskId}`;
      if ((await call(`${base}/claim`)).status !== 200) continue;
      stats.claims += 1;
      await sleep(simMinutes(random.int(1, 3)), signal);
      let reached = random.chance(0.82);
      if (!reached) {
        await call(`${base}/callbacks`, { outcome: random.pick(['no-answer', 'busy', 'wrong-number']) });
        await sleep(simMinutes(random.int(2, 5)), signal);
        reached = random.chance(0.7);
        if (!reached) {
          // The second failure sends a unit automatically (S1).
          await call(`${base}/callbacks`, { outcome: 'no-answer' });
          unitTasks.push(next.taskId);
          continue;
        }
      }
      await call(`${base}/callbacks`, { outcome: 'reached' });
      await sleep(simMinutes(random.int(4, 10)), signal);
      const redFlag = random.chance(0.06);
      await call(`${base}/assessment`, {
        redFlags: redFlag ? [random.pick(['chest-pain', 'breathing-difficulty-at-rest', 'new-confusion', 'stroke-signs'])] : [],
        concern: !redFlag && random.chance(0.03),
        symptoms: 'simuloitu arvio',
        existingServices: random.chance(0.3) ? ['home-care'] : [],
        notes: '',
      });
      const decision = redFlag ? 'escalation' : random.weighted([['phone-advice', 45], ['redirect', 25], ['send-unit', 30]] as const);
      let answer;
      if (decision === 'escalation') {
        answer = await call(`${base}/escalation`, { urgency: random.pick(['B', 'C']), reason: 'red flag in assessment' });
        stats.escalations += 1;
      } else if (decision === 'phone-advice') {
        const followUpAt = random.chance(0.15) ? new Date(Date.now() + simMinutes(120)).toISOString() : undefined;
        answer = await call(`${base}/decision`, { kind: 'phone-advice', advice: 'kotihoito-ohjeet', safetyNet: 'soita 112, jos vointi huononee', patientInformed: true, ...(followUpAt ? { followUpAt } : {}) });
      } else if (decision === 'redirect') {
        // Only the services that serve the patient's municipality take the redirect (the service answers 409 otherwise).
        const serving = servicesServing(directory, next.municipality);
        answer = await call(`${base}/decision`, { kind: 'redirect', target: random.pick(serving).id, handoffNote: 'ohjattu simulaatiossa', patientInformed: true });
      } else {
        answer = await call(`${base}/decision`, { kind: 'send-unit', unitLevel: random.pick(['basic', 'first-response', 'single-responder']), urgency: 'D' });
      }
      if (answer.status === 200) stats.decisions[decision] = (stats.decisions[decision] ?? 0) + 1;
      else if (answer.status !== 409) stats.errors += 1;
      if (decision === 'send-unit' || decision === 'escalation') unitTasks.push(next.taskId);
    }
  };

  const partner = async (service: string) => {
    const token = await api.token(`sim-${service}`, 'partner', service);
    while (!signal.aborted) {
      await sleep(simMinutes(random.int(3, 12)), signal);
      const inbox = (await api.send<{ handoffs: QueueItem[] }>('GET', '/api/handoffs', token)).body.handoffs ?? [];
      for (const handoff of inbox) {
        const accept = random.chance(0.85);
        const path = `/api/d-tasks/${handoff.taskId}/handoff/${accept ? 'accept' : 'decline'}`;
        if ((await api.send('POST', path, token, accept ? {} : { reason: 'ei kapasiteettia' })).status === 200) stats.handoffAnswers += 1;
      }
    }
  };

  const missions = async () => {
    while (!signal.aborted) {
      await sleep(simMinutes(30), signal);
      for (const taskId of unitTasks.splice(0)) {
        const answer = await api.send('POST', `/api/d-tasks/${taskId}/mission`, erc, { stage: 'completed', unitId: `OU-${random.int(100, 199)}`, conveyed: random.chance(0.6) });
        if (answer.status === 200) stats.missionsCompleted += 1;
      }
    }
  };

  const reporter = async () => {
    while (!signal.aborted) {
      await sleep(10_000, signal);
      options.log?.(`${new Date().toISOString()} ${JSON.stringify(stats)}`);
    }
  };

  const guard = (work: Promise<void>) => work.catch((error: Error) => {
    stats.errors += 1;
    options.log?.(`simulation agent stopped: ${error.message}`);
  });
  await Promise.all([
    guard(arrivals()),
    ...Array.from({ length: options.nurses }, (_, i) => guard(nurse(i))),
    ...services.map((service) => guard(partner(service))),
    guard(missions()),
    guard(reporter()),
  ]);
  api.close();
  return stats;
}
