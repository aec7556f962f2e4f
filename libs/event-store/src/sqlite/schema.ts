import type Database from 'better-sqlite3';

/**
 * `events.position` is the global `$all` order; AUTOINCREMENT keeps a position from ever being
 * handed out twice. `stream_id` is kept on the event too, so replaying `$all` needs no join.
 *
 * A stream is its row in `streams` (a small integer key, its last revision and position) and a
 * chain of its events linked backwards by `prev_position`. The row is the optimistic-concurrency
 * check, read and updated inside each write transaction; there is no per-stream index, because
 * every group commit of many streams would dirty (and write to the WAL) a page of it per stream.
 * Reading a stream walks its chain from the end: task streams are short.
 *
 * The unique index on event_id makes retried appends recognisable; time-ordered (v7) event ids
 * keep its inserts at the right edge.
 */
export function migrate(db: Database.Database): void {
  db.exec(`
    CREATE TABLE IF NOT EXISTS streams (
      stream_key    INTEGER PRIMARY KEY,
      stream_id     TEXT    NOT NULL UNIQUE,
      last_revision INTEGER NOT NULL DEFAULT -1,
      last_position INTEGER
    );
    CREATE TABLE IF NOT EXISTS events (
      position      INTEGER PRIMARY KEY AUTOINCREMENT,
      stream_key    INTEGER NOT NULL,
      revision      INTEGER NOT NULL,
      stream_id     TEXT    NOT NULL,
      event_id      TEXT    NOT NULL,
      type          TEXT    NOT NULL,
      data          TEXT    NOT NULL,
      metadata      TEXT    NOT NULL,
      recorded_at   TEXT    NOT NULL,
      prev_position INTEGER
    );
    CREATE UNIQUE INDEX IF NOT EXISTS events_event_id ON events (event_id);
    CREATE TABLE IF NOT EXISTS checkpoints (
      name     TEXT PRIMARY KEY,
      position TEXT NOT NULL
    ) WITHOUT ROWID;
  `);
  upgradeFromPerStreamIndex(db);
}

/**
 * Files written before the chain kept each stream's revision in a unique (stream_key, revision)
 * index. They gain the chain and the stream rows' head, filled from that index, in one transaction.
 */
function upgradeFromPerStreamIndex(db: Database.Database): void {
  const upgraded = () => (db.prepare('PRAGMA table_info(streams)').all() as { name: string }[]).some((column) => column.name === 'last_revision');
  if (upgraded()) return;
  db.transaction(() => {
    // Checked again under the write lock: another process may have upgraded the file meanwhile.
    if (upgraded()) return;
    db.exec(`
      ALTER TABLE streams ADD COLUMN last_revision INTEGER NOT NULL DEFAULT -1;
      ALTER TABLE streams ADD COLUMN last_position INTEGER;
      ALTER TABLE events ADD COLUMN prev_position INTEGER;
      UPDATE events SET prev_position =
        (SELECT p.position FROM events p WHERE p.stream_key = events.stream_key AND p.revision = events.revision - 1);
      UPDATE streams SET
        last_revision = COALESCE((SELECT MAX(revision) FROM events e WHERE e.stream_key = streams.stream_key), -1),
        last_position = (SELECT position FROM events e WHERE e.stream_key = streams.stream_key ORDER BY revision DESC LIMIT 1);
    `);
  }).immediate();
}
