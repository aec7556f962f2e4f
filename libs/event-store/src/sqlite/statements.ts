import type Database from 'better-sqlite3';
import { RawRow } from './rows';

type Statement<P extends unknown[], R = unknown> = Database.Statement<P, R>;

export interface StreamRow {
  stream_key: number;
  last_revision: number;
  last_position: number | null;
}

export interface StoredEventId {
  stream_id: string;
  revision: number;
  position: number;
}

export interface Statements {
  stream: Statement<[string], StreamRow>;
  createStream: Statement<[string]>;
  insertEvent: Statement<[number, number, string, string, string, string, string, string, number | null]>;
  moveStreamHead: Statement<[number, number, number]>;
  findEvent: Statement<[string], StoredEventId>;
  readStream: Statement<[{ streamId: string; fromRevision: number; maxCount: number }], RawRow>;
  readAll: Statement<[number, number], RawRow>;
  headPosition: Statement<[], number | null>;
  dataVersion: Statement<[], number>;
  loadCheckpoint: Statement<[string], string>;
  storeCheckpoint: Statement<[string, string]>;
  ping: Statement<[]>;
}

const COLUMNS = 'stream_id, revision, position, event_id, type, data, metadata, recorded_at';

/** Every statement the adapter runs, prepared once; reads return raw arrays, cheaper than objects. */
export function prepareStatements(db: Database.Database): Statements {
  return {
    stream: db.prepare('SELECT stream_key, last_revision, last_position FROM streams WHERE stream_id = ?') as Statement<[string], StreamRow>,
    createStream: db.prepare<[string]>('INSERT INTO streams (stream_id) VALUES (?)'),
    insertEvent: db.prepare<[number, number, string, string, string, string, string, string, number | null]>(
      'INSERT INTO events (stream_key, revision, stream_id, event_id, type, data, metadata, recorded_at, prev_position) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    ),
    moveStreamHead: db.prepare<[number, number, number]>('UPDATE streams SET last_revision = ?, last_position = ? WHERE stream_key = ?'),
    findEvent: db.prepare('SELECT stream_id, revision, position FROM events WHERE event_id = ?') as Statement<[string], StoredEventId>,
    // Walks the stream's chain back from its head to `fromRevision`, then reads it forwards.
    readStream: db
      .prepare(
        `WITH RECURSIVE chain(position, revision, prev) AS (
           SELECT e.position, e.revision, e.prev_position FROM streams s JOIN events e ON e.position = s.last_position WHERE s.stream_id = @streamId
           UNION ALL
           SELECT e.position, e.revision, e.prev_position FROM chain c JOIN events e ON e.position = c.prev WHERE c.revision > @fromRevision
         )
         SELECT ${COLUMNS} FROM events WHERE position IN (SELECT position FROM chain WHERE revision >= @fromRevision) ORDER BY position LIMIT @maxCount`,
      )
      .raw() as Statement<[{ streamId: string; fromRevision: number; maxCount: number }], RawRow>,
    readAll: db.prepare(`SELECT ${COLUMNS} FROM events WHERE position > ? ORDER BY position LIMIT ?`).raw() as Statement<[number, number], RawRow>,
    headPosition: db.prepare('SELECT MAX(position) FROM events').pluck() as Statement<[], number | null>,
    dataVersion: db.prepare('PRAGMA data_version').pluck() as Statement<[], number>,
    loadCheckpoint: db.prepare('SELECT position FROM checkpoints WHERE name = ?').pluck() as Statement<[string], string>,
    storeCheckpoint: db.prepare<[string, string]>(
      'INSERT INTO checkpoints (name, position) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET position = excluded.position',
    ),
    ping: db.prepare<[]>('SELECT 1').pluck(),
  };
}
