import { createDTaskDecider, DEFAULT_SAFETY_RULES, DTaskCommand, DTaskState, pendingRecalls, Recall, TimedEvent } from '@dtask/domain';
import { CommandIdentity, decideCommand, identify } from '@dtask/dtask-service';
import { dtaskStreamId, EventActor } from '@dtask/events';
import { Random } from './random';

export const MINUTE = 60_000;
/** The limits the generated year lives under: the decider's defaults, which the scheduler would apply. */
export const RULES = DEFAULT_SAFETY_RULES;

/** A command without its time, which the life's clock adds. */
export type Untimed = DTaskCommand extends infer C ? (C extends unknown ? Omit<C, 'at'> : never) : never;

export interface Timed {
  streamId: string;
  event: TimedEvent;
  command: DTaskCommand;
  /** One per command: the events a command decided are appended together, as the service does. */
  identity: CommandIdentity;
}

export const ERC: EventActor = { id: 'erc', role: 'erc' };

/**
 * One task as the world acts on it: each command is decided by the real decider at the life's
 * clock, which only moves forward, so the task's events are in time order as the service writes
 * them. A command the task's state no longer allows (a claim after an automatic unit, a mission
 * update after the ERC took the task over) is skipped, as the service would refuse it.
 */
export class TaskLife {
  readonly out: Timed[] = [];
  readonly streamId: string;
  private readonly decider = createDTaskDecider(RULES);
  state: DTaskState;
  clock: number;
  nurse: EventActor;

  constructor(
    readonly random: Random,
    readonly taskId: string,
    readonly receivedAtMs: number,
  ) {
    this.streamId = dtaskStreamId(taskId);
    this.state = this.decider.initialState;
    this.clock = receivedAtMs;
    this.nurse = this.anyNurse();
  }

  anyNurse(): EventActor {
    return { id: `nurse-${this.random.int(1, 24)}`, role: 'nurse' };
  }

  /** Decides `untimed` this many minutes after the last command; whether the task took it. */
  act(untimed: Untimed, minutesLater: number): boolean {
    return this.actAt(untimed, this.clock + minutesLater * MINUTE);
  }

  /** Decides `untimed` at `atMs`, or at once if the clock has passed it. */
  actAt(untimed: Untimed, atMs: number): boolean {
    this.clock = Math.max(this.clock, Math.round(atMs));
    const command = { ...untimed, at: new Date(this.clock).toISOString() } as DTaskCommand;
    const decision = decideCommand(this.decider, command, this.state);
    if (!('events' in decision)) return false;
    const identity = identify(this.taskId, command);
    for (const event of decision.events) {
      this.state = this.decider.evolve(this.state, event);
      this.out.push({ streamId: this.streamId, event, command, identity });
    }
    return true;
  }

  get closed(): boolean {
    return this.state.status === 'closed';
  }

  /** The task has a unit: requested by us, sent by S1/S2, escalated, or attached by the field commander. */
  get hasUnit(): boolean {
    return this.state.unitRequested !== undefined;
  }

  /** The recall of this reason still due soonest, if any. */
  dueRecall(reason: Recall['reason']): Recall | undefined {
    return pendingRecalls(this.state)
      .filter((recall) => recall.reason === reason)
      .sort((a, b) => a.dueAt.localeCompare(b.dueAt))[0];
  }
}
