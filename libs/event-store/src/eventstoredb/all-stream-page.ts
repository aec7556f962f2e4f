import { AllStreamResolvedEvent, KurrentDBClient, FORWARDS } from '@kurrent/kurrentdb-client';
import { ReadAllBatch, RecordedEvent } from '../port';
import { consumeRead } from './deadlines';
import { toPortError } from './errors';
import { fromClientPosition, toReadPosition } from './positions';
import { isHiddenFromAll } from './recorded-event';

/** Extra events a `$all` page may scan past, since server, stats and checkpoint events are skipped client-side. */
const HIDDEN_EVENT_ALLOWANCE = 1000;

/**
 * One page of `$all` after `from` (exclusive), of at most `maxCount` domain events. The server
 * reads from a position inclusively and the port exclusively, and it counts the events the port
 * hides, so the page asks for more and skips those.
 */
export async function readAllPage(
  client: KurrentDBClient,
  from: string | undefined,
  maxCount: number,
  deadlineMs: number,
  toEvent: (resolved: AllStreamResolvedEvent) => RecordedEvent,
): Promise<ReadAllBatch> {
  const requested = maxCount + 1 + HIDDEN_EVENT_ALLOWANCE;
  const events: RecordedEvent[] = [];
  let scanned = 0;
  let lastSeen = from;
  try {
    const read = client.readAll({ direction: FORWARDS, fromPosition: toReadPosition(from), maxCount: requested });
    await consumeRead(
      read,
      (resolved) => {
        scanned += 1;
        if (!resolved.event) return;
        const position = fromClientPosition(resolved.event.position);
        if (position === from) return;
        // Hidden events advance the batch too, or a run of them longer than a page would never be passed.
        lastSeen = position;
        if (isHiddenFromAll(resolved)) return;
        events.push(toEvent(resolved));
        return events.length < maxCount;
      },
      deadlineMs,
      'readAll',
    );
  } catch (error) {
    throw toPortError(error, 'readAll');
  }
  return { events, lastPosition: lastSeen, isEnd: events.length < maxCount && scanned < requested };
}
