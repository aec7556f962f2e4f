import { simulatedClock } from '../apps/simulator/src/simulated-clock';

describe('the simulated clock that shapes arrivals', () => {
  it('starts at the chosen instant and runs speedup times as fast, so a run at any real hour can simulate noon', () => {
    let realNow = Date.parse('2026-12-01T23:30:00Z');
    const clock = simulatedClock({ speedup: 600, startAt: new Date('2026-12-01T10:00:00Z'), realNow: () => realNow });
    expect(clock.helsinkiHour()).toBe(12);
    realNow += 6_000; // 6 real seconds: an hour simulated
    expect(clock.now().toISOString()).toBe('2026-12-01T11:00:00.000Z');
    expect(clock.helsinkiHour()).toBe(13);
  });
  it('reads the hour on Helsinki’s wall clock, summer time too', () => {
    const realNow = Date.parse('2026-07-01T09:00:00Z');
    expect(simulatedClock({ speedup: 1, realNow: () => realNow }).helsinkiHour()).toBe(12);
  });
});
