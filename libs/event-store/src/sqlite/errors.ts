import { EventStoreUnavailableError } from '../port';

/** Failures of the file or the lock, not of the request: the caller answers 503 and may retry. */
const UNAVAILABLE = /^SQLITE_(BUSY|LOCKED|IOERR|CANTOPEN|FULL|READONLY|NOTADB|CORRUPT|PROTOCOL)/;

export function toPortError(error: unknown, action: string): unknown {
  const code = (error as { code?: unknown } | undefined)?.code;
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
