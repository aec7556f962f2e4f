import fc from 'fast-check';
import { instantMs } from './instant';

describe('instantMs', () => {
  it('reads every instant the service writes as Date.parse does, leap days and month ends too', () => {
    const instant = fc.integer({ min: Date.UTC(1970, 0, 1), max: Date.UTC(2200, 0, 1) });
    fc.assert(fc.property(instant, (ms) => expect(instantMs(new Date(ms).toISOString())).toBe(ms)), { numRuns: 5000 });
    for (const text of ['2024-02-29T23:59:59.999Z', '2026-12-31T00:00:00.000Z', '2026-01-01T00:00:00.000Z']) expect(instantMs(text)).toBe(Date.parse(text));
  });

  it('reads any other text as Date.parse does, nonsense as NaN', () => {
    const odd = ['2026-02-30T00:00:00.000Z', '2026-13-01T00:00:00.000Z', '2026-01-01T24:00:00.000Z', '2026-01-01T00:60:00.000Z', '0099-01-01T00:00:00.000Z', '2026-01-01T08:05:00Z', '2026-01-01T08:05:00.000+02:00', '2026-01-0xT00:00:00.000Z', '+002026-01-01T00:00:00.000Z', '', 'later'];
    for (const text of odd) expect(instantMs(text)).toBe(Date.parse(text));
    fc.assert(fc.property(fc.string({ minLength: 24, maxLength: 24 }), (text) => expect(instantMs(text)).toBe(Date.parse(text))), { numRuns: 2000 });
    const nearly = fc.tuple(fc.integer({ min: 0, max: 23 }), fc.constantFrom(...'0123456789-:.TZx ')).map(([at, char]) => {
      const text = '2026-06-15T12:34:56.789Z';
      return text.slice(0, at) + char + text.slice(at + 1);
    });
    fc.assert(fc.property(nearly, (text) => expect(instantMs(text)).toBe(Date.parse(text))), { numRuns: 2000 });
  });
});
