import { uuidv7 } from './ids';

describe('uuidv7', () => {
  it('is a valid v7 UUID that sorts by time', () => {
    const early = uuidv7(Date.parse('2026-11-22T10:00:00Z'));
    const late = uuidv7(Date.parse('2026-11-22T10:00:00.001Z'));
    expect(early).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(early < late).toBe(true);
    expect(early.slice(0, 13)).toBe('01a202b2-c500'); // 2026-11-22T10:00:00Z in ms, big-endian
  });

  it('differs between ids of the same millisecond', () => {
    const now = Date.now();
    // Several blocks of drawn randomness: no id may reuse another's random bits.
    const ids = Array.from({ length: 5000 }, () => uuidv7(now));
    expect(new Set(ids).size).toBe(5000);
    expect(new Set(ids.map((id) => id.slice(14))).size).toBe(5000);
  });
});
