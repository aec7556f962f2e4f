import {
  AccessDeniedError,
  CancelledError,
  DeadlineExceededError,
  InvalidArgumentError,
  NotLeaderError,
  TimeoutError,
  UnavailableError,
  UnsupportedError,
  WrongExpectedVersionError,
} from '@kurrent/kurrentdb-client';
import { EventStoreUnavailableError, ExpectedRevision, WrongExpectedRevisionError } from '../port';
import { fromCurrentRevision } from './expected-revision';

/** gRPC status codes of a server that is down, overloaded or too slow: DEADLINE_EXCEEDED, RESOURCE_EXHAUSTED, ABORTED, UNAVAILABLE. */
const TRANSIENT_GRPC_CODES = new Set([4, 8, 10, 14]);
/** Socket errors seen while discovering a cluster over HTTP, before any gRPC call exists. */
const TRANSIENT_SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EPIPE']);
/** The client's own words when gossip finds no node; it throws a plain Error. */
const DISCOVERY_FAILED = /^Failed to discover after \d+ attempts/;
/**
 * A node that cannot take the call now, in KurrentDB's words (RpcExceptions.cs, NotReadyInterceptor.cs,
 * Streams.BatchAppend.cs): not ready, busy, or no leader known during an election. The last comes as
 * gRPC UNKNOWN; a batch append's answer and the Rust reader's errors carry only the server's message.
 */
const NODE_NOT_SERVING = /Server Is Not Ready|node is not ready|Server Is (Too )?Busy|No leader info available/i;

/** True when the store could not be reached, did not answer in time, or its node cannot serve now: the caller may retry. */
export function isUnavailableError(error: unknown): boolean {
  if (
    error instanceof EventStoreUnavailableError ||
    error instanceof UnavailableError ||
    error instanceof DeadlineExceededError ||
    error instanceof TimeoutError ||
    // A follower's answer to a call that requires the leader; the client reconnects to the leader for the next call.
    error instanceof NotLeaderError ||
    // The server cancels long-running calls when it shuts down or changes role.
    error instanceof CancelledError
  ) {
    return true;
  }
  if (typeof error !== 'object' || error === null) return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (typeof code === 'number' && TRANSIENT_GRPC_CODES.has(code)) return true;
  if (typeof code === 'string' && TRANSIENT_SOCKET_CODES.has(code)) return true;
  return typeof message === 'string' && (DISCOVERY_FAILED.test(message) || NODE_NOT_SERVING.test(message));
}

/** Availability problems become the port's one error, with the client's error as `cause`; others pass through. */
export function toPortError(error: unknown, operation: string): unknown {
  if (error instanceof EventStoreUnavailableError || !isUnavailableError(error)) return error;
  return new EventStoreUnavailableError(`KurrentDB is unavailable (${operation})`, { cause: error });
}

/** The client's version conflict as the port's, naming the stream's actual last revision (-1: no stream). */
export function toRevisionConflict(error: unknown, streamId: string, expected: ExpectedRevision): WrongExpectedRevisionError | undefined {
  if (!(error instanceof WrongExpectedVersionError)) return undefined;
  return new WrongExpectedRevisionError(streamId, expected, fromCurrentRevision(error.actualState));
}

/**
 * A subscription retries everything except errors that another attempt cannot fix: missing rights,
 * a request the server rejects, or a bug of ours (a RangeError or TypeError).
 */
export function isRetryableSubscriptionError(error: unknown): boolean {
  return !(
    error instanceof AccessDeniedError ||
    error instanceof InvalidArgumentError ||
    error instanceof UnsupportedError ||
    error instanceof RangeError ||
    error instanceof TypeError
  );
}
