import type Database from 'better-sqlite3';

type Statement<P extends unknown[], R = unknown> = Database.Statement<P, R>;

export interface Statements {
  stream: Statement<[string], { stream_key: number; last_revision: number | null }>;
  createStream: Statement<[string]>;
  insertEvent: Statement<[number, number, string, string, string, string, string, string]>;
  deleteEvent: Statement<[number]>;
  deleteStream: Statement<[number]>;
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
    stream: db.prepare(
      'SELECT s.stream_key, (SELECT MAX(revision) FROM events e WHERE e.stream_key = s.stream_key) AS last_revision FROM streams s WHERE s.stream_id = ?',
    ) as Statement<
      [string],
      { stream_key: number; last_revision: number | null }
    >,
    createStream: db.prepare<[string]>('INSERT INTO streams (stream_id) VALUES (?)'),
    insertEvent: db.prepare<[number, number, string, string, string, string, string, string]>(
      'INSERT INTO events (stream_key, revision, stream_id, event_id, type, data, metadata, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    ),
    deleteEvent: db.prepare<[number]>('DELETE FROM events WHERE position = ?'),
    deleteStream: db.prepare<[number]>('DELETE FROM streams WHERE stream_key = ?'),
    findEvent: db.prepare('SELECT stream_id, revision, position FROM events WHERE event_id = ?') as Statement<
      [string],
      { stream_id: string; revision: number; position: number }
    >,
    readStream: db
      .prepare(
        'SELECT stream_id, revision, position, event_id, type, data, metadata, recorded_at FROM events WHERE stream_key = (SELECT stream_key FROM streams WHERE stream_id = ?) AND revision >= ? ORDER BY revision LIMIT ?',
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
