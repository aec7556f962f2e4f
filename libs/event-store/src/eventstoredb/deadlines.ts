import { EventStoreUnavailableError } from '../port';

const ignore = () => undefined;

/**
 * Consumes a read one item at a time, so the server is only asked for more as items are handled.
 * `visit` returns false to stop early. The KurrentDB client reads through its Rust bridge with no
 * deadline a caller can set, so this one ends the read itself when the server has not finished
 * within `deadlineMs`. Resolves true when the read ran to its end, false when `visit` stopped it.
 */
export async function consumeRead<T>(read: AsyncIterable<T>, visit: (item: T) => boolean | void, deadlineMs: number, operation: string): Promise<boolean> {
  const iterator = read[Symbol.asyncIterator]();
  // Not awaited: a read stuck in next() must not hold up the caller's answer.
  const stop = () => void Promise.resolve(iterator.return?.()).catch(ignore);
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new EventStoreUnavailableError(`KurrentDB did not answer within ${deadlineMs} ms (${operation})`)), deadlineMs);
  });
  expired.catch(ignore);
  try {
    for (;;) {
      const next = iterator.next();
      const step = await Promise.race([next, expired]).catch((error: unknown) => {
        // A late failure of the abandoned step must not go unhandled.
        next.catch(ignore);
        throw error;
      });
      if (step.done) return true;
      if (visit(step.value) === false) {
        stop();
        return false;
      }
    }
  } catch (error) {
    if (error instanceof EventStoreUnavailableError) stop();
    throw error;
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
      () => reject(new EventStoreUnavailableError(`KurrentDB did not answer within ${deadlineMs} ms (${operation})`)),
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
