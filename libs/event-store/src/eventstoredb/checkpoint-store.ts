import { ANY, BACKWARDS, END, KurrentDBClient, jsonEvent, StreamNotFoundError } from '@kurrent/kurrentdb-client';
import { CheckpointStore } from '../port';
import { consumeRead, withDeadline } from './deadlines';
import { toPortError } from './errors';
import { parsePosition } from './positions';
import { CHECKPOINT_STREAM_PREFIX } from './recorded-event';

export const CHECKPOINT_EVENT_TYPE = 'Checkpoint';

/**
 * One stream per subscriber, `checkpoint-<name>`, whose newest event holds the position. The
 * stream keeps one event (metadata maxCount 1), so it never grows beyond what a scavenge removes.
 */
export class EventStoreDbCheckpointStore implements CheckpointStore {
  /** Streams whose maxCount this process has already made sure of. */
  private readonly capped = new Set<string>();

  constructor(
    private readonly client: KurrentDBClient,
    private readonly deadlineMs: number,
    private readonly ensureOpen: () => void,
  ) {}

  async load(subscriberName: string): Promise<string | undefined> {
    this.ensureOpen();
    const streamId = checkpointStream(subscriberName);
    let position: string | undefined;
    try {
      const read = this.client.readStream(streamId, { direction: BACKWARDS, fromRevision: END, maxCount: 1 });
      await consumeRead(
        read,
        (resolved) => void (position = (resolved.event?.data as { position?: string } | undefined)?.position),
        this.deadlineMs,
        'load checkpoint',
      );
    } catch (error) {
      if (error instanceof StreamNotFoundError) return undefined;
      throw toPortError(error, 'load checkpoint');
    }
    this.ensureOpen();
    if (position !== undefined) parsePosition(position);
    return position;
  }

  async store(subscriberName: string, position: string): Promise<void> {
    this.ensureOpen();
    parsePosition(position);
    const streamId = checkpointStream(subscriberName);
    try {
      await withDeadline(
        this.client.appendToStream(streamId, jsonEvent({ type: CHECKPOINT_EVENT_TYPE, data: { position } }), { streamState: ANY, requiresLeader: true }),
        this.deadlineMs,
        'store checkpoint',
      );
      if (!this.capped.has(streamId)) await this.capAtOneEvent(streamId);
    } catch (error) {
      throw toPortError(error, 'store checkpoint');
    }
  }

  /**
   * Set once per stream, but checked once per process rather than only after the first append: a
   * crash between that append and this write is then repaired on the next start.
   */
  private async capAtOneEvent(streamId: string): Promise<void> {
    const { metadata } = await withDeadline(this.client.getStreamMetadata(streamId, { requiresLeader: true }), this.deadlineMs, 'read checkpoint metadata');
    if (metadata?.maxCount !== 1) {
      await withDeadline(this.client.setStreamMetadata(streamId, { ...metadata, maxCount: 1 }, { requiresLeader: true }), this.deadlineMs, 'cap checkpoint stream');
    }
    this.capped.add(streamId);
  }
}

export function checkpointStream(subscriberName: string): string {
  if (typeof subscriberName !== 'string' || subscriberName.length === 0) throw new TypeError('a checkpoint needs a subscriber name');
  return `${CHECKPOINT_STREAM_PREFIX}${subscriberName}`;
}
