import { eventType, RawRow, toRecordedEvent } from './rows';

const row = (type: string): RawRow => ['s', 0, 1, 'id', type, '{"a":1}', '{"occurredAt":"2026-01-01T00:00:00.000Z"}', '2026-01-01T00:00:00.000Z'];

describe('rows read back', () => {
  it('keep the type they were written with, one string for every row of a type', () => {
    const read = ['DTaskReceived', 'DTaskClaimed', 'DTaskReceived'].map((type) => toRecordedEvent(row(type)).type);
    expect(read).toEqual(['DTaskReceived', 'DTaskClaimed', 'DTaskReceived']);
    expect(read[0]).toBe(read[2]);
  });

  it('read any number of distinct types, past the ones kept shared', () => {
    const types = Array.from({ length: 1500 }, (_, i) => `Type${i}`);
    expect(types.map((type) => eventType(type))).toEqual(types);
    expect(types.map((type) => eventType(type))).toEqual(types);
  });

  it('leave the rest of the row as it was', () => {
    expect(toRecordedEvent(row('T'))).toEqual({
      streamId: 's',
      revision: 0,
      position: '1',
      eventId: 'id',
      type: 'T',
      data: { a: 1 },
      metadata: { occurredAt: '2026-01-01T00:00:00.000Z' },
      recordedAt: '2026-01-01T00:00:00.000Z',
    });
  });
});
