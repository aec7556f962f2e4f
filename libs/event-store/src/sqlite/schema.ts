import type Database from 'better-sqlite3';

/**
 * `events.position` is the global `$all` order. `streams.last_revision` gives the current
 * revision without scanning, and the unique index on event_id makes appends idempotent.
 */
export function migrate(db: Database.Database): void {
  db.exec(`
    CREATE TABLE IF NOT EXISTS events (
      position    INTEGER PRIMARY KEY AUTOINCREMENT,
      stream_id   TEXT    NOT NULL,
      revision    INTEGER NOT NULL,
      event_id    TEXT    NOT NULL,
      type        TEXT    NOT NULL,
      data        TEXT    NOT NULL,
      metadata    TEXT    NOT NULL,
      recorded_at TEXT    NOT NULL,
      UNIQUE (stream_id, revision)
    );
    CREATE UNIQUE INDEX IF NOT EXISTS events_event_id ON events (event_id);
    CREATE TABLE IF NOT EXISTS streams (
      stream_id     TEXT PRIMARY KEY,
      last_revision INTEGER NOT NULL
    ) WITHOUT ROWID;
    CREATE TABLE IF NOT EXISTS checkpoints (
      name     TEXT PRIMARY KEY,
      position TEXT NOT NULL
    ) WITHOUT ROWID;
  `);
}
