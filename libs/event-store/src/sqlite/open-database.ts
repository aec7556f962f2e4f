import Database from 'better-sqlite3';
import { closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import { EventStoreUnavailableError } from '../port';
import { EventStoreDamagedError } from './errors';
import { migrate } from './schema';

export type Synchronous = 'FULL' | 'NORMAL';

/** Another process (the year generator, a second instance) may hold the write lock this long. */
const BUSY_TIMEOUT_MS = 5000;
const PAGE_SIZE = 8192;

/**
 * Opens (creating when missing) the store's file in WAL mode, so readers never block the writer.
 * FULL syncs the WAL on every commit and survives power loss; NORMAL survives a process crash only.
 */
export function openDatabase(fileName: string, synchronous: Synchronous): Database.Database {
  if (synchronous !== 'FULL' && synchronous !== 'NORMAL') throw new RangeError(`synchronous must be FULL or NORMAL, not ${String(synchronous)}`);
  let db: Database.Database | undefined;
  try {
    if (fileName !== ':memory:') createPrivately(fileName);
    db = new Database(fileName);
    // First, so that switching to WAL waits for another process instead of failing.
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    // Takes effect only on a new file. Larger pages mean fewer index pages dirtied, and written to
    // the WAL, per group commit: measured about +20 % appends/s over 4 KiB (bench/event-store).
    db.pragma(`page_size = ${PAGE_SIZE}`);
    db.pragma('journal_mode = WAL');
    db.pragma(`synchronous = ${synchronous}`);
    db.pragma('cache_size = -65536');
    if (fileName !== ':memory:') checkIntegrity(db, fileName);
    migrate(db);
    return db;
  } catch (error) {
    db?.close();
    if (error instanceof EventStoreDamagedError) throw error;
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && /^SQLITE_(CORRUPT|NOTADB)/.test(code)) throw damaged(fileName, code, error);
    throw new EventStoreUnavailableError(`cannot open the event store at ${fileName}: ${(error as Error).message}`, { cause: error });
  }
}

/**
 * The folder and the file hold patients' data: created owner-only (0700, 0600). SQLite gives its
 * -wal and -shm files the main file's permissions.
 */
function createPrivately(fileName: string): void {
  mkdirSync(dirname(fileName), { recursive: true, mode: 0o700 });
  if (!existsSync(fileName)) closeSync(openSync(fileName, 'a', 0o600));
}

/**
 * A damaged file would otherwise be found only when a read reaches the broken page, maybe in the
 * middle of a shift. `quick_check` reads every page once (seconds for a year of events) at start.
 */
function checkIntegrity(db: Database.Database, fileName: string): void {
  const rows = db.pragma('quick_check(5)') as { quick_check: string }[];
  const problems = rows.map((row) => row.quick_check).filter((line) => line !== 'ok');
  if (problems.length > 0) throw damaged(fileName, problems.join('; '));
}

function damaged(fileName: string, finding: string, cause?: unknown): EventStoreDamagedError {
  return new EventStoreDamagedError(
    `the event store file ${fileName} is damaged (${finding}). Do not write to it: stop every process using it, ` +
      `restore ${fileName} from the latest backup (removing any ${fileName}-wal and ${fileName}-shm beside it), then start again`,
    { cause },
  );
}
