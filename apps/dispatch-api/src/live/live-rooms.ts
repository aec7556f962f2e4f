import { RecordedEvent } from '@dtask/event-store';
import { Pseudonymiser } from '@dtask/read-models';
import { Namespace } from 'socket.io';
import { Actor } from '../auth/actor';
import { LiveEvent, liveViewOf } from './live-view';

/** Staff (nurses, supervisors, analysts) see every task event alike; a partner its own service's handoffs. */
const STAFF_ROOM = 'live:staff';
const STAFF_VIEWER: Actor = { id: 'live', role: 'nurse' };
const partnerRoom = (service: string) => `live:partner:${service}`;
const batchRoom = (room: string) => `${room}:batch`;

export function liveRoomOf(client: { actor: Actor; batch: boolean }): string {
  const room = client.actor.role === 'partner' ? partnerRoom(client.actor.service ?? '') : STAFF_ROOM;
  return client.batch ? batchRoom(room) : room;
}

/**
 * A live event goes to each room of clients that see it alike, encoded once for the room, not once
 * per client: one `event` frame to a room's per-event clients, and this turn of the event loop's
 * events in one `events` frame to its batch clients.
 */
export class LiveRooms {
  private readonly pending = new Map<string, LiveEvent[]>();
  private flushScheduled = false;

  constructor(
    private readonly namespace: () => Namespace,
    private readonly pseudonymiser: Pseudonymiser,
  ) {}

  broadcast(event: RecordedEvent): void {
    // No one connected, no one to tell: a rebuild's catch-up would otherwise build a view per event.
    if (this.namespace().sockets.size === 0) return;
    const staffView = liveViewOf(event, STAFF_VIEWER, this.pseudonymiser);
    if (staffView) this.toRoom(STAFF_ROOM, staffView);
    const target = (event.data as { target?: unknown }).target;
    if (typeof target === 'string') {
      const partnerView = liveViewOf(event, { id: 'live', role: 'partner', service: target }, this.pseudonymiser);
      if (partnerView) this.toRoom(partnerRoom(target), partnerView);
    }
  }

  /** Sends the batches gathered so far, so a client joining now gets none of their events twice. */
  flush(): void {
    this.flushScheduled = false;
    for (const [room, views] of this.pending) this.namespace().to(room).emit('events', views);
    this.pending.clear();
  }

  private toRoom(room: string, view: LiveEvent): void {
    this.namespace().to(room).emit('event', view);
    const batch = this.pending.get(batchRoom(room));
    if (batch) batch.push(view);
    else this.pending.set(batchRoom(room), [view]);
    if (!this.flushScheduled) {
      this.flushScheduled = true;
      setImmediate(() => this.flush());
    }
  }
}
