import { AppendResult as ClientAppendResult, BACKWARDS, END, KurrentDBClient, StreamNotFoundError } from '@kurrent/kurrentdb-client';
import { AppendResult, DuplicateEventIdError, EventStoreUnavailableError, EventToAppend, ExpectedRevision, ReadStreamOptions, RecordedEvent, WrongExpectedRevisionError } from '../port';
import { consumeRead } from './deadlines';
import { toPortError } from './errors';
import { fromClientPosition } from './positions';
import { judgeRetry, RETRY_WINDOW, retryReadStart } from './retried-append';

/** What settling an append needs of the store: its client, its deadline and its own reads. */
export interface AppendContext {
  client: KurrentDBClient;
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
 * The server answers a write with the log position of its last event: it acknowledges the write
 * when its chaser reaches the record that ends the transaction (KurrentDB StorageChaser: CommitAck
 * at the TransactionEnd prepare), and every event of a write is a record of its own in `$all`. So
 * no read follows a write, and a write the server acknowledged is never answered as unavailable.
 * Only an idempotent replay may come without one (IndexWriter.CheckCommit has none while its last
 * event is not in the index yet): then that event is read, from the leader.
 */
export async function writtenPosition(context: AppendContext, streamId: string, result: ClientAppendResult): Promise<string> {
  if (result.position) return fromClientPosition(result.position);
  const [last] = await context.readStream(streamId, { fromRevision: Number(result.nextExpectedRevision), maxCount: 1 });
  if (last) return last.position;
  throw new EventStoreUnavailableError(`the append to ${streamId} was acknowledged without a position, and its last event is not readable yet`);
}

/** The stream's last revision, or -1 when it does not exist. */
export async function currentRevision(context: AppendContext, streamId: string): Promise<number> {
  let revision = -1;
  try {
    const read = context.client.readStream(streamId, { direction: BACKWARDS, fromRevision: END, maxCount: 1, requiresLeader: true });
    await consumeRead(read, (resolved) => void (revision = Number(resolved.event?.revision ?? -1)), context.deadlineMs, 'read stream revision');
  } catch (error) {
    if (error instanceof StreamNotFoundError) return -1;
    throw toPortError(error, 'read stream revision');
  }
  context.ensureStillOpen();
  return revision;
}
