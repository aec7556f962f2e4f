import { EventStoreUnavailableError } from '../port';

/** Failures of the file or the lock, not of the request: the caller answers 503 and may retry. */
const UNAVAILABLE = /^SQLITE_(BUSY|LOCKED|IOERR|CANTOPEN|FULL|READONLY|NOTADB|CORRUPT|PROTOCOL)/;

/** The file itself is damaged: the service cannot work on it until it is restored from a backup. */
export class EventStoreDamagedError extends EventStoreUnavailableError {}

export function toPortError(error: unknown, action: string): unknown {
  if (error instanceof EventStoreUnavailableError) return error;
  const code = (error as { code?: unknown } | undefined)?.code;
  if (typeof code === 'string' && /^SQLITE_(CORRUPT|NOTADB)/.test(code)) {
    return new EventStoreDamagedError(`the event store could not ${action}: ${code}; its file is damaged and must be restored from a backup`, { cause: error });
  }
  if (typeof code === 'string' && UNAVAILABLE.test(code)) {
    return new EventStoreUnavailableError(`the event store could not ${action}: ${code}`, { cause: error });
  }
  return error;
}

/** The unique index on event_id refused a row: the id is stored already. */
export function isDuplicateEventId(error: unknown): boolean {
  const { code, message } = error as { code?: unknown; message?: unknown };
  return code === 'SQLITE_CONSTRAINT_UNIQUE' && typeof message === 'string' && message.includes('events.event_id');
}
