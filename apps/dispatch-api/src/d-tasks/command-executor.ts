import { Inject, Injectable } from '@nestjs/common';
import { DomainRejection, DTaskCommand, DTaskDecider, DTaskState, TimedEvent, toTimedEvent } from '@dtask/domain';
import { dtaskStreamId, DTaskEvent, EventMetadata, toEventToAppend } from '@dtask/events';
import { comparePositions, EventStore, WrongExpectedRevisionError } from '@dtask/event-store';
import { EVENT_STORE } from '../event-store/event-store.module';
import { ConflictError, TaskNotFoundError } from '../http/error.filter';
import { DTASK_DECIDER } from './dtask-decider.provider';
import { expectedRevisionOf, Fold, TaskStreamLoader } from './dtask-stream';

/** Conflicting writers retry this many times before the caller gets a 409. */
const MAX_CONFLICT_RETRIES = 5;

export interface CommandOutcome {
  taskId: string;
  state: DTaskState;
  events: TimedEvent[];
  /** Global position of the last event written, when anything was written. */
  position?: string;
}

/**
 * The write path of every D-task command: load the stream, decide, append with the expected
 * revision. A concurrent write makes the append fail; the command is then decided again on the
 * fresh state, a bounded number of times. A rejected command writes nothing.
 */
@Injectable()
export class DTaskCommandExecutor {
  private readonly fold: Fold<DTaskState, TimedEvent>;
  /** This process's newest write, so its own reads can wait for the read models to include it. */
  lastWrittenPosition: string | undefined;
  private readonly newStream: { state: DTaskState; revision: number };

  constructor(
    private readonly loader: TaskStreamLoader,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(DTASK_DECIDER) private readonly decider: DTaskDecider,
  ) {
    this.newStream = { state: decider.initialState, revision: -1 };
    this.fold = {
      initialState: decider.initialState,
      evolve: decider.evolve,
      read: (type, data, metadata) => toTimedEvent(type, data, metadata as EventMetadata),
    };
  }

  async execute(taskId: string, command: DTaskCommand, correlationId: string): Promise<CommandOutcome> {
    const streamId = dtaskStreamId(taskId);
    for (let attempt = 0; ; attempt += 1) {
      // First try on the cached state, or for an intake on a new stream, without a read: the append's
      // expected revision checks either guess, and any doubt falls back to a fresh load.
      const cached = attempt === 0 ? (this.loader.cached<DTaskState>(streamId) ?? (command.type === 'Intake' ? this.newStream : undefined)) : undefined;
      let { state, revision } = cached ?? (await this.loader.load(streamId, this.fold));
      let events: TimedEvent[];
      try {
        events = this.decider.decide(command, state);
      } catch (error) {
        if (!cached || !(error instanceof DomainRejection)) throw toHttpError(error, taskId);
        // A rejection must stand on the stream as it is, not on what this process last saw.
        ({ state, revision } = await this.loader.load(streamId, this.fold));
        try {
          events = this.decider.decide(command, state);
        } catch (fresh) {
          throw toHttpError(fresh, taskId);
        }
      }
      if (events.length === 0) return { taskId, state, events };
      const toAppend = events.map(({ at, ...event }) =>
        toEventToAppend(event as DTaskEvent, { actor: { id: command.actor.id, role: command.actor.role }, occurredAt: at, correlationId, causationId: correlationId }),
      );
      try {
        const result = await this.store.append(streamId, toAppend, { expectedRevision: expectedRevisionOf(revision) });
        const next = events.reduce(this.decider.evolve, state);
        this.loader.remember(streamId, { state: next, revision: result.nextExpectedRevision });
        this.noteWrite(result.position);
        return { taskId, state: next, events, position: result.position };
      } catch (error) {
        if (!(error instanceof WrongExpectedRevisionError)) throw error;
        this.loader.forget(streamId);
        if (attempt >= MAX_CONFLICT_RETRIES) throw new ConflictError('concurrent-update', 'the task kept changing; try again');
      }
    }
  }

  private noteWrite(position: string): void {
    if (this.lastWrittenPosition === undefined || comparePositions(position, this.lastWrittenPosition) > 0) this.lastWrittenPosition = position;
  }
}

function toHttpError(error: unknown, taskId: string): unknown {
  if (!(error instanceof DomainRejection)) return error;
  if (error.reason === 'not-found') return new TaskNotFoundError(taskId);
  return new ConflictError(error.reason, error.message);
}
