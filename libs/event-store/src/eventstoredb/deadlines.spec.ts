import { EventStoreUnavailableError } from '../port';
import { consumeRead, withDeadline } from './deadlines';

/** A read as the client's Rust reader gives it: an async iterator, which may go quiet. */
function fakeRead<T>(items: T[], options: { hang?: boolean } = {}): AsyncIterableIterator<T> & { cancelled: number } {
  let index = 0;
  const read = {
    cancelled: 0,
    [Symbol.asyncIterator]() {
      return read;
    },
    next: (): Promise<IteratorResult<T>> => {
      if (index < items.length) return Promise.resolve({ done: false, value: items[index++]! });
      return options.hang ? new Promise(() => undefined) : Promise.resolve({ done: true, value: undefined });
    },
    return: async (): Promise<IteratorResult<T>> => {
      read.cancelled += 1;
      return { done: true, value: undefined };
    },
  };
  return read;
}

describe('reads with a deadline of our own', () => {
  it('visits every item of a read that ends', async () => {
    const seen: number[] = [];
    await expect(consumeRead(fakeRead([1, 2, 3]), (n) => void seen.push(n), 1_000, 'test')).resolves.toBe(true);
    expect(seen).toEqual([1, 2, 3]);
  });

  it('stops early and cancels the server call when the visitor has enough', async () => {
    const read = fakeRead([1, 2, 3, 4]);
    const seen: number[] = [];
    await expect(consumeRead(read, (n) => (seen.push(n), n < 2), 1_000, 'test')).resolves.toBe(false);
    expect(seen).toEqual([1, 2]);
    expect(read.cancelled).toBe(1);
  });

  it('fails as unavailable and cancels when the server goes quiet', async () => {
    const read = fakeRead([1], { hang: true });
    await expect(consumeRead(read, () => undefined, 20, 'readAll')).rejects.toThrow(EventStoreUnavailableError);
    expect(read.cancelled).toBe(1);
  });

  it('bounds a promise, and passes its own outcome through', async () => {
    await expect(withDeadline(Promise.resolve(7), 100, 'test')).resolves.toBe(7);
    const boom = new Error('boom');
    await expect(withDeadline(Promise.reject(boom), 100, 'test')).rejects.toBe(boom);
    await expect(withDeadline(new Promise(() => undefined), 20, 'append')).rejects.toThrow(/within 20 ms \(append\)/);
  });
});
