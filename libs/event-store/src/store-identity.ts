/**
 * Which store a history is (read-model snapshots name it, so they are never loaded over another
 * store's events): the id of its first event. A copy that keeps the event ids, as the migration
 * tool makes, holds the same first event, so a copy carries a mark of its own in a checkpoint, and
 * its identity adds it. A snapshot of the source is then never taken for the copy's, nor back.
 */
export const COPY_MARK_CHECKPOINT = 'store-copy-mark';

const COPY = '~copy-';

export function storeIdentity(firstEventId: string, copyMark: string | undefined): string {
  return copyMark === undefined ? firstEventId : `${firstEventId}${COPY}${copyMark}`;
}

/** Two identities of one history: the same first event, in the source and a copy, or two copies. */
export function sameHistory(a: string, b: string): boolean {
  return a.split(COPY)[0] === b.split(COPY)[0];
}
