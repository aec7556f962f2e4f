import { createDTaskDecider, DTaskCommand, DTaskState, TimedEvent, areaOf } from '@dtask/domain';
import { dtaskStreamId, DTaskEvent, toEventToAppend } from '@dtask/events';
import { EventStore } from '@dtask/event-store';
import { createHash } from 'node:crypto';
import { Random } from './random';
import { arrivalWeight, randomIntake } from './region-traffic';

const MINUTE = 60_000;
const SERVICES = [
  ['oulu-home-care', 'home-care'],
  ['oulu-hospital-at-home', 'hospital-at-home'],
  ['pohde-social-on-call', 'social-on-call'],
  ['oulu-mental-health-substance', 'mental-health'],
  ['oulu-primary-care', 'primary-care'],
  ['helpline-116117', 'helpline'],
] as const;

/** A command without its time, which the generator's clock adds. */
type Untimed = DTaskCommand extends infer C ? (C extends unknown ? Omit<C, 'at'> : never) : never;

interface Timed {
  streamId: string;
  event: TimedEvent;
  actor: { id: string; role: 'erc' | 'nurse' | 'supervisor' | 'partner' | 'system' };
}

/**
 * One task's whole life, decided by the real decider (so every generated history is one the
 * service itself could have written), with times drawn from the centre's working rhythm.
 */
function taskLife(random: Random, sequence: number, receivedAtMs: number): Timed[] {
  const decider = createDTaskDecider();
  const body = randomIntake(random, sequence, new Date(receivedAtMs));
  const taskId = uuidFrom(`${body.ercTaskId}`);
  const streamId = dtaskStreamId(taskId);
  const out: Timed[] = [];
  let state: DTaskState = decider.initialState;
  let clock = receivedAtMs;
  const nurse = { id: `nurse-${random.int(1, 24)}`, role: 'nurse' as const };
  // A command the task's state no longer allows (e.g. a claim after an automatic unit) is skipped.
  const act = (command: Untimed, minutesLater: number, actor = command.actor as Timed['actor']) => {
    clock += minutesLater * MINUTE;
    try {
      const events = decider.decide({ ...command, at: new Date(clock).toISOString() } as DTaskCommand, state);
      for (const event of events) {
        state = decider.evolve(state, event);
        out.push({ streamId, event, actor });
      }
      return true;
    } catch {
      return false;
    }
  };
  act({ type: 'Intake', actor: { id: 'erc', role: 'erc' }, task: { ...body, taskId, area: areaOf(body.municipality), urgency: 'D' } }, 0);
  if (random.chance(0.02)) {
    act({ type: 'Cancel', actor: { id: 'erc', role: 'erc' }, reason: 'ERC cancelled' }, random.int(2, 15));
    return out;
  }
  const wait = Math.max(1, Math.round(random.exponential(1 / 12)));
  const policy = { id: 'policy-engine', role: 'system' as const };
  if (wait >= 20) act({ type: 'ReachWaitingLimit', actor: policy }, 20);
  if (wait >= 60) {
    act({ type: 'ReachWaitingLimit', actor: policy }, 40);
    act({ type: 'UpdateMission', actor: { id: 'erc', role: 'erc' }, stage: 'completed', unitId: `OU-${random.int(100, 199)}` }, random.int(40, 120));
    return out;
  }
  act({ type: 'Claim', actor: nurse }, Math.max(0, wait - (clock - receivedAtMs) / MINUTE));
  let reached = random.chance(0.82);
  if (!reached) {
    act({ type: 'RecordCallback', actor: nurse, outcome: 'no-answer' }, random.int(1, 3));
    reached = random.chance(0.7);
    if (!reached) {
      act({ type: 'RecordCallback', actor: nurse, outcome: 'busy' }, random.int(3, 8));
      act({ type: 'UpdateMission', actor: { id: 'erc', role: 'erc' }, stage: 'completed', unitId: `OU-${random.int(100, 199)}`, conveyed: random.chance(0.6) }, random.int(40, 120));
      return out;
    }
  }
  act({ type: 'RecordCallback', actor: nurse, outcome: 'reached' }, random.int(1, 4));
  const redFlag = random.chance(0.06);
  act({ type: 'RecordAssessment', actor: nurse, assessment: { redFlags: redFlag ? ['chest-pain'] : [], concern: false, symptoms: 'generated', existingServices: [], notes: '' } }, random.int(3, 9));
  if (redFlag) {
    act({ type: 'Escalate', actor: nurse, urgency: random.pick(['B', 'C'] as const), reason: 'red flag' }, 1);
    act({ type: 'UpdateMission', actor: { id: 'erc', role: 'erc' }, stage: 'completed', unitId: `OU-${random.int(100, 199)}`, conveyed: true }, random.int(40, 120));
    return out;
  }
  const decision = random.weighted([['phone-advice', 45], ['redirect', 25], ['send-unit', 30]] as const);
  if (decision === 'phone-advice') {
    act({ type: 'Decide', actor: nurse, decision: { kind: 'phone-advice', advice: 'generated', safetyNet: 'call 112 if worse', patientInformed: true } }, random.int(2, 6));
  } else if (decision === 'redirect') {
    const [target, targetKind] = random.pick(SERVICES);
    act({ type: 'Decide', actor: nurse, decision: { kind: 'redirect', target, targetKind, handoffNote: 'generated', patientInformed: true } }, random.int(2, 6));
    const partner = { id: `partner-${target}`, role: 'partner' as const, service: target };
    if (random.chance(0.88)) act({ type: 'AcceptHandoff', actor: partner }, random.int(3, 25));
    else {
      act({ type: 'DeclineHandoff', actor: partner, reason: 'no capacity' }, random.int(3, 25));
      act({ type: 'Claim', actor: nurse }, random.int(1, 5));
      act({ type: 'Decide', actor: nurse, decision: { kind: 'send-unit', unitLevel: 'basic', urgency: 'D' } }, random.int(1, 4));
      act({ type: 'UpdateMission', actor: { id: 'erc', role: 'erc' }, stage: 'completed', unitId: `OU-${random.int(100, 199)}` }, random.int(40, 120));
    }
  } else {
    act({ type: 'Decide', actor: nurse, decision: { kind: 'send-unit', unitLevel: random.pick(['basic', 'first-response'] as const), urgency: 'D' } }, random.int(2, 6));
    act({ type: 'UpdateMission', actor: { id: 'erc', role: 'erc' }, stage: 'completed', unitId: `OU-${random.int(100, 199)}`, conveyed: random.chance(0.5) }, random.int(40, 120));
  }
  return out;
}

function uuidFrom(name: string): string {
  const hex = createHash('sha1').update(`dtask-generated:${name}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export interface GenerateYearOptions {
  store: EventStore;
  /** Tasks over the year (≥ 100,000 makes about 1,000,000 events). */
  tasks: number;
  startMs: number;
  seed: number;
  log?: (line: string) => void;
}

/**
 * Writes a year of the region straight into a store, day by day, each day's events in time order
 * so `$all` reads like the service wrote it.
 */
export async function generateYear(options: GenerateYearOptions): Promise<{ tasks: number; events: number }> {
  const random = new Random(options.seed);
  const perDay = options.tasks / 365;
  let sequence = 0;
  let events = 0;
  for (let day = 0; day < 365; day += 1) {
    const dayStart = options.startMs + day * 24 * 60 * MINUTE;
    const lives: Timed[] = [];
    const todays = Math.round(perDay * (day % 7 >= 5 ? 0.9 : 1.04));
    for (let i = 0; i < todays && sequence < options.tasks; i += 1) {
      const hour = random.weighted(Array.from({ length: 24 }, (_, h) => [h, arrivalWeight((h + 2) % 24)] as const));
      lives.push(...taskLife(random, sequence++, dayStart + hour * 60 * MINUTE + random.int(0, 59) * MINUTE));
    }
    lives.sort((a, b) => a.event.at.localeCompare(b.event.at));
    const appends: Promise<unknown>[] = [];
    for (const { streamId, event, actor } of lives) {
      const { at, ...payload } = event;
      const correlation = globalThis.crypto.randomUUID();
      // Appends are queued in order without waiting, so each stream keeps its order and batches are large.
      appends.push(
        options.store.append(streamId, [toEventToAppend(payload as DTaskEvent, { actor: { id: actor.id, role: actor.role }, occurredAt: at, correlationId: correlation, causationId: correlation })], { expectedRevision: 'any' }),
      );
    }
    await Promise.all(appends);
    events += lives.length;
    if (day % 30 === 29) options.log?.(`day ${day + 1}: ${sequence} tasks, ${events} events`);
  }
  return { tasks: sequence, events };
}
