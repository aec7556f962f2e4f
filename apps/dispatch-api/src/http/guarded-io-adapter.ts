import { IoAdapter } from '@nestjs/platform-socket.io';
import type { Server, ServerOptions } from 'socket.io';

/**
 * socket.io with its default namespace `/` closed: the gateways live in their own namespaces
 * (`/live`, each authenticating its clients), and `/` would otherwise let anyone connect and hold a
 * socket without a token. A client of `/` gets `connect_error` "not-found".
 */
export class GuardedIoAdapter extends IoAdapter {
  override createIOServer(port: number, options?: ServerOptions): Server {
    const server = super.createIOServer(port, options) as Server;
    server.of('/').use((_socket, next) => next(new Error('not-found')));
    return server;
  }
}
