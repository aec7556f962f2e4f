import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** A read model that can save and restore its folded state. */
export interface Snapshottable {
  readonly snapshotName: string;
  /** Bump when the state's shape changes: an old snapshot is then ignored and the model rebuilt. */
  readonly snapshotVersion: number;
  saveState(): unknown;
  loadState(state: unknown): void;
}

interface SnapshotFile {
  position: string;
  models: Record<string, { version: number; state: unknown }>;
}

/**
 * One file holds every read model at one `$all` position, so they all resume from the same place.
 * Written to a temp file and renamed, so a crash leaves the old snapshot or the new one, never half.
 */
export class ReadModelSnapshots {
  private readonly file: string;

  constructor(dataDir: string) {
    this.file = join(dataDir, 'read-models', 'snapshot.json');
  }

  /** The position to resume from, after loading every model; undefined means rebuild from the start. */
  restore(models: Snapshottable[]): string | undefined {
    let snapshot: SnapshotFile;
    try {
      snapshot = JSON.parse(readFileSync(this.file, 'utf8')) as SnapshotFile;
    } catch {
      return undefined;
    }
    const usable = models.every((model) => snapshot.models[model.snapshotName]?.version === model.snapshotVersion);
    if (!usable || typeof snapshot.position !== 'string') return undefined;
    for (const model of models) model.loadState(snapshot.models[model.snapshotName]!.state);
    return snapshot.position;
  }

  save(position: string, models: Snapshottable[]): void {
    const snapshot: SnapshotFile = {
      position,
      models: Object.fromEntries(models.map((model) => [model.snapshotName, { version: model.snapshotVersion, state: model.saveState() }])),
    };
    mkdirSync(join(this.file, '..'), { recursive: true });
    const temp = `${this.file}.tmp`;
    writeFileSync(temp, JSON.stringify(snapshot));
    renameSync(temp, this.file);
  }
}
