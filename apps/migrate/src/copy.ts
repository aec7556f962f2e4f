import { COPY_MARK_CHECKPOINT, DuplicateEventIdError, EventStore, EventToAppend, RecordedEvent, storeIdentity, WrongExpectedRevisionError } from '@dtask/event-store';
import { randomInt } from 'node:crypto';

export interface CopyOptions {
  /** Events read from the source, appended, and checkpointed together. */
  batchSize: number;
  /** A target that already holds other streams (a shared test server) is taken as it is. */
  intoNonEmpty?: boolean;
  onProgress?(progress: { position: string; events: number }): void;
  /** A rerun: the source's events up to `through` are in the target already (called before any other). */
  beforeResume?(through: string): Promise<void>;
  /** Every batch copied, in order. */
  onEvents?(events: readonly RecordedEvent[]): void;
}

export interface CopyResult {
  /** The source's identity, which names the checkpoint of this copy in the target. */
  sourceIdentity: string;
  /** The source's last event copied (the verification covers the source up to here). */
  copiedThrough: string | undefined;
  /** Events this run went through: appended, or found in the target already. */
  events: number;
  /** The target holds this copy and nothing else (not a store taken `--into-non-empty`). */
  targetIsTheCopy: boolean;
}

export class MigrationRefused extends Error {
  override readonly name = 'MigrationRefused';
}

/** The target's checkpoint that says how far the source is copied: a rerun goes on from there. */
export const progressCheckpoint = (sourceIdentity: string) => `migration-from-${sourceIdentity}`;

/**
 * Copies the source's `$all`, in its order, into the target: each event with its own id, type,
 * data and metadata, at its own revision of its own stream (each append expects the revision
 * before it). A batch is appended, then its last position checkpointed in the target; after a
 * kill, a rerun starts from the checkpoint and the events the target already holds are
 * recognised by their ids (the port's idempotent append), so nothing is lost and nothing doubles.
 */
export async function copyStore(source: EventStore, target: EventStore, options: CopyOptions): Promise<CopyResult> {
  const sourceFirst = (await source.readAll({ maxCount: 1 })).events[0];
  if (!sourceFirst) return { sourceIdentity: '', copiedThrough: undefined, events: 0, targetIsTheCopy: true };
  const sourceIdentity = storeIdentity(sourceFirst.eventId, await source.checkpoints.load(COPY_MARK_CHECKPOINT));
  const progress = progressCheckpoint(sourceIdentity);
  const targetFirst = (await target.readAll({ maxCount: 1 })).events[0];
  const targetIsTheCopy = targetFirst === undefined || targetFirst.eventId === sourceFirst.eventId;
  let position = await target.checkpoints.load(progress);
  if (position === undefined) await claimTarget(target, targetFirst, sourceFirst, options.intoNonEmpty === true);
  else await options.beforeResume?.(position);
  // The target's appends keep the source's order when they are queued together (one group commit).
  const inOrder = target.kind === 'sqlite';
  let events = 0;
  for (;;) {
    const batch = await source.readAll({ fromPosition: position, maxCount: options.batchSize });
    if (batch.events.length > 0) {
      options.onEvents?.(batch.events);
      await appendBatch(target, batch.events, inOrder);
      await target.checkpoints.store(progress, batch.lastPosition!);
      events += batch.events.length;
      options.onProgress?.({ position: batch.lastPosition!, events });
    }
    position = batch.lastPosition;
    if (batch.isEnd) return { sourceIdentity, copiedThrough: position, events, targetIsTheCopy };
  }
}

/**
 * A first run. An empty target is marked as a copy before its first event, so the service never
 * takes one store's read-model snapshot for the other's; a target holding the source's first
 * event already is a run whose checkpoint was lost (the appends recognise what is there);
 * anything else is another store's history, which a copy must not be mixed into.
 */
async function claimTarget(target: EventStore, targetFirst: RecordedEvent | undefined, sourceFirst: RecordedEvent, intoNonEmpty: boolean): Promise<void> {
  if (targetFirst === undefined) {
    if ((await target.checkpoints.load(COPY_MARK_CHECKPOINT)) === undefined) await target.checkpoints.store(COPY_MARK_CHECKPOINT, String(randomInt(1, 2 ** 47)));
    return;
  }
  if (targetFirst.eventId === sourceFirst.eventId || intoNonEmpty) return;
  throw new MigrationRefused(
    `the target already holds another history (its first event is ${targetFirst.eventId}, the source's ${sourceFirst.eventId}): migrate into an empty store`,
  );
}

/** Consecutive events of one stream go as one append, at their own revisions. */
async function appendBatch(target: EventStore, events: RecordedEvent[], inOrder: boolean): Promise<void> {
  const runs: RecordedEvent[][] = [];
  for (const event of events) {
    const run = runs[runs.length - 1];
    if (run && run[0]!.streamId === event.streamId) run.push(event);
    else runs.push([event]);
  }
  if (!inOrder) {
    for (const run of runs) if (!(await appended(target, run))) await reconcile(target, run);
    return;
  }
  // Queued in one turn: one transaction, in the source's order. A run met by a conflict (a rerun
  // after a kill) is looked at afterwards, one at a time, in order.
  const outcomes = await Promise.all(runs.map((run) => appended(target, run)));
  for (let i = 0; i < runs.length; i += 1) if (!outcomes[i]) await reconcile(target, runs[i]!);
}

const toAppend = ({ eventId, type, data, metadata }: RecordedEvent): EventToAppend => ({ eventId, type, data, metadata });

/** False when the target's stream is not where the run expects it (written before, or cut elsewhere). */
async function appended(target: EventStore, run: RecordedEvent[]): Promise<boolean> {
  const { revision } = run[0]!;
  try {
    // Ids stored before, in this stream at these revisions, are acknowledged without writing.
    await target.append(run[0]!.streamId, run.map(toAppend), { expectedRevision: revision === 0 ? 'no-stream' : revision - 1 });
    return true;
  } catch (error) {
    if (error instanceof WrongExpectedRevisionError || error instanceof DuplicateEventIdError) return false;
    throw error;
  }
}

/** What the target's stream holds from the run's first revision must be these same events; only those after them are appended. */
async function reconcile(target: EventStore, run: RecordedEvent[]): Promise<void> {
  const { streamId, revision } = run[0]!;
  const stored = await target.readStream(streamId, { fromRevision: revision, maxCount: run.length });
  stored.forEach((event, i) => {
    if (event.eventId !== run[i]!.eventId) {
      throw new MigrationRefused(`the target's ${streamId} holds event ${event.eventId} at revision ${event.revision}, where the source has ${run[i]!.eventId}`);
    }
  });
  const rest = run.slice(stored.length);
  if (rest.length === 0) return;
  if (stored.length === 0 && revision > 0 && (await target.readStream(streamId, { fromRevision: revision - 1, maxCount: 1 })).length === 0) {
    throw new MigrationRefused(`the target's ${streamId} lacks the events before revision ${revision}: it was not copied from this source`);
  }
  await target.append(streamId, rest.map(toAppend), { expectedRevision: rest[0]!.revision - 1 });
}
