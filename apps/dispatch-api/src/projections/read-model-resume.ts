import { Logger } from '@nestjs/common';
import { comparePositions, EventStore, sameHistory } from '@dtask/event-store';
import { ReadModelSnapshots, SnapshotBinding, SnapshotCandidate, Snapshottable } from './read-model-snapshots';

export class SnapshotOfAnotherCopyError extends Error {
  override readonly name = 'SnapshotOfAnotherCopyError';
}

/** Where the read models stand: the store they were folded from, and the last event they hold. */
export type ReadModelPlace = Omit<SnapshotBinding, 'keyFingerprint'>;

/**
 * Resuming the read models from their snapshot, or rebuilding them when it does not check out,
 * and saving the snapshot again. The snapshot is only a cache: every refusal names the file, why
 * it was refused and that nothing needs doing.
 */
export class ReadModelResume {
  private readonly logger = new Logger('ReadModelSnapshots');

  constructor(
    private readonly store: EventStore,
    private readonly snapshots: ReadModelSnapshots,
  ) {}

  /**
   * Resumes from the snapshot only when it checks out against this store, these read models and
   * this key, and every model takes its state; otherwise every model is emptied, to be rebuilt.
   */
  async restore(models: Snapshottable[], head: string | undefined, storeId: string | undefined): Promise<{ position: string; eventId: string } | undefined> {
    if (models.length === 0) return undefined;
    const read = this.snapshots.read(models);
    if (read.kind === 'none') return undefined;
    if (read.kind === 'usable' && storeId !== undefined) this.refuseAnotherCopy(read.snapshot.binding.storeId, storeId);
    const refusal = read.kind === 'refused' ? read.reason : await this.mismatch(read.snapshot, head, storeId).catch((error: Error) => `it could not be checked (${error.message})`);
    if (refusal === undefined && read.kind === 'usable') {
      try {
        for (const model of models) model.loadState(read.snapshot.states.get(model.snapshotName));
        this.logger.log(`read models resumed from snapshot at position ${read.snapshot.binding.position}`);
        return { position: read.snapshot.binding.position, eventId: read.snapshot.binding.eventId };
      } catch (error) {
        return this.rebuildInstead(models, `a read model could not take its state (${(error as Error).message})`);
      }
    }
    return this.rebuildInstead(models, refusal!);
  }

  /** Writes the snapshot, unless a model is halted: the last good snapshot is kept then. */
  save(place: Partial<ReadModelPlace>, models: Snapshottable[], halted: string[]): void {
    if (place.position === undefined || place.eventId === undefined || place.storeId === undefined || models.length === 0) return;
    if (halted.length > 0) {
      this.logger.warn(`no read-model snapshot written: ${halted.join(', ')} halted; the last good snapshot is kept`);
      return;
    }
    try {
      this.snapshots.save({ storeId: place.storeId, position: place.position, eventId: place.eventId }, models);
    } catch (error) {
      this.logger.warn(`could not save the read-model snapshot ${this.snapshots.file}: ${(error as Error).message}`);
    }
  }

  /** Lets another instance take this one's snapshot slot (at shutdown). */
  release(): void {
    this.snapshots.release();
  }

  /**
   * A snapshot of the same history from another store (the one this store was migrated from, or
   * the other way round) means the service was pointed at the wrong store or the wrong data
   * folder: it does not start, so that the two are never taken for each other.
   */
  private refuseAnotherCopy(snapshotStore: string, storeId: string): void {
    if (snapshotStore === storeId || !sameHistory(snapshotStore, storeId)) return;
    const file = this.snapshots.file;
    this.snapshots.release();
    throw new SnapshotOfAnotherCopyError(
      `the read-model snapshot ${file} was made from another copy of this event store's history (store ${snapshotStore}; this one is ${storeId}): ` +
        'the store it was migrated from, or a copy migrated from it. The service does not start on it. If this is the store to run on, ' +
        `remove ${this.snapshots.dir} (only a cache: the read models are rebuilt) and start again; otherwise point the service at the store the snapshot belongs to.`,
    );
  }

  /** Why the snapshot does not belong to this store's history, or undefined when it does. */
  private async mismatch({ binding }: SnapshotCandidate, head: string | undefined, storeId: string | undefined): Promise<string | undefined> {
    if (head === undefined || storeId === undefined) return 'the event store is empty';
    if (binding.storeId !== storeId) return 'it was made from another event store';
    if (!/^[1-9]\d{0,19}$/.test(binding.position)) return 'its position is not a position';
    if (comparePositions(binding.position, head) > 0) return `its position ${binding.position} is ahead of the store's last event ${head} (an older events.db?)`;
    const atPosition = (await this.store.readAll({ fromPosition: String(BigInt(binding.position) - 1n), maxCount: 1 })).events[0];
    if (atPosition?.position !== binding.position || atPosition.eventId !== binding.eventId) {
      return `the store holds another event at its position ${binding.position}`;
    }
    return undefined;
  }

  private rebuildInstead(models: Snapshottable[], reason: string): undefined {
    for (const model of models) model.resetState();
    let removed = '';
    try {
      this.snapshots.discard();
      removed = '; the file was removed';
    } catch (error) {
      removed = `; the file could not be removed (${(error as Error).message})`;
    }
    this.logger.warn(
      `read-model snapshot ${this.snapshots.file} ignored: ${reason}. Rebuilding every read model from the start of the event store` +
        `${removed}. Nothing to do: the snapshot is only a cache and is written again.`,
    );
    return undefined;
  }
}
