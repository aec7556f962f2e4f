import { AppendResult as ClientAppendResult, BACKWARDS, END, EventStoreDBClient, StreamNotFoundError } from '@eventstore/db-client';
import { AppendResult, DuplicateEventIdError, EventToAppend, ExpectedRevision, ReadStreamOptions, RecordedEvent, WrongExpectedRevisionError } from '../port';
import { consumeRead } from './deadlines';
import { toPortError } from './errors';
import { fromClientPosition } from './positions';
import { judgeRetry, RETRY_WINDOW, retryReadStart } from './retried-append';

/** What settling an append needs of the store: its client, its deadline and its own reads. */
export interface AppendContext {
  client: EventStoreDBClient;
  deadlineMs: number;
  readStream(streamId: string, options: ReadStreamOptions): Promise<RecordedEvent[]>;
  headPosition(): Promise<string | undefined>;
  ensureStillOpen(): void;
}

/** An empty append writes nothing, but still checks the expectation and reports where things stand. */
export async function appendNothing(context: AppendContext, streamId: string, expected: ExpectedRevision): Promise<AppendResult> {
  const current = await currentRevision(context, streamId);
  const matches = expected === 'any' || (expected === 'no-stream' ? current === -1 : expected === current);
  if (!matches) throw new WrongExpectedRevisionError(streamId, expected, current);
  return { nextExpectedRevision: current, position: (await context.headPosition()) ?? '0' };
}

/**
 * A conflict may be a retry of an append that already succeeded (its reply was lost): then it is
 * acknowledged with the original result. An append reusing some stored ids is refused.
 */
export async function settleConflict(context: AppendContext, streamId: string, events: EventToAppend[], conflict: WrongExpectedRevisionError): Promise<AppendResult> {
  const start = retryReadStart(conflict.expected, conflict.actual);
  if (start === undefined) throw conflict;
  const stored = await context.readStream(streamId, { fromRevision: start, maxCount: RETRY_WINDOW });
  const verdict = judgeRetry(events, stored);
  if (verdict.kind === 'replay') return { nextExpectedRevision: verdict.last.revision, position: verdict.last.position };
  if (verdict.kind === 'overlap') throw new DuplicateEventIdError(streamId, verdict.eventId);
  throw conflict;
}

/**
 * EventStoreDB reports one log position per write. For a single event it is that event's. For
 * several, which event it names is not part of the protocol, and an idempotent replay may report
 * none, so the last event's own position is read back.
 */
export async function lastWrittenPosition(context: AppendContext, streamId: string, count: number, result: ClientAppendResult): Promise<string> {
  if (count === 1 && result.position) return fromClientPosition(result.position);
  const [last] = await context.readStream(streamId, { fromRevision: Number(result.nextExpectedRevision), maxCount: 1 });
  if (last) return last.position;
  if (result.position) return fromClientPosition(result.position);
  throw new Error(`the append to ${streamId} was acknowledged, but its events could not be read back`);
}

/** The stream's last revision, or -1 when it does not exist. */
export async function currentRevision(context: AppendContext, streamId: string): Promise<number> {
  let revision = -1;
  try {
    const read = context.client.readStream(streamId, { direction: BACKWARDS, fromRevision: END, maxCount: 1 });
    await consumeRead(read, (resolved) => void (revision = Number(resolved.event?.revision ?? -1)), context.deadlineMs, 'read stream revision');
  } catch (error) {
    if (error instanceof StreamNotFoundError) return -1;
    throw toPortError(error, 'read stream revision');
  }
  context.ensureStillOpen();
  return revision;
}
