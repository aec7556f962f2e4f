import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

/** More instances on one data folder than any county runs; beyond it an instance keeps no snapshot. */
const MAX_SLOTS = 16;

export interface SnapshotSlot {
  /** The snapshot file only this process writes while it holds the slot. */
  file: string;
  release(): void;
}

/**
 * Several dispatch-api processes on one embedded store share its data folder, so each takes a
 * snapshot slot of its own, held by an exclusive SQLite lock on the slot's lock file for as long
 * as the process lives: the operating system lets go of it when the process ends, however it ends.
 * The first slot is `snapshot.json`, as with one instance; others are `snapshot-2.json` and on.
 * Two running instances therefore never read, write or discard each other's snapshot.
 */
export function claimSnapshotSlot(dir: string): SnapshotSlot | undefined {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  for (let slot = 1; slot <= MAX_SLOTS; slot += 1) {
    const name = slot === 1 ? 'snapshot' : `snapshot-${slot}`;
    const lock = lockExclusively(join(dir, `${name}.lock`));
    if (lock) return { file: join(dir, `${name}.json`), release: () => lock.close() };
  }
  return undefined;
}

function lockExclusively(fileName: string): Database.Database | undefined {
  const db = new Database(fileName, { timeout: 0 });
  try {
    // In EXCLUSIVE locking mode the lock a write transaction takes is kept until the connection closes.
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE; COMMIT');
    return db;
  } catch (error) {
    db.close();
    if ((error as { code?: string }).code === 'SQLITE_BUSY') return undefined;
    throw error;
  }
}
