import { sleep } from './sim-context';

/**
 * Runs an agent of the simulation until it returns or the run is stopped; an agent that fails (the
 * service restarted, a socket dropped: EPIPE, ECONNRESET) starts again after `pauseMs`, as a
 * nurse would sign in again, instead of leaving the centre without that nurse or service for good.
 */
export async function keepRunning(name: string, agent: () => Promise<void>, options: { signal: AbortSignal; pauseMs: number; onFailure: (name: string, error: Error) => void }): Promise<void> {
  while (!options.signal.aborted) {
    try {
      await agent();
      return;
    } catch (error) {
      options.onFailure(name, error as Error);
      await sleep(options.pauseMs, options.signal);
    }
  }
}
