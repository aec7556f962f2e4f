import { EventData } from '@dtask/events';

export type ReceivedAtCorrection = NonNullable<EventData<'DTaskReceived'>['receivedAtCorrected']>;

/**
 * How old the ERC's `receivedAt` may be, against the moment the service received the task, before
 * it is taken for a wrong clock. A real one a few minutes or hours old is kept: S2 then fires
 * sooner, which is safe; a day-old (or year-0000) one would dispatch a unit at once for nothing.
 */
export const RECEIVED_AT_MAX_AGE_HOURS = 24;

export interface WaitingClockStart {
  /** The instant S2 counts from. */
  receivedAt: string;
  /** Set when the ERC's time was not used. */
  correction?: ReceivedAtCorrection;
}

/**
 * S2's waiting clock starts no later than the moment the service received the task (`receiptAt`,
 * the intake command's own time): an ERC time in the future is clamped to it, so a wrong clock
 * cannot delay or switch off the waiting limit, and so is an implausibly old (or unreadable) one.
 */
export function waitingClockStart(ercReceivedAt: string, receiptAt: string): WaitingClockStart {
  const erc = Date.parse(ercReceivedAt);
  const receipt = Date.parse(receiptAt);
  if (!Number.isFinite(receipt)) return { receivedAt: ercReceivedAt };
  if (!Number.isFinite(erc)) return { receivedAt: new Date(receipt).toISOString(), correction: 'implausibly-old' };
  if (erc > receipt) return { receivedAt: new Date(receipt).toISOString(), correction: 'future' };
  if (receipt - erc > RECEIVED_AT_MAX_AGE_HOURS * 3_600_000) return { receivedAt: new Date(receipt).toISOString(), correction: 'implausibly-old' };
  return { receivedAt: ercReceivedAt };
}

/**
 * The task as the DTaskReceived event records it: `receivedAt` is where S2 counts from; when it was
 * corrected, the ERC's own time stays in `ercReceivedAt` with the reason. A task that already
 * carries a correction (a what-if replaying a recorded intake) is corrected again from the ERC's
 * time, so the same intake always records the same event.
 */
export function withWaitingClock(task: EventData<'DTaskReceived'>, receiptAt: string): EventData<'DTaskReceived'> {
  const { ercReceivedAt, receivedAtCorrected: _previous, ...rest } = task;
  const original = ercReceivedAt ?? task.receivedAt;
  const start = waitingClockStart(original, receiptAt);
  if (!start.correction) return ercReceivedAt === undefined && _previous === undefined ? task : { ...rest, receivedAt: original };
  return { ...rest, receivedAt: start.receivedAt, ercReceivedAt: original, receivedAtCorrected: start.correction };
}

/** Years an ERC time may name; anything else is a broken clock or a hostile value, refused at intake. */
export const ERC_YEARS = { from: 2000, to: 2100 } as const;
/** The widest offsets any time zone uses (UTC−12:00 … UTC+14:00). */
const MAX_OFFSET_MINUTES = 14 * 60;

/**
 * Why an ERC time cannot be accepted at all (the intake answers 400 naming the field), or
 * undefined. Beyond the ISO 8601 syntax the body's schema checks: a real instant, with an offset
 * some time zone uses, in a year between 2000 and 2100.
 */
export function ercInstantProblem(value: string): string | undefined {
  const ms = Date.parse(value);
  if (!Number.isFinite(ms)) return 'must be a real instant';
  const offset = /([+-])(\d{2}):(\d{2})$/.exec(value);
  if (offset && Number(offset[2]) * 60 + Number(offset[3]) > MAX_OFFSET_MINUTES) return 'must have a time-zone offset between -14:00 and +14:00';
  const year = new Date(ms).getUTCFullYear();
  if (year < ERC_YEARS.from || year > ERC_YEARS.to) return `must be in the years ${ERC_YEARS.from}–${ERC_YEARS.to}`;
  return undefined;
}
