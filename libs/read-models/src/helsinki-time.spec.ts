import { helsinkiHour, helsinkiStartOfDay } from './helsinki-time';

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
