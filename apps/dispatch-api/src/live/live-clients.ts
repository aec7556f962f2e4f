import { Socket } from 'socket.io';
import { Actor } from '../auth/actor';

/**
 * Packets a client may leave unread before it is dropped and told to resume from its position.
 * A console takes a few frames a second; a client this far behind has stopped reading.
 */
export const MAX_UNREAD_PACKETS = 5_000;
export const TOO_SLOW = 'the client did not keep up; subscribe again from your last position';

export interface LiveClient {
  socket: Socket;
  actor: Actor;
  /** Position of the last event considered for this client; undefined before the first. */
  last: string | undefined;
  live: boolean;
  /** Bumped by every new subscribe, so a superseded catch-up stops. */
  generation: number;
  expiry?: NodeJS.Timeout;
  /** Takes `events` frames, several events a frame (subscribe `batch`). */
  batch: boolean;
}

/** The live channel's connected clients: their sessions, their backlogs, and dropping them. */
export class LiveClients {
  private readonly clients = new Map<string, LiveClient>();

  /** A session does not outlive its token: the socket is closed when the token expires. */
  connect(socket: Socket, actor: Actor, expiresAtMs: number | undefined): void {
    const client: LiveClient = { socket, actor, last: undefined, live: false, generation: 0, batch: false };
    if (expiresAtMs !== undefined) {
      const inMs = Math.max(0, Math.min(expiresAtMs - Date.now(), 2 ** 31 - 1));
      client.expiry = setTimeout(() => this.drop(client, 'session-expired', 'the token has expired; sign in again'), inMs);
      client.expiry.unref();
    }
    this.clients.set(socket.id, client);
  }

  disconnected(socket: Socket): void {
    const client = this.clients.get(socket.id);
    if (client?.expiry) clearTimeout(client.expiry);
    this.clients.delete(socket.id);
  }

  of(socket: Socket): LiveClient | undefined {
    return this.clients.get(socket.id);
  }

  isConnected(client: LiveClient): boolean {
    return this.clients.has(client.socket.id);
  }

  get count(): number {
    return this.clients.size;
  }

  all(): IterableIterator<LiveClient> {
    return this.clients.values();
  }

  /** Packets waiting to be written, over every client and the most any one client has. */
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

  /** Ends a client's session on the live channel, saying why; a client that reads again learns it. */
  drop(client: LiveClient, reason: 'too-slow' | 'session-expired', message: string): void {
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
export function unread(client: LiveClient): number {
  return writeBufferOf(client).length;
}

/** engine.io keeps the packets it could not write yet in `writeBuffer` (not in its typings). */
function writeBufferOf(client: LiveClient): unknown[] {
  return (client.socket.conn as unknown as { writeBuffer: unknown[] }).writeBuffer;
}
