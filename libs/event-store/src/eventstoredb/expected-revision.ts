import { ANY, AppendStreamState, CurrentStreamState, NO_STREAM } from '@kurrent/kurrentdb-client';
import { ExpectedRevision } from '../port';

export function toClientExpectedRevision(expected: ExpectedRevision): AppendStreamState {
  if (expected === 'no-stream') return NO_STREAM;
  if (expected === 'any') return ANY;
  if (!Number.isSafeInteger(expected) || expected < 0) {
    throw new RangeError(`expected revision must be 'no-stream', 'any' or a revision >= 0, not ${String(expected)}`);
  }
  return BigInt(expected);
}

/** The client names a missing stream `no_stream`; the port says -1. */
export function fromCurrentRevision(current: CurrentStreamState): number {
  return current === NO_STREAM ? -1 : Number(current);
}
