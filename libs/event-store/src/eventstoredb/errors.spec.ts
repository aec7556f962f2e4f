import {
  AccessDeniedError,
  ANY,
  CancelledError,
  DeadlineExceededError,
  NO_STREAM,
  NotLeaderError,
  UnknownError,
  StreamNotFoundError,
  TimeoutError,
  UnavailableError,
  WrongExpectedVersionError,
} from '@kurrent/kurrentdb-client';
import { EventStoreUnavailableError, WrongExpectedRevisionError } from '../port';
import { isRetryableSubscriptionError, isUnavailableError, toPortError, toRevisionConflict } from './errors';
import { fromCurrentRevision, toClientExpectedRevision } from './expected-revision';

describe('EventStoreDB expected revisions', () => {
  it('maps the port onto NO_STREAM, ANY and a bigint revision', () => {
    expect(toClientExpectedRevision('no-stream')).toBe(NO_STREAM);
    expect(toClientExpectedRevision('any')).toBe(ANY);
    expect(toClientExpectedRevision(0)).toBe(0n);
    expect(toClientExpectedRevision(41)).toBe(41n);
  });

  it.each([-1, 1.5, Number.NaN, 2 ** 53])('refuses %p', (revision) => {
    expect(() => toClientExpectedRevision(revision)).toThrow(RangeError);
  });

  it('reads a missing stream as -1', () => {
    expect(fromCurrentRevision(NO_STREAM)).toBe(-1);
    expect(fromCurrentRevision(7n)).toBe(7);
  });
});

type ServiceError = NonNullable<ConstructorParameters<typeof UnknownError>[0]>;

/** A gRPC failure as grpc-js reports it: `code message`, with the server's trailers. */
function serviceError(code: number, message: string, metadata: Record<string, string> = {}): ServiceError {
  return Object.assign(new Error(`${code} ${message}`), { code, details: message, metadata }) as unknown as ServiceError;
}

/** As the client builds it from a follower's NOT_FOUND answer with the leader's address. */
function notLeader(): NotLeaderError {
  return new NotLeaderError(serviceError(5, 'NOT_FOUND: Leader info available', { 'leader-endpoint-host': 'node2.cluster', 'leader-endpoint-port': '2113' }));
}

describe('EventStoreDB error mapping', () => {
  const conflict = (current: bigint | typeof NO_STREAM) =>
    new WrongExpectedVersionError(undefined, { streamName: 'dtask-1', expected: 1n, current });

  it('turns a version conflict into WrongExpectedRevisionError with the actual revision', () => {
    const mapped = toRevisionConflict(conflict(3n), 'dtask-1', 1);
    expect(mapped).toBeInstanceOf(WrongExpectedRevisionError);
    expect(mapped).toMatchObject({ streamId: 'dtask-1', expected: 1, actual: 3 });
  });

  it('names a missing stream as actual -1', () => {
    expect(toRevisionConflict(conflict(NO_STREAM), 'dtask-1', 4)).toMatchObject({ expected: 4, actual: -1 });
  });

  it('leaves other errors to the other mappings', () => {
    expect(toRevisionConflict(new UnavailableError(), 's', 'any')).toBeUndefined();
  });

  it.each([
    ['UnavailableError', new UnavailableError()],
    ['DeadlineExceededError', new DeadlineExceededError()],
    ['TimeoutError', new TimeoutError()],
    ['CancelledError (server side)', new CancelledError()],
    ['a raw gRPC UNAVAILABLE', Object.assign(new Error('14 UNAVAILABLE: No connection established'), { code: 14 })],
    ['a raw gRPC DEADLINE_EXCEEDED', Object.assign(new Error('4 DEADLINE_EXCEEDED'), { code: 4 })],
    ['a refused connection during discovery', Object.assign(new Error('connect ECONNREFUSED 10.0.0.1:2113'), { code: 'ECONNREFUSED' })],
    ['a failed gossip discovery', new Error('Failed to discover after 10 attempts.')],
    ["a follower's not-leader answer", notLeader()],
    ['a node that is not ready (gRPC UNAVAILABLE)', new UnavailableError(serviceError(14, 'UNAVAILABLE: Server Is Not Ready'))],
    ['a node that is too busy, through the Rust reader', new UnknownError(undefined, 'Server Is Too Busy')],
    ['a node that has not started serving yet', new Error('The node is not ready yet.')],
    ['an election without a leader (gRPC UNKNOWN)', new UnknownError(serviceError(2, 'UNKNOWN: No leader info available in response'))],
  ])('wraps %s as EventStoreUnavailableError with the cause', (_name, error) => {
    expect(isUnavailableError(error)).toBe(true);
    const mapped = toPortError(error, 'append');
    expect(mapped).toBeInstanceOf(EventStoreUnavailableError);
    expect((mapped as EventStoreUnavailableError).cause).toBe(error);
  });

  it('passes other errors through unchanged, and never wraps twice', () => {
    for (const error of [new AccessDeniedError(), new StreamNotFoundError(undefined, 's'), new UnknownError(undefined, 'boom'), new Error('boom'), 'text', undefined]) {
      expect(toPortError(error, 'read')).toBe(error);
    }
    const already = new EventStoreUnavailableError('down');
    expect(toPortError(already, 'read')).toBe(already);
  });

  it('retries a subscription on anything but errors another attempt cannot fix', () => {
    expect(isRetryableSubscriptionError(new UnavailableError())).toBe(true);
    expect(isRetryableSubscriptionError(new Error('stream reset'))).toBe(true);
    expect(isRetryableSubscriptionError(new EventStoreUnavailableError('down'))).toBe(true);
    expect(isRetryableSubscriptionError(new AccessDeniedError())).toBe(false);
    expect(isRetryableSubscriptionError(new TypeError('no position'))).toBe(false);
  });
});
