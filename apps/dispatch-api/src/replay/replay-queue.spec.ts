import { ServiceUnavailableException } from '@nestjs/common';
import { ReplayAbandoned, ReplayQueue } from './replay-queue';

/** A replay that finishes when the test says so. */
function held<T>(value: T) {
  let finish!: () => void;
  let started = false;
  const replay = () =>
    new Promise<T>((resolve) => {
      started = true;
      finish = () => resolve(value);
    });
  return { replay, finish: () => finish(), started: () => started };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('the replay queue', () => {
  it('runs one replay at a time, in order', async () => {
    const queue = new ReplayQueue(3);
    const first = held('a');
    const second = held('b');
    const a = queue.run(undefined, first.replay);
    const b = queue.run(undefined, second.replay);
    await settle();
    expect([first.started(), second.started()]).toEqual([true, false]);
    first.finish();
    await expect(a).resolves.toBe('a');
    await settle();
    expect(second.started()).toBe(true);
    second.finish();
    await expect(b).resolves.toBe('b');
  });

  it('refuses a replay beyond the waiting limit with 503 instead of queueing it for ever', async () => {
    const queue = new ReplayQueue(2);
    const running = held(0);
    void queue.run(undefined, running.replay);
    void queue.run(undefined, held(1).replay);
    void queue.run(undefined, held(2).replay);
    await expect(queue.run(undefined, held(3).replay)).rejects.toBeInstanceOf(ServiceUnavailableException);
  });

  it('drops a waiting replay the moment its client hangs up, so it neither runs nor holds a place', async () => {
    const queue = new ReplayQueue(1);
    const running = held('running');
    const first = queue.run(undefined, running.replay);
    const gone = new AbortController();
    const abandoned = held('abandoned');
    const dropped = queue.run(gone.signal, abandoned.replay);
    gone.abort();
    await expect(dropped).rejects.toBeInstanceOf(ReplayAbandoned);
    expect(queue.waitingCount).toBe(0);
    // Its place is free at once for another.
    const next = held('next');
    const third = queue.run(undefined, next.replay);
    running.finish();
    await first;
    await settle();
    expect(abandoned.started()).toBe(false);
    next.finish();
    await expect(third).resolves.toBe('next');
  });
});
