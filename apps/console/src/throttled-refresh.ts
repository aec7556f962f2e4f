import { useEffect, useRef } from 'react';

/**
 * Runs `refresh` at mount and again whenever `signal` changes, but never starts it twice within
 * `intervalMs`, and never while one is still running: a burst of live events becomes one refetch
 * now and at most one more when the interval has passed (trailing), so nothing is missed.
 */
export function useThrottledRefresh(refresh: () => Promise<void>, signal: unknown, intervalMs = 500): () => void {
  const latest = useRef(refresh);
  latest.current = refresh;
  const state = useRef({ lastStart: Number.NEGATIVE_INFINITY, timer: undefined as ReturnType<typeof setTimeout> | undefined, running: false, pending: false, disposed: false });

  const request = useRef(() => {
    const s = state.current;
    if (s.disposed || s.timer !== undefined) return;
    if (s.running) {
      s.pending = true;
      return;
    }
    const wait = Math.max(0, s.lastStart + intervalMs - Date.now());
    s.timer = setTimeout(() => {
      s.timer = undefined;
      s.running = true;
      s.lastStart = Date.now();
      latest
        .current()
        .catch(() => undefined)
        .finally(() => {
          s.running = false;
          if (s.pending) {
            s.pending = false;
            request.current();
          }
        });
    }, wait);
  });

  // Declared first, so a remount (React's strict mode) is live again before the first request.
  useEffect(() => {
    const s = state.current;
    s.disposed = false;
    return () => {
      s.disposed = true;
      if (s.timer !== undefined) clearTimeout(s.timer);
      s.timer = undefined;
    };
  }, []);

  useEffect(() => {
    request.current();
  }, [signal]);

  /** Asks for a refetch outside the signal, under the same limit. */
  return request.current;
}
