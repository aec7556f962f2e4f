import { DTaskDecider } from '@dtask/domain';
import { QueueItemView } from '@dtask/events';
import { EventBatches } from '../fold-event';
import { TaskFactsFold } from '../measures/task-facts';
import { awaitsFirstDecision, loadSnapshot, LoadSnapshot } from './load-snapshot';
import { PatientIndex } from '../privacy/patient-index';
import { TaskBoardFold } from './task-board-fold';

export interface TimeTravelOptions {
  decider: Pick<DTaskDecider, 'evolveInPlace'>;
  assumedMissionMinutes: number;
  contactTargetMinutes?: number;
}

export interface PastLoad {
  at: string;
  events: number;
  load: LoadSnapshot;
  queue: { tasks: QueueItemView[] };
}

/** The field commander's unit decides the task too (as sent a unit), as the measures count it. */
const DECISIONS = new Set(['UnitRequested', 'UnitAttachedByField', 'PhoneAdviceGiven', 'RedirectRequested']);

/**
 * The queue and the live load as they stood at `atMs`: every event that had happened by then,
 * folded by the live service's own folds. Exact whatever order `$all` holds them in.
 */
export async function loadAt(batches: EventBatches, atMs: number, options: TimeTravelOptions): Promise<PastLoad> {
  // One index for both folds, fed here; the past load names no patient, so it keeps plain keys.
  const patients = new PatientIndex();
  const board = new TaskBoardFold(options.decider, patients);
  const facts = new TaskFactsFold(patients);
  let count = 0;
  for await (const batch of batches) {
    for (const event of batch) {
      if (Date.parse(event.metadata.occurredAt) > atMs) continue;
      patients.apply(event);
      board.apply(event);
      facts.apply(event);
      count += 1;
    }
  }
  const now = new Date(atMs);
  const queue = board.queue(now);
  const load = loadSnapshot({
    now,
    queue,
    open: board.open.values(),
    receivedBetween: (fromMs, toMs) => facts.receivedBetween(fromMs, toMs),
    assumedMissionMinutes: options.assumedMissionMinutes,
    ...(options.contactTargetMinutes === undefined ? {} : { contactTargetMinutes: options.contactTargetMinutes }),
    referrals: board.referrals(now),
  });
  return { at: now.toISOString(), events: count, load, queue: { tasks: queue } };
}

export interface DayStep {
  at: string;
  queueLength: number;
  oldestWaitSeconds: number;
  claimed: number;
  awaitingHandoff: number;
  /** v1.1: accepted referrals whose visit is awaited. */
  awaitingVisit: number;
  nursesActive: number;
  /** Decisions in the step that ends at `at`. */
  decisions: number;
}

/**
 * The load at each step through [fromMs, toMs], in one pass: a step is taken when the first event
 * after it arrives. The service writes `$all` as things happen, so this equals `loadAt` at every
 * step; an event stored out of time order would count from the step after it was stored.
 * Reading stops at the first event after the window.
 */
export async function loadThroughDay(
  batches: EventBatches,
  window: { fromMs: number; toMs: number; stepMs: number },
  options: TimeTravelOptions,
): Promise<DayStep[]> {
  const board = new TaskBoardFold(options.decider);
  const steps: DayStep[] = [];
  let next = window.fromMs;
  let decisions = 0;
  const takeStep = () => {
    const now = new Date(next);
    const queue = board.queue(now);
    let claimed = 0, awaitingHandoff = 0, awaitingVisit = 0;
    const nurses = new Set<string>();
    for (const task of board.open.values()) {
      if (task.status === 'claimed') claimed += 1;
      if (task.status === 'awaiting-handoff') awaitingHandoff += 1;
      if (task.status === 'awaiting-visit') awaitingVisit += 1;
      if (task.owner) nurses.add(task.owner);
    }
    steps.push({
      at: now.toISOString(),
      queueLength: queue.length,
      // As the wall counts it: the tasks awaiting their first decision.
      oldestWaitSeconds: queue.filter(awaitsFirstDecision).reduce((oldest, item) => Math.max(oldest, item.waitingSeconds), 0),
      claimed,
      awaitingHandoff,
      awaitingVisit,
      nursesActive: nurses.size,
      decisions,
    });
    decisions = 0;
    next += window.stepMs;
  };
  replay: for await (const batch of batches) {
    for (const event of batch) {
      const atMs = Date.parse(event.metadata.occurredAt);
      while (next <= window.toMs && atMs > next) takeStep();
      if (next > window.toMs) break replay;
      board.apply(event);
      if (atMs > window.fromMs && atMs <= window.toMs && DECISIONS.has(event.type)) decisions += 1;
    }
  }
  while (next <= window.toMs) takeStep();
  return steps;
}
