import { useEffect, useRef, useState } from 'react';
import { io, Socket } from 'socket.io-client';
import { Load, Session, sessionEnded } from './api';

export type ConnectionState = 'connecting' | 'live' | 'reconnecting';

export interface LiveEvent {
  position: string;
  type: string;
  streamId: string;
  data: Record<string, unknown>;
  metadata: { occurredAt: string; actor: { id: string; role: string } };
}

export interface LiveOptions {
  /**
   * How the view gets its current state on every (re)connect:
   * - `position`: `loadState` answers the picture and the `$all` position it was read at, and the
   *   channel follows on from exactly there (nurse desk, supervisor wall);
   * - `now`: the channel follows from this moment and then `loadState` reads the view (partner).
   */
  start: 'position' | 'now';
  loadState: () => Promise<string | null | void>;
  onEvent: (event: LiveEvent) => void;
}

/**
 * The live channel. A (re)connect never replays history and never trusts what the page held while
 * it was away: it loads the current state, then follows from it, so a console that says "live"
 * shows what is stored now, whoever wrote it.
 */
export function useLive(session: Session, options: LiveOptions): { state: ConnectionState; load?: Load; liveSince?: number } {
  const [state, setState] = useState<ConnectionState>('connecting');
  const [load, setLoad] = useState<Load>();
  const [liveSince, setLiveSince] = useState<number>();
  const current = useRef(options);
  current.current = options;

  useEffect(() => {
    let closed = false;
    const socket: Socket = io('/live', { auth: { token: session.token }, transports: ['websocket'] });
    socket.on('connect', () => {
      void (async () => {
        try {
          if (current.current.start === 'now') {
            socket.emit('subscribe', { fromNow: true, batch: true });
            return;
          }
          const position = await current.current.loadState();
          if (!closed && socket.connected) socket.emit('subscribe', position ? { fromPosition: position, batch: true } : { batch: true });
        } catch {
          // The view shows its own error (or the session ended); try the whole start again shortly.
          if (!closed) setTimeout(() => socket.connected && socket.disconnect().connect(), 2000);
        }
      })();
    });
    socket.on('caught-up', () => {
      if (current.current.start === 'now') void current.current.loadState();
      setState('live');
      setLiveSince(Date.now());
    });
    socket.on('disconnect', (reason) => {
      setState('reconnecting');
      // socket.io retries by itself except when the server closed the connection (e.g. a restart).
      if (reason === 'io server disconnect' && !closed) setTimeout(() => socket.connect(), 1000);
    });
    socket.on('connect_error', (error: Error) => {
      if (error.message === 'unauthorized') {
        closed = true;
        socket.close();
        sessionEnded();
        return;
      }
      setState('reconnecting');
    });
    // The server closes the channel when the token expires: the session is over, not the connection.
    socket.on('session-expired', () => {
      closed = true;
      socket.close();
      sessionEnded();
    });
    socket.on('event', (event: LiveEvent) => current.current.onEvent(event));
    // Events that came together arrive in one frame.
    socket.on('events', (events: LiveEvent[]) => {
      for (const event of events) current.current.onEvent(event);
    });
    socket.on('load', (snapshot: Load) => setLoad(snapshot));
    return () => {
      closed = true;
      socket.close();
    };
  }, [session.token]);

  return { state, load, liveSince };
}

/**
 * Runs `task` at most once per `gapMs`, and once more after the last call, with one run in flight
 * at a time: a burst of live events costs one refetch, not one each.
 */
export function coalesce(task: () => Promise<void>, gapMs: number): () => void {
  let running = false;
  let again = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const run = async () => {
    timer = undefined;
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      await task();
    } catch {
      // The view shows its own error; the next event or reconnect tries again.
    } finally {
      running = false;
      if (again) {
        again = false;
        timer = setTimeout(() => void run(), gapMs);
      }
    }
  };
  return () => {
    if (timer === undefined) timer = setTimeout(() => void run(), gapMs);
  };
}
