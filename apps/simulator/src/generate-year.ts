import { createDTaskDecider, DEFAULT_DIRECTORY, DirectoryService, DTaskCommand, DTaskState, TimedEvent, areaOf, POLICY_ACTOR, servicesServing } from '@dtask/domain';
import { CommandIdentity, decideCommand, identify, stampEvents, taskIdForErcTask } from '@dtask/dtask-service';
import { dtaskStreamId, patientKey, RedFlag } from '@dtask/events';
import { EventStore } from '@dtask/event-store';
import { Random } from './random';
import { PatientHistory } from './patient-history';
import { arrivalWeight, randomIntake } from './region-traffic';

const MINUTE = 60_000;
const HELPLINE = DEFAULT_DIRECTORY.find((service) => service.kind === 'helpline')!;

/** A command without its time, which the generator's clock adds. */
type Untimed = DTaskCommand extends infer C ? (C extends unknown ? Omit<C, 'at'> : never) : never;

interface Timed {
  streamId: string;
  event: TimedEvent;
  command: DTaskCommand;
  /** One per command: the events a command decided are appended together, as the service does. */
  identity: CommandIdentity;
}

/** The daily arrival curve, by the hour after the day's start. */
const HOUR_WEIGHTS = Array.from({ length: 24 }, (_, h) => [h, arrivalWeight((h + 2) % 24)] as const);

/** Non-conveyance codes a completed mission may report. */
const X_CODES = ['X-1', 'X-2', 'X-3', 'X-5', 'X-6', 'X-8', 'X-9'] as const;

/**
 * One task's whole life, decided by the real decider (so every generated history is one the
 * service itself could have written), with times drawn from the centre's working rhythm.
 */
function taskLife(random: Random, sequence: number, receivedAtMs: number, patients: PatientHistory): Timed[] {
  const decider = createDTaskDecider();
  const body = randomIntake(random, sequence, new Date(receivedAtMs));
  const taskId = taskIdForErcTask(body.ercTaskId);
  const streamId = dtaskStreamId(taskId);
  const patient = patientKey(body.patient.personId, body.callbackPhone)!;
  const out: Timed[] = [];
  let state: DTaskState = decider.initialState;
  let clock = receivedAtMs;
  const anyNurse = () => ({ id: `nurse-${random.int(1, 24)}`, role: 'nurse' as const });
  let nurse = anyNurse();
  const erc = { id: 'erc', role: 'erc' as const };
  // A command the task's state no longer allows (e.g. a claim after an automatic unit) is skipped.
  const act = (untimed: Untimed, minutesLater: number) => {
    clock += minutesLater * MINUTE;
    const command = { ...untimed, at: new Date(clock).toISOString() } as DTaskCommand;
    const decision = decideCommand(decider, command, state);
    if (!('events' in decision)) return false;
    const identity = identify(taskId, command);
    for (const event of decision.events) {
      state = decider.evolve(state, event);
      patients.noted(patient, taskId, event);
      out.push({ streamId, event, command, identity });
    }
    return true;
  };
  /** The unit's mission as the ERC reports it: assigned, on scene (unless called off on the way), completed. */
  const mission = (conveyedShare: number) => {
    const unitId = `OU-${random.int(100, 199)}`;
    act({ type: 'UpdateMission', actor: erc, stage: 'unit-assigned', unitId }, random.int(1, 10));
    const calledOff = random.chance(0.04);
    if (!calledOff) act({ type: 'UpdateMission', actor: erc, stage: 'on-scene', unitId }, random.int(8, 40));
    const conveyed = !calledOff && random.chance(conveyedShare);
    act({ type: 'UpdateMission', actor: erc, stage: 'completed', unitId, conveyed, ...(conveyed ? {} : { xCode: random.pick(X_CODES) }) }, random.int(20, 70));
  };
  const escalate = (redFlag: RedFlag, minutesLater: number) => {
    act({ type: 'RecordAssessment', actor: nurse, assessment: { redFlags: [redFlag], concern: false, symptoms: 'generated', existingServices: [], notes: '' } }, minutesLater);
    act({ type: 'Escalate', actor: nurse, urgency: random.pick(['B', 'C'] as const), reason: 'red flag' }, 1);
    mission(0.9);
  };

  // S4 as the service's intake applies it: a new task soon after a no-unit decision is flagged.
  const secondContactOf = patients.lastNoUnitDecision(patient, new Date(receivedAtMs).toISOString());
  act({ type: 'Intake', actor: erc, task: { ...body, taskId, area: areaOf(body.municipality), urgency: 'D' }, ...(secondContactOf ? { secondContactOf } : {}) }, 0);
  if (random.chance(0.02)) {
    act({ type: 'Cancel', actor: erc, reason: 'ERC cancelled' }, random.int(2, 15));
    return out;
  }
  const wait = Math.max(1, Math.round(random.exponential(1 / 12)));
  if (wait >= 20) act({ type: 'ReachWaitingLimit', actor: POLICY_ACTOR }, 20);
  if (wait >= 60) {
    act({ type: 'ReachWaitingLimit', actor: POLICY_ACTOR }, 40);
    mission(0.6);
    return out;
  }
  act({ type: 'Claim', actor: nurse }, Math.max(0, wait - (clock - receivedAtMs) / MINUTE));
  // Now and then the nurse is pulled to another call before dialling, and a colleague takes over.
  if (random.chance(0.06)) {
    act({ type: 'Release', actor: nurse, reason: 'another call' }, random.int(1, 3));
    nurse = anyNurse();
    act({ type: 'Claim', actor: nurse }, random.int(1, 5));
  }
  let reached = random.chance(0.76);
  if (!reached) {
    act({ type: 'RecordCallback', actor: nurse, outcome: 'no-answer' }, random.int(1, 3));
    reached = random.chance(0.7);
    if (!reached) {
      act({ type: 'RecordCallback', actor: nurse, outcome: 'busy' }, random.int(3, 8));
      mission(0.6);
      return out;
    }
  }
  act({ type: 'RecordCallback', actor: nurse, outcome: 'reached' }, random.int(1, 4));
  if (random.chance(0.06)) {
    escalate('chest-pain', random.int(3, 9));
    return out;
  }
  act({ type: 'RecordAssessment', actor: nurse, assessment: { redFlags: [], concern: false, symptoms: 'generated', existingServices: [], notes: '' } }, random.int(3, 9));
  // Sometimes the nurse adds what a relative or the home-care record told her before deciding.
  if (random.chance(0.08)) act({ type: 'RecordAssessment', actor: nurse, assessment: { redFlags: [], concern: false, symptoms: 'generated', existingServices: ['home-care'], notes: 'supplemented' } }, random.int(2, 6));
  let decision = random.weighted([['phone-advice', 45], ['redirect', 25], ['send-unit', 30]] as const);
  // A second contact (S4): advice again only after a supervisor confirms it; otherwise a unit.
  if (decision === 'phone-advice' && state.secondContact) {
    if (random.chance(0.6)) act({ type: 'GrantOverride', actor: { id: 'super-1', role: 'supervisor' }, rule: 'S4-second-contact', reason: 'stable, advised again on confirmation' }, random.int(1, 4));
    else decision = 'send-unit';
  }
  if (decision === 'phone-advice') {
    // Most advised patients get the safety-net call back later the same day or the next morning.
    const followUpMinutes = random.chance(0.75) ? random.int(120, 18 * 60) : undefined;
    const advisedAt = clock + random.int(2, 6) * MINUTE;
    const followUpAt = followUpMinutes === undefined ? undefined : new Date(advisedAt + followUpMinutes * MINUTE).toISOString();
    act({ type: 'Decide', actor: nurse, decision: { kind: 'phone-advice', advice: 'generated', safetyNet: 'call 112 if worse', patientInformed: true, ...(followUpAt ? { followUpAt } : {}) } }, (advisedAt - clock) / MINUTE);
    if (followUpMinutes !== undefined) followUp(followUpMinutes);
  } else if (decision === 'redirect') {
    // Only a service that serves the patient's municipality takes the redirect, as the service allows.
    redirect(random.pick(servicesServing(DEFAULT_DIRECTORY, body.municipality)), random.int(2, 6));
  } else {
    act({ type: 'Decide', actor: nurse, decision: { kind: 'send-unit', unitLevel: random.pick(['basic', 'first-response'] as const), urgency: 'D' } }, random.int(2, 6));
    mission(0.5);
  }
  return out;

  /** The partner accepts, declines, or does not answer in time (S6); a returned task is decided again. */
  function redirect({ id: target, kind: targetKind }: DirectoryService, minutesLater: number): void {
    act({ type: 'Decide', actor: nurse, decision: { kind: 'redirect', target, targetKind, handoffNote: 'generated', patientInformed: true } }, minutesLater);
    const partner = { id: `partner-${target}`, role: 'partner' as const, service: target };
    const answer = random.weighted([['accept', 86], ['decline', 10], ['no answer', 4]] as const);
    if (answer === 'accept') {
      act({ type: 'AcceptHandoff', actor: partner }, random.int(3, 25));
      return;
    }
    if (answer === 'decline') act({ type: 'DeclineHandoff', actor: partner, reason: 'no capacity' }, random.int(3, 25));
    else act({ type: 'TimeOutHandoff', actor: POLICY_ACTOR }, 30);
    act({ type: 'Claim', actor: nurse }, random.int(1, 5));
    if (answer === 'no answer' && random.chance(0.5)) {
      redirect(HELPLINE, random.int(1, 4));
      return;
    }
    act({ type: 'Decide', actor: nurse, decision: { kind: 'send-unit', unitLevel: 'basic', urgency: 'D' } }, random.int(1, 4));
    mission(0.5);
  }

  /** The follow-up call: usually reached and closed; unanswered twice, a unit (S1); worse, an escalation. */
  function followUp(dueInMinutes: number): void {
    nurse = anyNurse();
    act({ type: 'Claim', actor: nurse }, dueInMinutes + random.int(0, 20));
    if (random.chance(0.2)) {
      act({ type: 'RecordFollowUp', actor: nurse, outcome: random.pick(['no-answer', 'busy'] as const) }, random.int(1, 3));
      if (random.chance(0.3)) {
        act({ type: 'RecordFollowUp', actor: nurse, outcome: 'no-answer' }, random.int(10, 30));
        mission(0.6);
        return;
      }
    }
    if (random.chance(0.04)) {
      escalate(random.pick(['new-confusion', 'breathing-difficulty-at-rest', 'suspected-sepsis'] as const), random.int(3, 8));
      return;
    }
    act({ type: 'RecordFollowUp', actor: nurse, outcome: 'reached' }, random.int(3, 10));
  }
}

export interface GenerateYearOptions {
  store: EventStore;
  /** Tasks over the year (110,000 make about 1,000,000 events). */
  tasks: number;
  startMs: number;
  seed: number;
  log?: (line: string) => void;
}

/**
 * Writes a year of the region straight into a store, day by day, in time order so `$all` reads
 * like the service wrote it: what happens after midnight (a follow-up call the next morning, a
 * late mission) waits for the day it happens on.
 */
export async function generateYear(options: GenerateYearOptions): Promise<{ tasks: number; events: number }> {
  const random = new Random(options.seed);
  const perDay = options.tasks / 365;
  let sequence = 0;
  let events = 0;
  let later: Timed[] = [];
  const patients = new PatientHistory();
  for (let day = 0; day < 365; day += 1) {
    const dayStart = options.startMs + day * 24 * 60 * MINUTE;
    const lives: Timed[] = later;
    const todays = Math.round(perDay * (day % 7 >= 5 ? 0.9 : 1.04));
    const arrivals: number[] = [];
    for (let i = 0; i < todays && sequence + i < options.tasks; i += 1) {
      arrivals.push(dayStart + random.weighted(HOUR_WEIGHTS) * 60 * MINUTE + random.int(0, 59) * MINUTE);
    }
    // In arrival order, so S4 sees each patient's earlier decisions.
    for (const receivedAtMs of arrivals.sort((a, b) => a - b)) lives.push(...taskLife(random, sequence++, receivedAtMs, patients));
    // A stable sort: one task's events at the same instant keep the decider's order.
    lives.sort((a, b) => (a.event.at < b.event.at ? -1 : a.event.at > b.event.at ? 1 : 0));
    const tomorrow = new Date(dayStart + 24 * 60 * MINUTE).toISOString();
    const cut = lives.findIndex((life) => life.event.at >= tomorrow);
    later = cut < 0 ? [] : lives.splice(cut);
    events += await appendInOrder(options.store, lives);
    if (day % 30 === 29) options.log?.(`day ${day + 1}: ${sequence} tasks, ${events} events`);
  }
  events += await appendInOrder(options.store, later);
  return { tasks: sequence, events };
}

async function appendInOrder(store: EventStore, lives: Timed[]): Promise<number> {
  const appends: Promise<unknown>[] = [];
  for (let i = 0; i < lives.length; ) {
    const { streamId, command, identity } = lives[i]!;
    const events: TimedEvent[] = [];
    // A command's events are adjacent: they share one instant, and the sort is stable.
    for (; i < lives.length && lives[i]!.identity === identity; i += 1) events.push(lives[i]!.event);
    // Appends are queued in order without waiting, so each stream keeps its order and batches are large.
    appends.push(store.append(streamId, stampEvents(events, command, identity), { expectedRevision: 'any' }));
  }
  await Promise.all(appends);
  return lives.length;
}
