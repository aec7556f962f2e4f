import { StreamingRead } from '@eventstore/db-client';
import { EventStoreUnavailableError } from '../port';

const ignore = () => undefined;

/**
 * Consumes a read with `for await`, so the server is only asked for more as events are handled.
 * `visit` returns false to stop early. The 6.x client gives reads no deadline (it sets Infinity),
 * so this one ends the read itself when the server has not finished within `deadlineMs`.
 * Resolves true when the read ran to its end, false when `visit` stopped it.
 */
export async function consumeRead<T>(read: StreamingRead<T>, visit: (item: T) => boolean | void, deadlineMs: number, operation: string): Promise<boolean> {
  // A late error on a read nobody iterates any more must not become an uncaught 'error' event.
  read.on('error', ignore);
  const timer = setTimeout(() => {
    read.destroy(new EventStoreUnavailableError(`EventStoreDB did not answer within ${deadlineMs} ms (${operation})`));
    void read.cancel().catch(ignore);
  }, deadlineMs);
  try {
    for await (const item of read) {
      if (visit(item) === false) {
        void read.cancel().catch(ignore);
        return false;
      }
    }
    return true;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Rejects with EventStoreUnavailableError when `work` has not settled after `deadlineMs`: cluster
 * discovery and reconnects happen before the client's own deadline starts to count.
 */
export function withDeadline<T>(work: Promise<T>, deadlineMs: number, operation: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new EventStoreUnavailableError(`EventStoreDB did not answer within ${deadlineMs} ms (${operation})`)),
      deadlineMs,
    );
    work.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}
