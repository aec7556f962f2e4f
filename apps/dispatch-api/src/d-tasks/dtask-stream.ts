import { Inject, Injectable } from '@nestjs/common';
import { EventStore, ExpectedRevision } from '@dtask/event-store';
import { EVENT_STORE } from '../event-store/event-store.module';

/** A small LRU of folded task states, so a command reads only the events it has not seen. */
const CACHED_TASKS = 5_000;

export interface Folded<S> {
  state: S;
  /** Last revision folded into `state`; -1 for a stream that does not exist. */
  revision: number;
}

export interface Fold<S, E> {
  initialState: S;
  evolve(state: S, event: E): S;
  /** Turns a stored event into the fold's event type (upcasting it). */
  read(type: string, data: unknown, metadata: unknown): E;
}

/** Loads a task's state from its stream, reusing what it folded before. */
@Injectable()
export class TaskStreamLoader {
  private readonly cache = new Map<string, Folded<unknown>>();

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  /**
   * The cached state without a read, or undefined. Safe for deciding: an append from a stale state
   * fails its expected-revision check, and the caller then loads and decides again.
   */
  cached<S>(streamId: string): Folded<S> | undefined {
    return this.cache.get(streamId) as Folded<S> | undefined;
  }

  async load<S, E>(streamId: string, fold: Fold<S, E>): Promise<Folded<S>> {
    const cached = this.cache.get(streamId) as Folded<S> | undefined;
    let folded: Folded<S> = cached ?? { state: fold.initialState, revision: -1 };
    const newer = await this.store.readStream(streamId, { fromRevision: folded.revision + 1 });
    if (newer.length > 0) {
      let state = folded.state;
      for (const event of newer) state = fold.evolve(state, fold.read(event.type, event.data, event.metadata));
      folded = { state, revision: newer[newer.length - 1]!.revision };
    }
    this.remember(streamId, folded);
    return folded;
  }

  remember<S>(streamId: string, folded: Folded<S>): void {
    this.cache.delete(streamId);
    this.cache.set(streamId, folded);
    if (this.cache.size > CACHED_TASKS) this.cache.delete(this.cache.keys().next().value!);
  }

  forget(streamId: string): void {
    this.cache.delete(streamId);
  }
}

export function expectedRevisionOf(revision: number): ExpectedRevision {
  return revision < 0 ? 'no-stream' : revision;
}
