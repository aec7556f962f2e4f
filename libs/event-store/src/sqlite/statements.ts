import type Database from 'better-sqlite3';

type Statement<P extends unknown[], R = unknown> = Database.Statement<P, R>;

export interface Statements {
  lastRevision: Statement<[string], number>;
  setLastRevision: Statement<[string, number]>;
  insertEvent: Statement<[string, number, string, string, string, string, string]>;
  findEvent: Statement<[string], { stream_id: string; revision: number; position: number }>;
  readStream: Statement<[string, number, number], RawRow>;
  readAll: Statement<[number, number], RawRow>;
  headPosition: Statement<[], number | null>;
  loadCheckpoint: Statement<[string], string>;
  storeCheckpoint: Statement<[string, string]>;
  ping: Statement<[]>;
}

/** Every statement the adapter runs, prepared once. */
export function prepareStatements(db: Database.Database): Statements {
  return {
    lastRevision: db.prepare('SELECT last_revision FROM streams WHERE stream_id = ?').pluck() as Statement<[string], number>,
    setLastRevision: db.prepare<[string, number]>(
      'INSERT INTO streams (stream_id, last_revision) VALUES (?, ?) ON CONFLICT (stream_id) DO UPDATE SET last_revision = excluded.last_revision',
    ),
    insertEvent: db.prepare<[string, number, string, string, string, string, string]>(
      'INSERT INTO events (stream_id, revision, event_id, type, data, metadata, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ),
    findEvent: db.prepare('SELECT stream_id, revision, position FROM events WHERE event_id = ?') as Statement<
      [string],
      { stream_id: string; revision: number; position: number }
    >,
    readStream: db
      .prepare(
        'SELECT stream_id, revision, position, event_id, type, data, metadata, recorded_at FROM events WHERE stream_id = ? AND revision >= ? ORDER BY revision LIMIT ?',
      )
      .raw() as Statement<[string, number, number], RawRow>,
    readAll: db
      .prepare(
        'SELECT stream_id, revision, position, event_id, type, data, metadata, recorded_at FROM events WHERE position > ? ORDER BY position LIMIT ?',
      )
      .raw() as Statement<[number, number], RawRow>,
    headPosition: db.prepare('SELECT MAX(position) FROM events').pluck() as Statement<[], number | null>,
    loadCheckpoint: db.prepare('SELECT position FROM checkpoints WHERE name = ?').pluck() as Statement<[string], string>,
    storeCheckpoint: db.prepare<[string, string]>(
      'INSERT INTO checkpoints (name, position) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET position = excluded.position',
    ),
    ping: db.prepare<[]>('SELECT 1').pluck(),
  };
}


/** stream_id, revision, position, event_id, type, data, metadata, recorded_at */
export type RawRow = [string, number, number, string, string, string, string, string];
