import { Position, START } from '@kurrent/kurrentdb-client';

const DECIMAL = /^(0|[1-9][0-9]*)$/;
const MAX_POSITION = 2n ** 64n - 1n;

/**
 * Our position string is the commit position. EventStoreDB 20+ gives every event appended outside an
 * explicit transaction its own log record, so commit == prepare for each of them, and this port never
 * opens explicit transactions. Both halves are therefore rebuilt from the one number.
 */
export function toClientPosition(position: string): Position {
  const value = parsePosition(position);
  return { commit: value, prepare: value };
}

/** Where a read or subscription starts: the beginning of `$all`, or a position. */
export function toReadPosition(position: string | undefined): Position | typeof START {
  return position === undefined ? START : toClientPosition(position);
}

export function fromClientPosition(position: Position): string {
  return position.commit.toString(10);
}

/** Positions are unsigned 64-bit; a bigint keeps every digit that a JS number would round away. */
export function parsePosition(position: string): bigint {
  if (typeof position !== 'string' || !DECIMAL.test(position)) {
    throw new RangeError(`an event store position is a decimal string, not ${JSON.stringify(position)}`);
  }
  const value = BigInt(position);
  if (value > MAX_POSITION) throw new RangeError(`position ${position} is beyond 64 bits`);
  return value;
}
