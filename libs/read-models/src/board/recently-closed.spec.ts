import fc from 'fast-check';
import { RecentlyClosed } from './recently-closed';

describe('RecentlyClosed', () => {
  it('keeps what a Map evicting its first key kept, in the same order, over random closures and closures again', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), fc.array(fc.tuple(fc.nat(12), fc.nat(99)), { maxLength: 80 }), (capacity, closures) => {
        const recent = new RecentlyClosed<number>(capacity);
        const map = new Map<string, number>();
        for (const [task, value] of closures) {
          recent.set(`t${task}`, value);
          map.set(`t${task}`, value);
          if (map.size > capacity) map.delete(map.keys().next().value!);
          expect([...recent]).toEqual([...map]);
          expect([...recent.values()]).toEqual([...map.values()]);
          expect(recent.size).toBe(map.size);
          for (let other = 0; other <= 12; other += 1) expect(recent.get(`t${other}`)).toBe(map.get(`t${other}`));
        }
        recent.clear();
        expect([...recent]).toEqual([]);
        recent.set('again', 1);
        expect([...recent]).toEqual([['again', 1]]);
      }),
      { numRuns: 300 },
    );
  });
});
