import { helsinkiDay, helsinkiHour, helsinkiMidnight, helsinkiMonth, helsinkiStartOfDay, helsinkiStartOfYear } from './helsinki-time';

describe('Helsinki wall-clock time', () => {
  it('is UTC+2 in winter and UTC+3 in summer', () => {
    expect(helsinkiHour(Date.parse('2026-01-15T10:30:00Z'))).toBe(12);
    expect(helsinkiHour(Date.parse('2026-07-15T10:30:00Z'))).toBe(13);
  });

  it('switches on the last Sundays of March and October at 01:00 UTC', () => {
    expect(helsinkiHour(Date.parse('2026-03-29T00:59:00Z'))).toBe(2);
    expect(helsinkiHour(Date.parse('2026-03-29T01:00:00Z'))).toBe(4);
    expect(helsinkiHour(Date.parse('2026-10-25T00:59:00Z'))).toBe(3);
    expect(helsinkiHour(Date.parse('2026-10-25T01:00:00Z'))).toBe(3);
  });

  it('finds local midnight', () => {
    expect(new Date(helsinkiStartOfDay(Date.parse('2026-11-22T22:30:00Z'))).toISOString()).toBe('2026-11-22T22:00:00.000Z');
    expect(new Date(helsinkiStartOfDay(Date.parse('2026-11-22T08:00:00Z'))).toISOString()).toBe('2026-11-21T22:00:00.000Z');
  });
});

describe('Helsinki calendar years', () => {
  it('start at local midnight on 1 January, two hours before UTC does', () => {
    expect(new Date(helsinkiStartOfYear(Date.parse('2026-07-01T12:00:00Z'))).toISOString()).toBe('2025-12-31T22:00:00.000Z');
    expect(new Date(helsinkiStartOfYear(Date.parse('2025-12-31T21:59:59Z'))).toISOString()).toBe('2024-12-31T22:00:00.000Z');
    // From 22:00 to 24:00 UTC on 31 December it is already the next year in Helsinki.
    expect(new Date(helsinkiStartOfYear(Date.parse('2025-12-31T22:00:00Z'))).toISOString()).toBe('2025-12-31T22:00:00.000Z');
    expect(new Date(helsinkiStartOfYear(Date.parse('2025-12-31T23:59:59Z'))).toISOString()).toBe('2025-12-31T22:00:00.000Z');
  });
});

describe('Helsinki calendar months', () => {
  it('puts an instant in the local month, across the year and summer time', () => {
    expect(helsinkiMonth(Date.parse('2025-10-31T22:30:00Z'))).toEqual({
      key: '2025-11', // 00:30 on 1 November in Helsinki (UTC+2)
      startMs: Date.parse('2025-10-31T22:00:00Z'),
      endMs: Date.parse('2025-11-30T22:00:00Z'),
    });
    expect(helsinkiMonth(Date.parse('2025-12-31T22:00:00Z')).key).toBe('2026-01');
    expect(helsinkiMonth(Date.parse('2025-12-31T21:59:59Z')).key).toBe('2025-12');
    // March ends in summer time (UTC+3), so it is one hour shorter.
    const march = helsinkiMonth(Date.parse('2025-03-15T12:00:00Z'));
    expect(march.endMs - march.startMs).toBe(31 * 86_400_000 - 3_600_000);
    expect(helsinkiMidnight(2025, 6, 1)).toBe(Date.parse('2025-06-30T21:00:00Z'));
  });

  it('gives a calendar day midnight to midnight, 23 hours on the day summer time begins', () => {
    expect(helsinkiDay('2026-11-22')).toEqual({ fromMs: Date.parse('2026-11-21T22:00:00Z'), toMs: Date.parse('2026-11-22T22:00:00Z') });
    const spring = helsinkiDay('2026-03-29');
    expect(spring).toEqual({ fromMs: Date.parse('2026-03-28T22:00:00Z'), toMs: Date.parse('2026-03-29T21:00:00Z') });
    expect(helsinkiStartOfDay(Date.parse('2026-03-29T12:00:00Z'))).toBe(Date.parse('2026-03-28T22:00:00Z'));
    expect(helsinkiStartOfDay(Date.parse('2026-10-25T12:00:00Z'))).toBe(Date.parse('2026-10-24T21:00:00Z'));
  });
});
