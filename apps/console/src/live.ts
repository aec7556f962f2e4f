import { useEffect, useRef, useState } from 'react';
import { io, Socket } from 'socket.io-client';
import type { Load, Session } from './api';

export type ConnectionState = 'connecting' | 'live' | 'reconnecting';

/**
 * The live channel: subscribes from the last position seen, and after a drop subscribes again from
 * it, so nothing is missed and nothing is shown twice. Every event calls `onEvent`.
 */
export function useLive(session: Session, onEvent: (type: string) => void): { state: ConnectionState; load?: Load } {
  const [state, setState] = useState<ConnectionState>('connecting');
  const [load, setLoad] = useState<Load>();
  const lastPosition = useRef<string | undefined>(undefined);
  const handler = useRef(onEvent);
  handler.current = onEvent;

  useEffect(() => {
    const socket: Socket = io('/live', { auth: { token: session.token }, transports: ['websocket'] });
    socket.on('connect', () => {
      socket.emit('subscribe', lastPosition.current ? { fromPosition: lastPosition.current } : {});
    });
    socket.on('caught-up', () => setState('live'));
    socket.on('disconnect', (reason) => {
      setState('reconnecting');
      // socket.io retries by itself except when the server closed the connection (e.g. a restart).
      if (reason === 'io server disconnect') setTimeout(() => socket.connect(), 1000);
    });
    socket.on('connect_error', () => setState('reconnecting'));
    socket.on('event', (event: { position: string; type: string }) => {
      lastPosition.current = event.position;
      handler.current(event.type);
    });
    socket.on('load', (snapshot: Load) => setLoad(snapshot));
    return () => {
      socket.close();
    };
  }, [session.token]);

  return { state, load };
}
