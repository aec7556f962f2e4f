import { areaOf, TimedEvent } from '@dtask/domain';
import { stampEvents, taskIdForErcTask } from '@dtask/dtask-service';
import { EventStore } from '@dtask/event-store';
import { nurseWork } from './nurse-work';
import { PatientTimeline } from './patient-history';
import { Random } from './random';
import { arrivalWeight, Intake, randomIntake } from './region-traffic';
import { ERC, MINUTE, TaskLife, Timed } from './task-life';

/** The daily arrival curve, by the hour after the day's start. */
const HOUR_WEIGHTS = Array.from({ length: 24 }, (_, h) => [h, arrivalWeight((h + 2) % 24)] as const);

/**
 * One task's whole life, decided by the real decider (so every generated history is one the
 * service itself could have written). The intake looks the patient up as the service does: S4's
 * previous contact and the patient's other open task, from what was written before it.
 */
function taskLife(random: Random, sequence: number, receivedAtMs: number, patients: PatientTimeline, samePatientAs?: Intake): { body: Intake; out: Timed[] } {
  const body = randomIntake(random, sequence, new Date(receivedAtMs), samePatientAs);
  const taskId = taskIdForErcTask(body.ercTaskId);
  const life = new TaskLife(random, taskId, receivedAtMs);
  const lookUps = patients.atIntake(body.patient.personId, body.callbackPhone, body.receivedAt);
  life.act({ type: 'Intake', actor: ERC, task: { ...body, taskId, area: areaOf(body.municipality), urgency: 'D' }, ...lookUps }, 0);
  nurseWork(life, body.municipality, body.patient.personId !== undefined);
  patients.add(life.streamId, taskId, life.out.map((timed) => timed.event));
  return { body, out: life.out };
}

export interface GenerateYearOptions {
  store: EventStore;
  /** Tasks over the year (110,000 make about 1,270,000 events). */
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
  const patients = new PatientTimeline();
  let previous: { atMs: number; body: Intake } | undefined;
  for (let day = 0; day < 365; day += 1) {
    const dayStart = options.startMs + day * 24 * 60 * MINUTE;
    const lives: Timed[] = later;
    const todays = Math.round(perDay * (day % 7 >= 5 ? 0.9 : 1.04));
    const arrivals: number[] = [];
    for (let i = 0; i < todays && sequence + i < options.tasks; i += 1) {
      arrivals.push(dayStart + random.weighted(HOUR_WEIGHTS) * 60 * MINUTE + random.int(0, 59) * MINUTE);
    }
    // In arrival order, so S4 sees each patient's earlier decisions. Now and then a relative calls
    // 112 too, and the ERC sends a second task for a patient whose first one is still open.
    for (const receivedAtMs of arrivals.sort((a, b) => a - b)) {
      const again = previous && receivedAtMs - previous.atMs < 90 * MINUTE && random.chance(0.005) ? previous.body : undefined;
      const { body, out } = taskLife(random, sequence++, receivedAtMs, patients, again);
      previous = { atMs: receivedAtMs, body };
      lives.push(...out);
    }
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
