import { AllStreamResolvedEvent } from '@kurrent/kurrentdb-client';
import { isHiddenFromAll, toEventData, toRecordedEvent } from './recorded-event';

const resolved = (overrides: Record<string, unknown> = {}): AllStreamResolvedEvent =>
  ({
    event: {
      streamId: 'dtask-1',
      id: '0b9f9a53-6c1e-4d55-9d5e-3a1f0c7e2b10',
      isJson: true,
      revision: 4n,
      type: 'DTaskClaimed',
      created: new Date('2026-03-01T10:15:30.123Z'),
      data: { nurseId: 'n1' },
      metadata: { correlationId: 'c1' },
      position: { commit: 18446744073709551000n, prepare: 18446744073709551000n },
      ...overrides,
    },
  }) as AllStreamResolvedEvent;

describe('EventStoreDB recorded events', () => {
  it('maps revision, exact position, ids, JSON and the commit time in ISO 8601', () => {
    expect(toRecordedEvent(resolved())).toEqual({
      streamId: 'dtask-1',
      revision: 4,
      position: '18446744073709551000',
      eventId: '0b9f9a53-6c1e-4d55-9d5e-3a1f0c7e2b10',
      type: 'DTaskClaimed',
      data: { nurseId: 'n1' },
      metadata: { correlationId: 'c1' },
      recordedAt: '2026-03-01T10:15:30.123Z',
    });
  });

  it('reads JSON written as bytes, and keeps bytes that are not JSON', () => {
    const bytes = new Uint8Array([0xff, 0x00]);
    const binary = toRecordedEvent(resolved({ isJson: false, data: new TextEncoder().encode('{"a":1}'), metadata: bytes }));
    expect(binary.data).toEqual({ a: 1 });
    expect(binary.metadata).toBe(bytes);
    expect(toRecordedEvent(resolved({ metadata: undefined })).metadata).toBeNull();
  });

  it('refuses an event without a position (servers before 22.6)', () => {
    expect(() => toRecordedEvent(resolved({ position: undefined }))).toThrow(/22\.6/);
  });

  it('hides server events and checkpoints from $all, and nothing else', () => {
    expect(isHiddenFromAll(resolved())).toBe(false);
    expect(isHiddenFromAll(resolved({ type: '$statsCollected', streamId: '$stats-127.0.0.1:2113' }))).toBe(true);
    expect(isHiddenFromAll(resolved({ type: '$metadata', streamId: '$$checkpoint-queue' }))).toBe(true);
    expect(isHiddenFromAll(resolved({ type: 'Anything', streamId: '$settings' }))).toBe(true);
    expect(isHiddenFromAll(resolved({ type: '$>', streamId: 'dtask-1' }))).toBe(true);
    expect(isHiddenFromAll(resolved({ type: 'Checkpoint', streamId: 'checkpoint-queue' }))).toBe(true);
    expect(isHiddenFromAll({} as AllStreamResolvedEvent)).toBe(true);
  });

  it('writes a JSON event with our id, and metadata as JSON bytes so that null survives', () => {
    const eventId = globalThis.crypto.randomUUID();
    const data = toEventData({ eventId, type: 'DTaskReceived', data: undefined, metadata: null });
    expect(data).toMatchObject({ id: eventId, type: 'DTaskReceived', contentType: 'application/json', data: null });
    expect(new TextDecoder().decode(data.metadata as Uint8Array)).toBe('null');
    const withMetadata = toEventData({ eventId, type: 'T', data: { a: 1 }, metadata: { actor: { id: 'u1' } } });
    expect(JSON.parse(new TextDecoder().decode(withMetadata.metadata as Uint8Array))).toEqual({ actor: { id: 'u1' } });
  });

  it('refuses event ids that EventStoreDB cannot store', () => {
    expect(() => toEventData({ eventId: 'evt-1', type: 'T', data: {}, metadata: {} })).toThrow(TypeError);
  });
});
