import { Inject, Logger, OnModuleInit } from '@nestjs/common';
import { OnGatewayConnection, OnGatewayDisconnect, OnGatewayInit, SubscribeMessage, WebSocketGateway, WebSocketServer, ConnectedSocket, MessageBody } from '@nestjs/websockets';
import { comparePositions, EventStore, RecordedEvent } from '@dtask/event-store';
import { Pseudonymiser } from '@dtask/read-models';
import { Namespace, Socket } from 'socket.io';
import { z } from 'zod';
import { Actor } from '../auth/actor';
import { TokenVerifier } from '../auth/token-verifier';
import { EVENT_STORE } from '../event-store/event-store.module';
import { AllStreamFollower } from '../projections/projection-host';
import { LIVE_ROLES, liveViewOf } from './live-view';

/** `fromNow`: follow from this moment, for a view that loads its own current state (the partner's inbox). */
const SubscribeMessageSchema = z
  .object({ fromPosition: z.string().regex(/^\d{1,20}$/).optional(), fromNow: z.literal(true).optional() })
  .strict()
  .refine((message) => !(message.fromPosition && message.fromNow), 'give fromPosition or fromNow, not both');
const CATCH_UP_BATCH = 500;

interface LiveClient {
  socket: Socket;
  actor: Actor;
  /** Position of the last event considered for this client; undefined before the first. */
  last: string | undefined;
  live: boolean;
  /** Bumped by every new subscribe, so a superseded catch-up stops. */
  generation: number;
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
  @WebSocketServer() private namespace!: Namespace;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly follower: AllStreamFollower,
    private readonly verifier: TokenVerifier,
    private readonly pseudonymiser: Pseudonymiser,
  ) {}

  onModuleInit(): void {
    this.follower.register((event) => {
      for (const client of this.clients.values()) if (client.live) this.send(client, event);
    }, 'stateless');
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
          next();
        })
        .catch(() => next(new Error('unauthorized')));
    });
  }

  handleConnection(socket: Socket): void {
    this.clients.set(socket.id, { socket, actor: socket.data.actor as Actor, last: undefined, live: false, generation: 0 });
  }

  handleDisconnect(socket: Socket): void {
    this.clients.delete(socket.id);
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
      if (recent !== undefined) {
        // Synchronous from here to `live = true`: the follower cannot deliver in between.
        for (const event of recent) this.send(client, event);
        client.live = true;
        client.socket.emit('caught-up', { position: client.last ?? null });
        return;
      }
      const batch = await this.store.readAll({ fromPosition: client.last, maxCount: CATCH_UP_BATCH });
      if (client.generation !== generation) return;
      for (const event of batch.events) this.send(client, event);
      if (batch.events.length === 0 && batch.isEnd) {
        // The store is ahead of the follower's memory only briefly; wait for it to deliver.
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    }
  }

  private send(client: LiveClient, event: RecordedEvent): void {
    if (client.last !== undefined && comparePositions(event.position, client.last) <= 0) return;
    client.last = event.position;
    const view = liveViewOf(event, client.actor, this.pseudonymiser);
    if (view) client.socket.emit('event', view);
  }
}
