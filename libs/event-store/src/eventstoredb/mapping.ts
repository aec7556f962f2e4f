import { ANY, AppendExpectedRevision, NO_STREAM, Position, ResolvedEvent, START } from '@eventstore/db-client';
import { EventStoreUnavailableError, ExpectedRevision, RecordedEvent, WrongExpectedRevisionError } from '../port';

/**
 * Our position string is the commit position. EventStoreDB 20+ writes commit == prepare for every
 * event appended outside an explicit transaction, which is the only way this port appends.
 */
export function toPosition(position: string | undefined): Position | typeof START {
  if (position === undefined) return START;
  const value = BigInt(position);
  return { commit: value, prepare: value };
}

export function fromPosition(position: Position): string {
  return position.commit.toString();
}

export function toExpectedRevision(expected: ExpectedRevision): AppendExpectedRevision {
  if (expected === 'no-stream') return NO_STREAM;
  if (expected === 'any') return ANY;
  return BigInt(expected);
}

/** The client's driver emits system events too; the port's `$all` holds only ours. */
export function isSystemEvent(resolved: ResolvedEvent): boolean {
  const event = resolved.event;
  return !event || event.type.startsWith('$') || event.streamId.startsWith('$');
}

export function toRecordedEvent(resolved: ResolvedEvent): RecordedEvent | undefined {
  const event = resolved.event;
  if (!event || !event.isJson || !event.position) return undefined;
  return {
    streamId: event.streamId,
    revision: Number(event.revision),
    position: fromPosition(event.position),
    eventId: event.id,
    type: event.type,
    data: event.data,
    metadata: event.metadata,
    recordedAt: event.created instanceof Date ? event.created.toISOString() : new Date(Number(event.created)).toISOString(),
  };
}

interface ClientError {
  type?: string;
  actualVersion?: bigint | string;
  code?: number;
}

/** gRPC codes for a server that is down, overloaded, or too slow to answer. */
const UNAVAILABLE_GRPC_CODES = new Set([4, 8, 14]);

/** Maps the client's errors onto the port's: one version error, one unavailability error. */
export function mapClientError(error: unknown, streamId: string, expected: ExpectedRevision): unknown {
  const clientError = error as ClientError;
  if (clientError?.type === 'wrong-expected-version') {
    const actual = clientError.actualVersion;
    return new WrongExpectedRevisionError(streamId, expected, typeof actual === 'bigint' ? Number(actual) : -1);
  }
  return mapAvailabilityError(error);
}

export function mapAvailabilityError(error: unknown): unknown {
  const clientError = error as ClientError;
  const unavailable =
    clientError?.type === 'unavailable' ||
    clientError?.type === 'deadline-exceeded' ||
    clientError?.type === 'timeout' ||
    clientError?.type === 'not-leader' ||
    (typeof clientError?.code === 'number' && UNAVAILABLE_GRPC_CODES.has(clientError.code));
  return unavailable ? new EventStoreUnavailableError('EventStoreDB is unavailable', { cause: error }) : error;
}

/** The 6.x client speaks esdb://; KurrentDB accepts the same protocol under its new scheme name. */
export function toClientConnectionString(connectionString: string): string {
  const match = /^(esdb|kurrentdb)(\+discover)?:\/\/(.+)$/.exec(connectionString);
  if (!match) throw new Error('EVENTSTORE_URL must start with esdb:// or kurrentdb://');
  return `esdb${match[2] ?? ''}://${match[3]}`;
}
