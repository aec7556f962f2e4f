import { AllStreamResolvedEvent, KurrentDBClient, excludeSystemEvents } from '@kurrent/kurrentdb-client';
import { RecordedEvent } from '../port';
import { toPortError } from './errors';
import { toReadPosition } from './positions';
import { isHiddenFromAll } from './recorded-event';
import { SubscriptionSource } from './resubscribing-subscription';

const ignore = () => undefined;

/**
 * One catch-up-then-live subscription to `$all`, filtered to non-system events by the server.
 * It is consumed with `for await`, so the server only sends as fast as events are handled
 * (`on('data', async …)` would lose that backpressure). Caught-up, fell-behind and checkpoint
 * messages arrive as stream events, not as data, so nothing here has to skip them.
 */
export function allStreamSource(client: KurrentDBClient, toEvent: (resolved: AllStreamResolvedEvent) => RecordedEvent): SubscriptionSource {
  return async function* subscribeAfter(after: string | undefined, signal: AbortSignal): AsyncGenerator<RecordedEvent> {
    if (signal.aborted) return;
    const subscription = client.subscribeToAll({ fromPosition: toReadPosition(after), filter: excludeSystemEvents() });
    // A late error on a subscription nobody iterates any more must not become an uncaught 'error' event.
    subscription.on('error', ignore);
    const unsubscribe = () => void subscription.unsubscribe().catch(ignore);
    signal.addEventListener('abort', unsubscribe, { once: true });
    try {
      for await (const resolved of subscription) {
        if (isHiddenFromAll(resolved)) continue;
        yield toEvent(resolved);
      }
    } catch (error) {
      throw toPortError(error, 'subscribeToAll');
    } finally {
      signal.removeEventListener('abort', unsubscribe);
      await subscription.unsubscribe().catch(ignore);
    }
  };
}
