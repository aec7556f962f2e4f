import Database from 'better-sqlite3';
import { chmodSync, existsSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';

export const STORE_FILE = 'events.db';

/** What a backup holds, read back from the backup file itself. */
export interface BackupSummary {
  file: string;
  events: number;
  streams: number;
  /** The last position and its event id: a restore is checked against these. */
  headPosition: string | null;
  headEventId: string | null;
}

/**
 * A consistent copy of a running store, taken with SQLite's online backup API: the service keeps
 * writing while it runs, and the copy is the store as of one commit. The copy is then verified.
 */
export async function backupStore(dataDir: string, outFile: string): Promise<BackupSummary> {
  const source = join(dataDir, STORE_FILE);
  if (!existsSync(source)) throw new Error(`no store at ${source}: give the service's DATA_DIR`);
  if (existsSync(outFile)) throw new Error(`${outFile} exists already: a backup never overwrites a file`);
  const db = new Database(source, { readonly: true, fileMustExist: true });
  try {
    await db.backup(outFile);
  } finally {
    db.close();
  }
  chmodSync(outFile, 0o600);
  return verifyBackup(outFile);
}

/** Opens a backup read-only, checks every page and reads what it holds; throws naming the file when damaged. */
export function verifyBackup(file: string): BackupSummary {
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const check = db.pragma('integrity_check', { simple: true });
    if (check !== 'ok') throw new Error(String(check));
    const events = (db.prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n;
    const streams = (db.prepare('SELECT count(*) AS n FROM streams').get() as { n: number }).n;
    const head = db.prepare('SELECT position, event_id AS eventId FROM events ORDER BY position DESC LIMIT 1').get() as { position: number | bigint; eventId: string } | undefined;
    return { file, events, streams, headPosition: head ? String(head.position) : null, headEventId: head?.eventId ?? null };
  } catch (error) {
    throw new Error(`${file} is not a sound store backup (${(error as Error).message}): take another backup`);
  } finally {
    db?.close();
  }
}

/**
 * Puts a verified backup in place of a stopped service's store. The store it replaces is kept
 * beside it, and the read-model snapshots go: they describe the replaced store, and the service
 * rebuilds its read models from the restored one at its next start, so nothing stale survives.
 */
export async function restoreStore(backupFile: string, dataDir: string, now = new Date()): Promise<{ restored: BackupSummary; keptAs: string | null }> {
  verifyBackup(backupFile);
  const target = join(dataDir, STORE_FILE);
  let keptAs: string | null = null;
  if (existsSync(target)) {
    keptAs = `${target}.before-restore-${now.toISOString().replace(/[:.]/g, '-')}`;
    renameSync(target, keptAs);
    for (const suffix of ['-wal', '-shm']) if (existsSync(target + suffix)) renameSync(target + suffix, keptAs + suffix);
  }
  const db = new Database(backupFile, { readonly: true, fileMustExist: true });
  try {
    await db.backup(target);
  } finally {
    db.close();
  }
  chmodSync(target, 0o600);
  rmSync(join(dataDir, 'read-models'), { recursive: true, force: true });
  return { restored: verifyBackup(target), keptAs };
}
