import { createServer, request, Server } from 'node:http';
import { AddressInfo, connect } from 'node:net';

/** The header this proxy adds to every answer: which backend (0, 1, …) served it. */
export const SERVED_BY = 'x-served-by';

/**
 * A load balancer as small as a test (test/multi-instance) or a bench can hold: each request, and
 * each WebSocket upgrade (the live channel), goes to the next backend in turn. Nothing sticks a
 * client to an instance.
 */
export class RoundRobinProxy {
  private next = 0;
  /** Upgrades take turns of their own, so a client that reconnects lands on the next instance. */
  private nextUpgrade = 0;
  /** Which backend each upgrade (a live-channel connection) went to, in order. */
  readonly upgrades: number[] = [];
  private readonly server: Server;
  private readonly tunnels = new Set<{ destroy(): void }>();

  /**
   * `affinity`: a key for a request (a task id in its path, say) that sends every request with that
   * key to the same backend, as a balancer hashing on it would; requests without one take turns.
   */
  constructor(
    private readonly backends: { host: string; port: number }[],
    private readonly affinity?: (url: string) => string | undefined,
  ) {
    this.server = createServer((incoming, outgoing) => {
      const key = this.affinity?.(incoming.url ?? '');
      const index = key === undefined ? this.pick() : hashOf(key) % this.backends.length;
      const backend = this.backends[index]!;
      const forwarded = request({ host: backend.host, port: backend.port, method: incoming.method, path: incoming.url, headers: incoming.headers }, (answer) => {
        outgoing.writeHead(answer.statusCode ?? 502, { ...answer.headers, [SERVED_BY]: String(index) });
        answer.pipe(outgoing);
      });
      forwarded.on('error', () => outgoing.writableEnded || outgoing.writeHead(502).end());
      incoming.pipe(forwarded);
    });
    this.server.on('upgrade', (incoming, socket, head) => {
      const index = this.nextUpgrade;
      this.nextUpgrade = (index + 1) % this.backends.length;
      this.upgrades.push(index);
      const backend = this.backends[index]!;
      const upstream = connect(backend.port, backend.host, () => {
        const lines = [`${incoming.method} ${incoming.url} HTTP/1.1`];
        for (let i = 0; i < incoming.rawHeaders.length; i += 2) lines.push(`${incoming.rawHeaders[i]}: ${incoming.rawHeaders[i + 1]}`);
        upstream.write(`${lines.join('\r\n')}\r\n\r\n`);
        if (head.length > 0) upstream.write(head);
        upstream.pipe(socket);
        socket.pipe(upstream);
      });
      const close = () => {
        upstream.destroy();
        socket.destroy();
        this.tunnels.delete(tunnel);
      };
      const tunnel = { destroy: close };
      this.tunnels.add(tunnel);
      upstream.on('error', close);
      socket.on('error', close);
      upstream.on('close', close);
      socket.on('close', close);
    });
  }

  async listen(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async close(): Promise<void> {
    for (const tunnel of [...this.tunnels]) tunnel.destroy();
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }

  private pick(): number {
    const index = this.next;
    this.next = (this.next + 1) % this.backends.length;
    return index;
  }
}

function hashOf(key: string): number {
  let hash = 0;
  for (let i = 0; i < key.length; i += 1) hash = (hash * 31 + key.charCodeAt(i)) >>> 0;
  return hash;
}
