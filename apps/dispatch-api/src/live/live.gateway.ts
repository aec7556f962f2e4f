import { Inject, Logger, OnModuleInit } from '@nestjs/common';
import { OnGatewayConnection, OnGatewayDisconnect, OnGatewayInit, SubscribeMessage, WebSocketGateway, WebSocketServer, ConnectedSocket, MessageBody } from '@nestjs/websockets';
import { comparePositions, EventStore, RecordedEvent } from '@dtask/event-store';
import { Pseudonymiser } from '@dtask/read-models';
import { decodeJwt } from 'jose';
import { Namespace, Socket } from 'socket.io';
import { z } from 'zod';
import { Actor } from '../auth/actor';
import { TokenVerifier } from '../auth/token-verifier';
import { EVENT_STORE } from '../event-store/event-store.module';
import { AllStreamFollower } from '../projections/projection-host';
import { LIVE_ROLES, LiveEvent, liveViewOf } from './live-view';

/** `fromNow`: follow from this moment, for a view that loads its own current state (the partner's inbox). */
/**
 * `batch`: the client takes live events as `events [ … ]` frames, several per frame when they come
 * together (a command's events, a busy moment), instead of one `event` frame each.
 */
const SubscribeMessageSchema = z
  .object({ fromPosition: z.string().regex(/^(0|[1-9]\d{0,19})$/).optional(), fromNow: z.literal(true).optional(), batch: z.literal(true).optional() })
  .strict()
  .refine((message) => !(message.fromPosition && message.fromNow), 'give fromPosition or fromNow, not both');
const CATCH_UP_BATCH = 500;
/**
 * Packets a client may leave unread before it is dropped and told to resume from its position.
 * A console takes a few frames a second; a client this far behind has stopped reading.
 */
export const MAX_UNREAD_PACKETS = 5_000;
/** How long a catching-up client may take to read a batch before it is dropped. */
const DRAIN_TIMEOUT_MS = 10_000;

interface LiveClient {
  socket: Socket;
  actor: Actor;
  /** Position of the last event considered for this client; undefined before the first. */
  last: string | undefined;
  live: boolean;
  /** Bumped by every new subscribe, so a superseded catch-up stops. */
  generation: number;
  expiry?: NodeJS.Timeout;
  /** Takes `events` frames (see SubscribeMessageSchema). */
  batch: boolean;
}

/**
 * socket.io `/live`: each client catches up from its own position by reading the store, then
 * switches to the shared follower of `$all`. The switch replays the follower's recent events
 * synchronously, so nothing is missed or sent twice between the two.
 */
@WebSocketGateway({ namespace: '/live', cors: { origin: true } })
export class LiveGateway implements OnGatewayInit, OnGatewayConnection, OnGatewayDisconnect, OnModuleInit {
  private readonly logger = new Logger(LiveGateway.name);
  private readonly clients = new Map<string, LiveClient>();
  /** Live views waiting for the end of this turn of the event loop, per batch room. */
  private readonly pending = new Map<string, LiveEvent[]>();
  private flushScheduled = false;
  @WebSocketServer() private namespace!: Namespace;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly follower: AllStreamFollower,
    private readonly verifier: TokenVerifier,
    private readonly pseudonymiser: Pseudonymiser,
  ) {}

  onModuleInit(): void {
    this.follower.register((event) => this.broadcast(event), 'stateless', 'live channel');
  }

  /**
   * A live event goes to each room of clients that see it alike, encoded once for the room, not once
   * per client: staff see every task event, a partner only its own service's handoffs.
   */
  private broadcast(event: RecordedEvent): void {
    if (!event.streamId.startsWith('dtask-')) return;
    for (const client of this.clients.values()) {
      if (!client.live) continue;
      if (unread(client) > MAX_UNREAD_PACKETS) this.drop(client, 'too-slow', 'the client did not keep up; subscribe again from your last position');
      else client.last = event.position;
    }
    const staffView = liveViewOf(event, STAFF_VIEWER, this.pseudonymiser);
    if (staffView) this.toRoom(STAFF_ROOM, staffView);
    const target = (event.data as { target?: unknown }).target;
    if (typeof target === 'string') {
      const partnerView = liveViewOf(event, { id: 'live', role: 'partner', service: target }, this.pseudonymiser);
      if (partnerView) this.toRoom(partnerRoom(target), partnerView);
    }
  }

  /** One frame per event to a room's per-event clients; batch clients get this turn's events in one frame. */
  private toRoom(room: string, view: LiveEvent): void {
    this.namespace.to(room).emit('event', view);
    const batch = this.pending.get(batchRoom(room));
    if (batch) batch.push(view);
    else this.pending.set(batchRoom(room), [view]);
    if (!this.flushScheduled) {
      this.flushScheduled = true;
      setImmediate(() => this.flushBatches());
    }
  }

  private flushBatches(): void {
    this.flushScheduled = false;
    for (const [room, views] of this.pending) this.namespace.to(room).emit('events', views);
    this.pending.clear();
  }

  afterInit(namespace: Namespace): void {
    namespace.use((socket, next) => {
      const token = (socket.handshake.auth as { token?: unknown })?.token;
      if (typeof token !== 'string') return next(new Error('unauthorized'));
      this.verifier
        .verify(token)
        .then((actor) => {
          if (!LIVE_ROLES.has(actor.role)) return next(new Error('forbidden'));
          socket.data.actor = actor;
          socket.data.expiresAtMs = expiryOf(token);
          // The verifier allows clock skew around `exp`; a session channel opens only before it.
          if (socket.data.expiresAtMs !== undefined && socket.data.expiresAtMs <= Date.now()) return next(new Error('unauthorized'));
          next();
        })
        .catch(() => next(new Error('unauthorized')));
    });
  }

  handleConnection(socket: Socket): void {
    const client: LiveClient = { socket, actor: socket.data.actor as Actor, last: undefined, live: false, generation: 0, batch: false };
    // A session does not outlive its token: the socket is closed when the token expires.
    const expiresAtMs = socket.data.expiresAtMs as number | undefined;
    if (expiresAtMs !== undefined) {
      client.expiry = setTimeout(() => this.drop(client, 'session-expired', 'the token has expired; sign in again'), Math.max(0, Math.min(expiresAtMs - Date.now(), 2 ** 31 - 1)));
      client.expiry.unref();
    }
    this.clients.set(socket.id, client);
  }

  handleDisconnect(socket: Socket): void {
    const client = this.clients.get(socket.id);
    if (client?.expiry) clearTimeout(client.expiry);
    this.clients.delete(socket.id);
  }

  /** Clients connected now, for metrics and tests. */
  get clientCount(): number {
    return this.clients.size;
  }

  /** Packets waiting to be written, over every client and the most any one client has (for /metrics). */
  unreadPackets(): { total: number; largest: number } {
    let total = 0;
    let largest = 0;
    for (const client of this.clients.values()) {
      const waiting = unread(client);
      total += waiting;
      largest = Math.max(largest, waiting);
    }
    return { total, largest };
  }

  /** Supervisors' live load snapshots go through here. */
  broadcastToRole(role: string, eventName: string, payload: unknown): void {
    for (const client of this.clients.values()) if (client.actor.role === role) client.socket.emit(eventName, payload);
  }

  hasClientsWithRole(role: string): boolean {
    for (const client of this.clients.values()) if (client.actor.role === role) return true;
    return false;
  }

  @SubscribeMessage('subscribe')
  async subscribe(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown): Promise<{ ok: boolean; error?: string }> {
    const client = this.clients.get(socket.id);
    if (!client) return { ok: false, error: 'not connected' };
    const parsed = SubscribeMessageSchema.safeParse(body ?? {});
    if (!parsed.success) return { ok: false, error: 'fromPosition must be a position string, or fromNow true' };
    client.generation += 1;
    client.live = false;
    void socket.leave(liveRoomOf(client));
    client.batch = parsed.data.batch === true;
    client.last = parsed.data.fromNow ? this.follower.position : parsed.data.fromPosition;
    void this.catchUp(client, client.generation).catch((error: unknown) => {
      this.logger.warn(`live catch-up failed: ${(error as Error).message}`);
      socket.emit('live-error', { reason: 'catch-up failed; subscribe again from your last position' });
    });
    return { ok: true };
  }

  private async catchUp(client: LiveClient, generation: number): Promise<void> {
    for (;;) {
      if (client.generation !== generation || !this.clients.has(client.socket.id)) return;
      const recent = this.follower.recentAfter(client.last);
      if (recent !== undefined && recent.length <= CATCH_UP_BATCH) {
        // Synchronous from here to `live = true`: the follower cannot deliver in between. Batches
        // already gathered go out first, so this client gets none of their events twice.
        this.flushBatches();
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
      if (!(await this.drained(client))) return this.drop(client, 'too-slow', 'the client did not keep up; subscribe again from your last position');
      if (stored && stored.events.length === 0 && stored.isEnd) {
        // The store is ahead of the follower's memory only briefly; wait for it to deliver.
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    }
  }

  /** Catch-up: one frame per event, or one `events` frame for a batch client. */
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
    if (unread(client) > MAX_UNREAD_PACKETS) return this.drop(client, 'too-slow', 'the client did not keep up; subscribe again from your last position');
    if (views.length > 0) client.socket.emit('events', views);
  }

  private send(client: LiveClient, event: RecordedEvent): void {
    if (client.last !== undefined && comparePositions(event.position, client.last) <= 0) return;
    if (unread(client) > MAX_UNREAD_PACKETS) return this.drop(client, 'too-slow', 'the client did not keep up; subscribe again from your last position');
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

  /** Ends a client's session on the live channel, saying why; a client that reads again learns it. */
  private drop(client: LiveClient, reason: 'too-slow' | 'session-expired', message: string): void {
    if (!this.clients.has(client.socket.id)) return;
    this.clients.delete(client.socket.id);
    client.generation += 1;
    client.live = false;
    if (client.expiry) clearTimeout(client.expiry);
    // A client that stopped reading will not read its backlog: free it, and leave it just the reason.
    if (reason === 'too-slow') writeBufferOf(client).length = 0;
    if (reason === 'session-expired') client.socket.emit('session-expired', { reason: message });
    // Its backlog is gone, so only the client knows what it has: it resumes from the last position it saw.
    else client.socket.emit('live-error', { reason, message });
    client.socket.disconnect(true);
  }
}

/** Packets waiting to be written to one client: what a client that stops reading makes grow. */
function unread(client: LiveClient): number {
  return writeBufferOf(client).length;
}

/** engine.io keeps the packets it could not write yet in `writeBuffer` (not in its typings). */
function writeBufferOf(client: LiveClient): unknown[] {
  return (client.socket.conn as unknown as { writeBuffer: unknown[] }).writeBuffer;
}

/** The token's `exp` (already verified), in epoch milliseconds. */
function expiryOf(token: string): number | undefined {
  try {
    const exp = decodeJwt(token).exp;
    return typeof exp === 'number' ? exp * 1000 : undefined;
  } catch {
    return undefined;
  }
}

/** Staff (nurses, supervisors, analysts) see every task event alike; a partner its own service's handoffs. */
const STAFF_ROOM = 'live:staff';
const STAFF_VIEWER: Actor = { id: 'live', role: 'nurse' };
const partnerRoom = (service: string) => `live:partner:${service}`;
const batchRoom = (room: string) => `${room}:batch`;
function liveRoomOf(client: { actor: Actor; batch: boolean }): string {
  const room = client.actor.role === 'partner' ? partnerRoom(client.actor.service ?? '') : STAFF_ROOM;
  return client.batch ? batchRoom(room) : room;
}
