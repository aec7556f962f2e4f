import type Database from 'better-sqlite3';

/**
 * `events.position` is the global `$all` order; AUTOINCREMENT keeps a position from ever being
 * handed out twice. Streams get a small integer key, so the per-stream unique index stays compact.
 * `stream_id` is kept on the event too, so replaying `$all` needs no join. A stream's revision is
 * read from that index (MAX) on a cache miss, so an append writes no stream row after the first.
 * The unique index on event_id makes retried appends recognisable; time-ordered (v7) event ids
 * keep its inserts at the right edge.
 */
export function migrate(db: Database.Database): void {
  db.exec(`
    CREATE TABLE IF NOT EXISTS streams (
      stream_key INTEGER PRIMARY KEY,
      stream_id  TEXT    NOT NULL UNIQUE
    );
    CREATE TABLE IF NOT EXISTS events (
      position    INTEGER PRIMARY KEY AUTOINCREMENT,
      stream_key  INTEGER NOT NULL,
      revision    INTEGER NOT NULL,
      stream_id   TEXT    NOT NULL,
      event_id    TEXT    NOT NULL,
      type        TEXT    NOT NULL,
      data        TEXT    NOT NULL,
      metadata    TEXT    NOT NULL,
      recorded_at TEXT    NOT NULL,
      UNIQUE (stream_key, revision)
    );
    CREATE UNIQUE INDEX IF NOT EXISTS events_event_id ON events (event_id);
    CREATE TABLE IF NOT EXISTS checkpoints (
      name     TEXT PRIMARY KEY,
      position TEXT NOT NULL
    ) WITHOUT ROWID;
  `);
}
