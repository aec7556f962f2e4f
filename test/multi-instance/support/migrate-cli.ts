import { RecordedEvent, SqliteEventStore } from '@dtask/event-store';
import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..');
const LOADER = join(ROOT, 'libs', 'event-store', 'src', 'testing', 'ts-child-loader.js');
const RUN_TS_CLI = join(ROOT, 'test', 'support', 'run-ts-cli.js');

/** `npm run migrate -- …` as a child process, from the sources. */
export function startMigrate(args: string[], env: Record<string, string> = {}): ChildProcess {
  return spawn(process.execPath, ['-r', LOADER, RUN_TS_CLI, 'apps/migrate/src/main.ts', ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
}

export interface Finished {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export function finished(child: ChildProcess, onLine?: (line: string) => void): Promise<Finished> {
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    const text = chunk.toString();
    stdout += text;
    if (onLine) for (const line of text.split('\n')) if (line) onLine(line);
  });
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal, stdout, stderr })));
}

export const migrate = (args: string[], env?: Record<string, string>) => finished(startMigrate(args, env));

/** Every event of a store's `$all`, in order, as the port gives it. */
export async function allEvents(dataDir: string): Promise<RecordedEvent[]> {
  const store = new SqliteEventStore({ fileName: join(dataDir, 'events.db') });
  try {
    const all: RecordedEvent[] = [];
    for (let position: string | undefined; ; ) {
      const batch = await store.readAll({ fromPosition: position, maxCount: 5000 });
      all.push(...batch.events);
      position = batch.lastPosition;
      if (batch.isEnd) return all;
    }
  } finally {
    await store.close();
  }
}

/** What a copy keeps of an event: all of it but the time the target committed it. */
export const kept = ({ streamId, revision, eventId, type, data, metadata }: RecordedEvent) => ({ streamId, revision, eventId, type, data, metadata });
