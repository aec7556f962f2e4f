import { BACKWARDS, END, KurrentDBClient, Position } from '@kurrent/kurrentdb-client';
import { consumeRead } from './deadlines';
import { toPortError } from './errors';
import { fromClientPosition } from './positions';
import { isHiddenFromAll } from './recorded-event';

/** Page size when walking back from the end of `$all` to the newest domain event. */
const HEAD_PAGE = 500;

/**
 * The position of the newest domain event in `$all`, walking back from the end a page at a time:
 * the newest events are often the server's own (stats every 30 s by default) or checkpoints,
 * which the port does not count. `ensureStillOpen` is asked after every page.
 */
export async function findHeadPosition(client: KurrentDBClient, deadlineMs: number, ensureStillOpen: () => void): Promise<string | undefined> {
  let from: Position | typeof END = END;
  for (;;) {
    let found: string | undefined;
    let scanned = 0;
    let oldestSeen: Position | undefined;
    try {
      const read = client.readAll({ direction: BACKWARDS, fromPosition: from, maxCount: HEAD_PAGE });
      await consumeRead(
        read,
        (resolved) => {
          scanned += 1;
          oldestSeen = resolved.event?.position;
          if (isHiddenFromAll(resolved)) return;
          found = fromClientPosition(resolved.event!.position);
          return false;
        },
        deadlineMs,
        'headPosition',
      );
    } catch (error) {
      throw toPortError(error, 'headPosition');
    }
    ensureStillOpen();
    if (found !== undefined) return found;
    if (scanned < HEAD_PAGE || oldestSeen === undefined) return undefined;
    // Reading backwards excludes the start position, so the next page starts right before this one ended.
    from = oldestSeen;
  }
}
