import { keepRunning } from '../apps/simulator/src/keep-running';

/** QA saw every simulated partner stop for good on one dropped connection (write EPIPE). */
describe('a simulated agent that fails', () => {
  it('starts again after its pause until it ends of itself, each failure told', async () => {
    let starts = 0;
    const failures: string[] = [];
    const agent = async () => {
      starts += 1;
      if (starts < 3) throw new Error('write EPIPE');
    };
    await keepRunning('partner oulu-home-care', agent, { signal: new AbortController().signal, pauseMs: 1, onFailure: (name, error) => failures.push(`${name}: ${error.message}`) });
    expect(starts).toBe(3);
    expect(failures).toEqual(['partner oulu-home-care: write EPIPE', 'partner oulu-home-care: write EPIPE']);
  });

  it('is not started again once the run is stopped', async () => {
    const stop = new AbortController();
    let starts = 0;
    const agent = async () => {
      starts += 1;
      stop.abort();
      throw new Error('socket hang up');
    };
    await keepRunning('nurse 1', agent, { signal: stop.signal, pauseMs: 60_000, onFailure: () => undefined });
    expect(starts).toBe(1);
  });
});
