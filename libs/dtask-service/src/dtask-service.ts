import { DTaskCommand, DTaskDecider, DTaskState, TimedEvent } from '@dtask/domain';
import { dtaskStreamId, readStoredEvent, StoredEvent } from '@dtask/events';
import { comparePositions, EventStore, ExpectedRevision, WrongExpectedRevisionError } from '@dtask/event-store';
import { CommandIdentity, identify } from './command-identity';
import { CommandResult, refused } from './command-result';
import { decideCommand } from './decide-command';
import { FoldedStream, StreamCache } from './folded-stream';
import { LoadPolicy } from './load-policy';
import { backOff, MAX_ATTEMPTS } from './retry';
import { stampEvents } from './stamp-events';

export interface DTaskServiceOptions {
  store: EventStore;
  decider: DTaskDecider;
  /** How many folded tasks this process keeps; 5,000 holds a busy day's open tasks. */
  cachedTasks?: number;
  random?: () => number;
}

export interface HandleOptions {
  policy?: LoadPolicy;
  /** The request or flow the command belongs to; a fresh one when omitted. */
  correlationId?: string;
  /** The client's key for this command: a retry with the same key and body writes nothing. */
  idempotencyKey?: string;
}

/**
 * Every writer of D-task streams goes through here: the controllers, the deadline scheduler, the
 * year generator and the tests. It loads a stream by a named policy, decides, and appends with the
 * expected revision, deciding again on a conflict. It answers with a typed result; it throws only
 * for faults (the store unavailable, a bug), never for a refusal.
 */
export class DTaskService {
  private readonly cache: StreamCache;
  private readonly empty: FoldedStream;
  /** This process's newest write, so its own reads can wait for the read models to include it. */
  lastWrittenPosition: string | undefined;

  constructor(private readonly options: DTaskServiceOptions) {
    this.cache = new StreamCache(options.cachedTasks ?? 5_000);
    this.empty = { state: options.decider.initialState, revision: -1, commands: new Map() };
  }

  async handle(taskId: string, command: DTaskCommand, options: HandleOptions = {}): Promise<CommandResult> {
    const streamId = dtaskStreamId(taskId);
    const identity = identify(taskId, command, options.idempotencyKey);
    let policy = options.policy ?? 'cached';
    for (let attempt = 1; ; attempt += 1) {
      const { stream, checked } = await this.load(streamId, policy);
      const repeat = this.repeatOf(taskId, identity, stream);
      if (repeat) return repeat;
      const decision = decideCommand(this.options.decider, command, stream.state);
      const events = 'events' in decision ? decision.events : [];
      if (!checked && events.length === 0) {
        // A refusal or a no-op must stand on the stream as it is, not on this process's memory.
        policy = 'fresh';
        continue;
      }
      if ('rejection' in decision) return refused(taskId, decision.rejection.reason, decision.rejection.message);
      if (events.length === 0) return { kind: 'accepted', taskId, effect: 'unchanged', state: stream.state, events };
      const written = await this.append(streamId, stream, events, command, identity, options.correlationId);
      if (written) return { kind: 'accepted', taskId, effect: 'written', state: written.state, events, position: written.position };
      if (attempt >= MAX_ATTEMPTS) return refused(taskId, 'concurrent-update', 'the task kept changing; try again');
      await backOff(attempt, this.options.random);
      policy = 'fresh';
    }
  }

  /** The task's stream as stored, each event read once at the current schema. */
  async history(taskId: string, options: { maxCount?: number } = {}): Promise<StoredEvent[]> {
    return (await this.options.store.readStream(dtaskStreamId(taskId), options)).map(readStoredEvent);
  }

  /** The task's stream and the state it folds to, from one read. */
  async read(taskId: string): Promise<{ history: StoredEvent[]; state: DTaskState }> {
    const history = await this.history(taskId);
    const state = history.reduce(
      (folded, event) => this.options.decider.evolve(folded, timedEvent(event)),
      this.options.decider.initialState,
    );
    return { history, state };
  }

  /** The task's state as its stream holds it now. */
  async stateOf(taskId: string): Promise<DTaskState> {
    return (await this.load(dtaskStreamId(taskId), 'fresh')).stream.state;
  }

  private repeatOf(taskId: string, identity: CommandIdentity, stream: FoldedStream): CommandResult | undefined {
    const firstEventId = stream.commands.get(identity.commandId);
    if (firstEventId === undefined) return undefined;
    if (firstEventId !== identity.eventId(0)) {
      return refused(taskId, 'idempotency-key-reused', 'this Idempotency-Key was used for another command; send a new key for a new command');
    }
    return { kind: 'accepted', taskId, effect: 'repeated', state: stream.state, events: [] };
  }

  /** `checked`: the state was read from the stream just now (or is a guess an append will check). */
  private async load(streamId: string, policy: LoadPolicy): Promise<{ stream: FoldedStream; checked: boolean }> {
    const cached = this.cache.get(streamId);
    if (policy === 'cached' && cached) return { stream: cached, checked: false };
    if (policy === 'assume-empty' && !cached) return { stream: this.empty, checked: true };
    const from = cached ?? this.empty;
    const newer = await this.options.store.readStream(streamId, { fromRevision: from.revision + 1 });
    if (newer.length === 0) return { stream: from, checked: true };
    let state = from.state;
    const commands = new Map(from.commands);
    for (const recorded of newer) {
      const event = readStoredEvent(recorded);
      state = this.options.decider.evolve(state, timedEvent(event));
      if (!commands.has(event.metadata.causationId)) commands.set(event.metadata.causationId, recorded.eventId);
    }
    const stream = { state, revision: newer[newer.length - 1]!.revision, commands };
    this.cache.remember(streamId, stream);
    return { stream, checked: true };
  }

  /** The new state and position, or undefined when another writer got there first. */
  private async append(streamId: string, stream: FoldedStream, events: TimedEvent[], command: DTaskCommand, identity: CommandIdentity, correlationId?: string) {
    const toAppend = stampEvents(events, command, identity, correlationId);
    const expectedRevision: ExpectedRevision = stream.revision < 0 ? 'no-stream' : stream.revision;
    try {
      const result = await this.options.store.append(streamId, toAppend, { expectedRevision });
      if (result.nextExpectedRevision !== stream.revision + events.length) {
        // The store acknowledged these event ids as written before: learn the stream as it is.
        this.cache.forget(streamId);
        return undefined;
      }
      const state = events.reduce(this.options.decider.evolve, stream.state);
      const commands = new Map(stream.commands).set(identity.commandId, toAppend[0]!.eventId);
      this.cache.remember(streamId, { state, revision: result.nextExpectedRevision, commands });
      this.noteWrite(result.position);
      return { state, position: result.position };
    } catch (error) {
      if (!(error instanceof WrongExpectedRevisionError)) throw error;
      this.cache.forget(streamId);
      return undefined;
    }
  }

  private noteWrite(position: string): void {
    if (this.lastWrittenPosition === undefined || comparePositions(position, this.lastWrittenPosition) > 0) this.lastWrittenPosition = position;
  }
}

/** A stored event as the decider folds it: its data, at the time it happened. */
const timedEvent = (event: StoredEvent) => ({ type: event.type, data: event.data, at: event.metadata.occurredAt }) as TimedEvent;
