import { Inject, Logger, OnModuleInit } from '@nestjs/common';
import { OnGatewayConnection, OnGatewayDisconnect, OnGatewayInit, SubscribeMessage, WebSocketGateway, WebSocketServer, ConnectedSocket, MessageBody } from '@nestjs/websockets';
import { EventStore, RecordedEvent } from '@dtask/event-store';
import { taskIdFromStreamId } from '@dtask/events';
import { Pseudonymiser } from '@dtask/read-models';
import { Namespace, Socket } from 'socket.io';
import { z } from 'zod';
import { Actor } from '../auth/actor';
import { TokenVerifier } from '../auth/token-verifier';
import { EVENT_STORE } from '../event-store/event-store.module';
import { AllStreamFollower } from '../projections/projection-host';
import { LiveCatchUp } from './live-catch-up';
import { LiveClients, MAX_UNREAD_PACKETS, TOO_SLOW, unread } from './live-clients';
import { liveRoomOf, LiveRooms } from './live-rooms';
import { liveHandshake } from './live-session';

export { MAX_UNREAD_PACKETS };

/**
 * `fromNow`: follow from this moment, for a view that loads its own current state (the partner's inbox).
 * `batch`: the client takes live events as `events [ … ]` frames, several per frame when they come
 * together (a command's events, a busy moment), instead of one `event` frame each.
 */
const SubscribeMessageSchema = z
  .object({ fromPosition: z.string().regex(/^(0|[1-9]\d{0,19})$/).optional(), fromNow: z.literal(true).optional(), batch: z.literal(true).optional() })
  .strict()
  .refine((message) => !(message.fromPosition && message.fromNow), 'give fromPosition or fromNow, not both');

/**
 * socket.io `/live`, the wiring: the handshake (live-session), the clients (live-clients), the
 * catch-up from a client's own position (live-catch-up) and the shared rooms it then joins
 * (live-rooms), fed by the follower of `$all`.
 */
@WebSocketGateway({ namespace: '/live', cors: { origin: true } })
export class LiveGateway implements OnGatewayInit, OnGatewayConnection, OnGatewayDisconnect, OnModuleInit {
  private readonly logger = new Logger(LiveGateway.name);
  private readonly clients = new LiveClients();
  private readonly rooms: LiveRooms;
  private readonly catchUp: LiveCatchUp;
  @WebSocketServer() private namespace!: Namespace;

  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    private readonly follower: AllStreamFollower,
    private readonly verifier: TokenVerifier,
    pseudonymiser: Pseudonymiser,
  ) {
    this.rooms = new LiveRooms(() => this.namespace, pseudonymiser);
    this.catchUp = new LiveCatchUp(store, follower, pseudonymiser, this.clients, this.rooms);
  }

  onModuleInit(): void {
    this.follower.register((event) => this.broadcast(event), 'stateless', 'live channel');
  }

  private broadcast(event: RecordedEvent): void {
    if (taskIdFromStreamId(event.streamId) === undefined) return;
    for (const client of this.clients.all()) {
      if (!client.live) continue;
      if (unread(client) > MAX_UNREAD_PACKETS) this.clients.drop(client, 'too-slow', TOO_SLOW);
      else client.last = event.position;
    }
    this.rooms.broadcast(event);
  }

  afterInit(namespace: Namespace): void {
    namespace.use(liveHandshake(this.verifier));
  }

  handleConnection(socket: Socket): void {
    this.clients.connect(socket, socket.data.actor as Actor, socket.data.expiresAtMs as number | undefined);
  }

  handleDisconnect(socket: Socket): void {
    this.clients.disconnected(socket);
  }

  /** Clients connected now, for metrics and tests. */
  get clientCount(): number {
    return this.clients.count;
  }

  /** Packets waiting to be written, over every client and the most any one client has (for /metrics). */
  unreadPackets(): { total: number; largest: number } {
    return this.clients.unreadPackets();
  }

  /** Supervisors' live load snapshots go through here. */
  broadcastToRole(role: string, eventName: string, payload: unknown): void {
    for (const client of this.clients.all()) if (client.actor.role === role) client.socket.emit(eventName, payload);
  }

  hasClientsWithRole(role: string): boolean {
    for (const client of this.clients.all()) if (client.actor.role === role) return true;
    return false;
  }

  @SubscribeMessage('subscribe')
  async subscribe(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown): Promise<{ ok: boolean; error?: string }> {
    const client = this.clients.of(socket);
    if (!client) return { ok: false, error: 'not connected' };
    const parsed = SubscribeMessageSchema.safeParse(body ?? {});
    if (!parsed.success) return { ok: false, error: 'fromPosition must be a position string, or fromNow true' };
    client.generation += 1;
    client.live = false;
    void socket.leave(liveRoomOf(client));
    client.batch = parsed.data.batch === true;
    client.last = parsed.data.fromNow ? this.follower.position : parsed.data.fromPosition;
    void this.catchUp.run(client, client.generation).catch((error: unknown) => {
      this.logger.warn(`live catch-up failed: ${(error as Error).message}`);
      socket.emit('live-error', { reason: 'catch-up failed; subscribe again from your last position' });
    });
    return { ok: true };
  }
}
