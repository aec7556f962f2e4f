import { comparePositions, EventStore, RecordedEvent } from '@dtask/event-store';
import { Pseudonymiser } from '@dtask/read-models';
import { AllStreamFollower } from '../projections/projection-host';
import { LiveClient, LiveClients, MAX_UNREAD_PACKETS, TOO_SLOW, unread } from './live-clients';
import { liveRoomOf, LiveRooms } from './live-rooms';
import { LiveEvent, liveViewOf } from './live-view';

const CATCH_UP_BATCH = 500;
/** How long a catching-up client may take to read a batch before it is dropped. */
const DRAIN_TIMEOUT_MS = 10_000;

/**
 * A client catches up from its own position by reading the store, then switches to the shared
 * follower of `$all`. The switch replays the follower's recent events synchronously, so nothing is
 * missed or sent twice between the two.
 */
export class LiveCatchUp {
  constructor(
    private readonly store: EventStore,
    private readonly follower: AllStreamFollower,
    private readonly pseudonymiser: Pseudonymiser,
    private readonly clients: LiveClients,
    private readonly rooms: LiveRooms,
  ) {}

  async run(client: LiveClient, generation: number): Promise<void> {
    for (;;) {
      if (client.generation !== generation || !this.clients.isConnected(client)) return;
      if (await this.behindClient(client)) continue;
      const recent = this.follower.recentAfter(client.last);
      if (recent !== undefined && recent.length <= CATCH_UP_BATCH) {
        // Synchronous from here to `live = true`: the follower cannot deliver in between. Batches
        // already gathered go out first, so this client gets none of their events twice.
        this.rooms.flush();
        this.sendAll(client, recent);
        client.live = true;
        void client.socket.join(liveRoomOf(client));
        client.socket.emit('caught-up', { position: client.last ?? null });
        return;
      }
      // Further behind: a batch at a time, from memory when it holds them, else from the store.
      const stored = recent === undefined ? await this.store.readAll({ fromPosition: client.last, maxCount: CATCH_UP_BATCH }) : undefined;
      if (client.generation !== generation) return;
      this.sendAll(client, recent?.slice(0, CATCH_UP_BATCH) ?? stored!.events);
      // The next batch only once this client has taken the last one: memory stays bounded per client.
      if (!(await this.drained(client))) return this.clients.drop(client, 'too-slow', TOO_SLOW);
      if (stored && stored.events.length === 0 && stored.isEnd) {
        // The store is ahead of the follower's memory only briefly; wait for it to deliver.
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    }
  }

  /**
   * A client another instance served may come with a position this one's follower has not reached
   * yet: going live now would send it the events in between a second time. Waits (true: look again)
   * unless the store itself is behind that position (restored since): nothing more comes under it.
   */
  private async behindClient(client: LiveClient): Promise<boolean> {
    const { last } = client;
    const reached = this.follower.position;
    if (last === undefined || (reached !== undefined && comparePositions(reached, last) >= 0)) return false;
    const head = await this.store.headPosition();
    if (head === undefined || comparePositions(head, last) < 0) return false;
    await this.follower.waitFor(last);
    return true;
  }

  /** One frame per event, or one `events` frame for a batch client. */
  private sendAll(client: LiveClient, events: RecordedEvent[]): void {
    if (!client.batch) {
      for (const event of events) this.send(client, event);
      return;
    }
    const views: LiveEvent[] = [];
    for (const event of events) {
      if (client.last !== undefined && comparePositions(event.position, client.last) <= 0) continue;
      client.last = event.position;
      const view = liveViewOf(event, client.actor, this.pseudonymiser);
      if (view) views.push(view);
    }
    if (unread(client) > MAX_UNREAD_PACKETS) return this.clients.drop(client, 'too-slow', TOO_SLOW);
    if (views.length > 0) client.socket.emit('events', views);
  }

  private send(client: LiveClient, event: RecordedEvent): void {
    if (client.last !== undefined && comparePositions(event.position, client.last) <= 0) return;
    if (unread(client) > MAX_UNREAD_PACKETS) return this.clients.drop(client, 'too-slow', TOO_SLOW);
    client.last = event.position;
    const view = liveViewOf(event, client.actor, this.pseudonymiser);
    if (view) client.socket.emit('event', view);
  }

  /** Resolves true once the client's unread packets are few again, false if it stays behind. */
  private drained(client: LiveClient): Promise<boolean> {
    if (unread(client) < CATCH_UP_BATCH) return Promise.resolve(true);
    return new Promise((resolve) => {
      const conn = client.socket.conn;
      const done = (result: boolean) => {
        clearTimeout(timer);
        conn.off('drain', onDrain);
        conn.off('close', onClose);
        resolve(result);
      };
      const onDrain = () => done(true);
      const onClose = () => done(false);
      const timer = setTimeout(() => done(false), DRAIN_TIMEOUT_MS);
      conn.on('drain', onDrain);
      conn.on('close', onClose);
    });
  }
}
