import { EventMetadataSchema, makeMetadata } from './envelope';
import { CallbackBody, DevTokenBody } from './http/command-bodies';
import { EVENT_TYPES } from './registry';
import { deserialize, dtaskStreamId, readStoredEvent, serialize, taskIdFromStream, toEventToAppend } from './serialization';

const at = '2026-11-22T10:00:00+02:00';
const taskId = '2f1b7c1e-8d2a-4c55-9a57-3f3a0d9b8e11';
const nurse = { id: 'n1', role: 'nurse' as const };

describe('makeMetadata', () => {
  it('stamps a valid envelope, causation defaulting to correlation', () => {
    const metadata = makeMetadata({ actor: nurse, occurredAt: at, correlationId: taskId }, 2);
    expect(EventMetadataSchema.parse(metadata)).toEqual(metadata);
    expect(metadata).toMatchObject({ correlationId: taskId, causationId: taskId, schemaVersion: 2, actor: nurse });
    expect(metadata).not.toHaveProperty('reason');
  });

  it('starts a correlation when none is given and takes the event id from the time of the fact', () => {
    const first = makeMetadata({ actor: nurse, occurredAt: at }, 1);
    const later = makeMetadata({ actor: nurse, occurredAt: '2026-11-22T10:00:01+02:00' }, 1);
    expect(first.correlationId).not.toBe(later.correlationId);
    expect(first.eventId < later.eventId).toBe(true);
  });

  it('keeps only the actor’s id and role, and the reason when there is one', () => {
    const partner = { id: 'p1', role: 'partner' as const, service: 'oulu-home-care' };
    expect(makeMetadata({ actor: partner, occurredAt: at, reason: 'no capacity' }, 1)).toMatchObject({ actor: { id: 'p1', role: 'partner' }, reason: 'no capacity' });
    expect(makeMetadata({ actor: partner, occurredAt: at }, 1).actor).not.toHaveProperty('service');
  });
});

describe('serialize and deserialize', () => {
  it('round-trips a typed event through plain JSON', () => {
    const event = { type: 'CallbackAttempted' as const, data: { outcome: 'busy' as const, attempt: 2, notes: 'line busy' } };
    const stored = JSON.parse(JSON.stringify(toEventToAppend(event, { actor: nurse, occurredAt: at })));
    const back = deserialize({ position: '12', streamId: dtaskStreamId(taskId), revision: 3, ...stored });
    expect(back).toMatchObject({ ...event, position: '12', revision: 3, metadata: { schemaVersion: 1 } });
    if (back.type === 'CallbackAttempted') expect(back.data.attempt).toBe(2); // the type narrows the data
  });

  it('refuses to write an invalid fact, naming the field', () => {
    const metadata = makeMetadata({ actor: nurse, occurredAt: at }, 1);
    expect(() => serialize({ type: 'DTaskClosed', data: { outcome: 'no-contact' } } as never, metadata)).toThrow(/DTaskClosed\.outcome/);
  });

  it('hands the store only what the schema knows, as JSON values', () => {
    const metadata = makeMetadata({ actor: nurse, occurredAt: at }, 1);
    const out = serialize({ type: 'DTaskReleased', data: { nurseId: 'n1', sneaked: { in: true } } } as never, metadata);
    expect(out.data).toEqual({ nurseId: 'n1' });
    expect(JSON.parse(JSON.stringify(out))).toEqual(out);
  });

  it('upcasts a stored v1 event, and names a bad metadata field', () => {
    const metadata = { ...makeMetadata({ actor: nurse, occurredAt: at }, 1) };
    const v1 = deserialize({ position: '1', streamId: 's', revision: 0, type: 'UnitRequested', data: { unitLevel: 'basic', urgency: 'D' }, metadata });
    expect(v1.data).toEqual({ unitLevel: 'basic', urgency: 'D', reason: 'nurse-decision' });
    const broken = { ...metadata, occurredAt: 'yesterday' };
    expect(() => deserialize({ position: '1', streamId: 's', revision: 0, type: 'DTaskClaimed', data: { nurseId: 'n1' }, metadata: broken })).toThrow(/metadata\.occurredAt/);
  });

  it('appends with ready metadata as it is, and refuses metadata at another version', () => {
    const event = { type: 'UnitRequested' as const, data: { unitLevel: 'basic' as const, urgency: 'D' as const, reason: 'unreachable' as const } };
    const metadata = makeMetadata({ actor: { id: 'policy', role: 'system' }, occurredAt: at, reason: 'S1' }, 2);
    expect(toEventToAppend(event, metadata)).toEqual({ eventId: metadata.eventId, type: 'UnitRequested', data: event.data, metadata });
    expect(() => toEventToAppend(event, { ...metadata, schemaVersion: 1 })).toThrow(/UnitRequested: metadata\.schemaVersion/);
    expect(() => toEventToAppend(event, { ...metadata, eventId: 'not-a-uuid' })).toThrow(/metadata\.eventId/);
  });

  it('never stamps an envelope that would not read back', () => {
    const event = { type: 'DTaskClaimed' as const, data: { nurseId: 'n1' } };
    expect(() => toEventToAppend(event, { actor: nurse, occurredAt: 'yesterday' })).toThrow(/metadata\.occurredAt/);
    expect(() => toEventToAppend(event, { actor: nurse, occurredAt: '2026-11-22T10:00:00' })).toThrow(/DTaskClaimed: metadata\.occurredAt/);
    expect(() => toEventToAppend(event, { actor: { id: 'x'.repeat(200), role: 'nurse' }, occurredAt: at })).toThrow(/metadata\.actor\.id/);
  });

  it('reads the task id back from its stream', () => {
    expect(taskIdFromStream(dtaskStreamId(taskId))).toBe(taskId);
    expect(taskIdFromStream('$settings')).toBeUndefined();
  });
});

describe('readStoredEvent, the read boundary', () => {
  const stored = (type: string, data: unknown, schemaVersion?: number) => ({
    position: '7',
    streamId: dtaskStreamId(taskId),
    revision: 1,
    eventId: 'e1',
    type,
    data,
    metadata: { ...makeMetadata({ actor: nurse, occurredAt: at }, schemaVersion ?? 1), ...(schemaVersion === undefined ? { schemaVersion: undefined } : {}) },
  });
  afterEach(() => jest.restoreAllMocks());

  it('hands an event at its current version on as it is, without a copy', () => {
    const current = stored('DTaskClaimed', { nurseId: 'n1' }, 1);
    expect(readStoredEvent(current)).toBe(current);
  });

  it('upcasts an older event once and labels it with the version its data now has', () => {
    const upcaster = jest.spyOn(EVENT_TYPES.UnitRequested.upcasters as unknown as Record<number, (data: unknown) => unknown>, 1);
    const v1 = stored('UnitRequested', { unitLevel: 'basic', urgency: 'D' }, 1);
    const read = readStoredEvent(v1);
    expect(read).toMatchObject({ eventId: 'e1', position: '7', data: { unitLevel: 'basic', urgency: 'D', reason: 'nurse-decision' }, metadata: { schemaVersion: 2 } });
    expect(v1.metadata.schemaVersion).toBe(1); // the stored event is not changed
    expect(readStoredEvent(read)).toBe(read); // read again, nothing is left to do
    expect(deserialize(read).data).toEqual(read.data);
    expect(upcaster).toHaveBeenCalledTimes(1);
  });

  it('reads an event stored before metadata carried a version as version 1', () => {
    const read = readStoredEvent(stored('UnitRequested', { unitLevel: 'basic', urgency: 'D' }));
    expect(read.data).toMatchObject({ reason: 'nurse-decision' });
    expect(read.metadata.schemaVersion).toBe(2);
  });

  it('passes types it does not know, and versions newer than it knows, unchanged', () => {
    const foreign = stored('SomethingElse', { x: 1 }, 1);
    const newer = stored('DTaskClaimed', { nurseId: 'n1' }, 3);
    expect(readStoredEvent(foreign)).toBe(foreign);
    expect(readStoredEvent(newer)).toBe(newer);
  });

  it('deserialize labels what it upcast too', () => {
    const back = deserialize(stored('UnitRequested', { unitLevel: 'basic', urgency: 'D' }, 1));
    expect(back.metadata.schemaVersion).toBe(2);
  });
});

describe('small bodies', () => {
  it('takes optional notes on a callback', () => {
    expect(CallbackBody.parse({ outcome: 'no-answer', notes: 'voicemail full' })).toEqual({ outcome: 'no-answer', notes: 'voicemail full' });
  });

  it('never mints a dev token for the system role', () => {
    expect(DevTokenBody.safeParse({ sub: 'p1', role: 'partner', service: 'oulu-home-care' }).success).toBe(true);
    expect(DevTokenBody.safeParse({ sub: 'x', role: 'system' }).error?.issues[0]?.path).toEqual(['role']);
  });
});
