import { reportWindow } from './report-window';

describe('report window', () => {
  const now = new Date('2026-11-23T12:00:00Z');

  it('defaults to the year to date, from midnight in Helsinki', () => {
    const window = reportWindow({}, now);
    expect(new Date(window.fromMs).toISOString()).toBe('2025-12-31T22:00:00.000Z');
    expect(window.toMs).toBe(now.getTime());
  });

  it('starts the new year at midnight in Helsinki, while it is still 31 December in UTC', () => {
    const newYearsNight = new Date('2025-12-31T22:30:00Z'); // 00:30 on 1 January 2026 in Helsinki
    expect(new Date(reportWindow({}, newYearsNight).fromMs).toISOString()).toBe('2025-12-31T22:00:00.000Z');
  });

  it('takes [from, to) as asked, and measures its length in days', () => {
    expect(reportWindow({ from: '2025-01-01T00:00:00+02:00', to: '2025-01-08T00:00:00+02:00' }, now)).toEqual({
      fromMs: Date.parse('2024-12-31T22:00:00Z'),
      toMs: Date.parse('2025-01-07T22:00:00Z'),
      windowDays: 7,
    });
  });
});
