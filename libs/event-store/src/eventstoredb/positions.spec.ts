import { START } from '@kurrent/kurrentdb-client';
import fc from 'fast-check';
import { fromClientPosition, parsePosition, toClientPosition, toReadPosition } from './positions';

describe('EventStoreDB positions', () => {
  it('round-trips positions beyond 2^53 exactly, commit and prepare alike', () => {
    for (const text of ['9007199254740993', '18446744073709551615', '0']) {
      const position = toClientPosition(text);
      expect(position).toEqual({ commit: BigInt(text), prepare: BigInt(text) });
      expect(fromClientPosition(position)).toBe(text);
    }
    // The number a JS double would have made of it:
    expect(Number('9007199254740993')).toBe(9007199254740992);
  });

  it('round-trips every unsigned 64-bit position', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }), (value) => {
        const text = value.toString();
        expect(fromClientPosition(toClientPosition(text))).toBe(text);
      }),
    );
  });

  it('starts at the beginning of $all when there is no position', () => {
    expect(toReadPosition(undefined)).toBe(START);
    expect(toReadPosition('42')).toEqual({ commit: 42n, prepare: 42n });
  });

  it.each(['', '-1', '1.5', '01', ' 1', '1e3', 'head', '18446744073709551616'])('refuses %j', (text) => {
    expect(() => parsePosition(text)).toThrow(RangeError);
  });
});
