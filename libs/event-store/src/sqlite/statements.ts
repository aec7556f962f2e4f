import type Database from 'better-sqlite3';
import { RawRow } from './rows';

type Statement<P extends unknown[], R = unknown> = Database.Statement<P, R>;

export interface StreamRow {
  stream_key: number;
  last_revision: number | null;
}

export interface StoredEventId {
  stream_id: string;
  revision: number;
  position: number;
}

export interface Statements {
  stream: Statement<[string], StreamRow>;
  createStream: Statement<[string]>;
  insertEvent: Statement<[number, number, string, string, string, string, string, string]>;
  findEvent: Statement<[string], StoredEventId>;
  readStream: Statement<[string, number, number], RawRow>;
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
    stream: db.prepare(
      'SELECT s.stream_key, (SELECT MAX(revision) FROM events e WHERE e.stream_key = s.stream_key) AS last_revision FROM streams s WHERE s.stream_id = ?',
    ) as Statement<[string], StreamRow>,
    createStream: db.prepare<[string]>('INSERT INTO streams (stream_id) VALUES (?)'),
    insertEvent: db.prepare<[number, number, string, string, string, string, string, string]>(
      'INSERT INTO events (stream_key, revision, stream_id, event_id, type, data, metadata, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    ),
    findEvent: db.prepare('SELECT stream_id, revision, position FROM events WHERE event_id = ?') as Statement<[string], StoredEventId>,
    readStream: db
      .prepare(`SELECT ${COLUMNS} FROM events WHERE stream_key = (SELECT stream_key FROM streams WHERE stream_id = ?) AND revision >= ? ORDER BY revision LIMIT ?`)
      .raw() as Statement<[string, number, number], RawRow>,
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
