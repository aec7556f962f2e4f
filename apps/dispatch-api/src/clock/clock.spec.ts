import { SystemClock, TimeSources } from './clock';

const T0 = Date.parse('2026-12-01T10:00:00.000Z');
const MINUTE = 60_000;

/** A host whose wall clock can be set by hand while its monotonic clock only runs. */
function fakeHost() {
  let wall = T0;
  let monotonic = 5_000.25;
  const sources: TimeSources = { wallMs: () => wall, monotonicMs: () => monotonic };
  return {
    sources,
    /** Real time passes: both clocks move. */
    pass(ms: number) {
      wall += ms;
      monotonic += ms;
    },
    /** The host's time is set (NTP, by hand): only the wall clock moves. */
    setWall(ms: number) {
      wall += ms;
    },
    monotonicBack(ms: number) {
      monotonic -= ms;
    },
  };
}

const iso = (ms: number) => new Date(ms).toISOString();

describe('SystemClock', () => {
  it('reads the wall clock while it runs normally', () => {
    const host = fakeHost();
    const clock = new SystemClock(host.sources);
    expect(clock.now().toISOString()).toBe(iso(T0));
    host.pass(90_000);
    expect(clock.now().toISOString()).toBe(iso(T0 + 90_000));
  });

  it('keeps running on monotonic time when the wall clock steps back an hour', () => {
    const host = fakeHost();
    const clock = new SystemClock(host.sources);
    host.pass(MINUTE);
    expect(clock.now().getTime()).toBe(T0 + MINUTE);
    host.setWall(-60 * MINUTE);
    expect(clock.now().getTime()).toBe(T0 + MINUTE);
    host.pass(20 * MINUTE);
    // S2's 20 minutes are 20 real minutes, not 80.
    expect(clock.now().getTime()).toBe(T0 + 21 * MINUTE);
  });

  it('follows a forward jump of the wall clock at once', () => {
    const host = fakeHost();
    const clock = new SystemClock(host.sources);
    host.pass(1_000);
    host.setWall(30 * MINUTE);
    expect(clock.now().getTime()).toBe(T0 + 1_000 + 30 * MINUTE);
    host.pass(MINUTE);
    expect(clock.now().getTime()).toBe(T0 + 1_000 + 31 * MINUTE);
  });

  it('follows the wall clock again once it is ahead after a step back', () => {
    const host = fakeHost();
    const clock = new SystemClock(host.sources);
    host.setWall(-10 * MINUTE);
    host.pass(5 * MINUTE);
    expect(clock.now().getTime()).toBe(T0 + 5 * MINUTE);
    host.setWall(20 * MINUTE); // the wall is now T0 + 15 min, ahead of the clock's T0 + 5 min
    expect(clock.now().getTime()).toBe(T0 + 15 * MINUTE);
    host.setWall(-1 * MINUTE);
    host.pass(MINUTE);
    expect(clock.now().getTime()).toBe(T0 + 16 * MINUTE);
  });

  it('never gives a time earlier than one it gave before, whatever its sources do', () => {
    const host = fakeHost();
    const clock = new SystemClock(host.sources);
    const seen: number[] = [];
    const steps: (() => void)[] = [
      () => host.pass(250),
      () => host.setWall(-3_600_000),
      () => host.monotonicBack(10_000),
      () => host.pass(0.4),
      () => host.setWall(7_200_000),
      () => host.setWall(-7_200_000),
      () => host.pass(1_000),
    ];
    for (const step of steps) {
      step();
      seen.push(clock.now().getTime());
    }
    for (let i = 1; i < seen.length; i += 1) expect(seen[i]).toBeGreaterThanOrEqual(seen[i - 1]!);
    expect(seen.every(Number.isInteger)).toBe(true);
  });

  it('runs on the host clocks by default, at the host time', () => {
    const before = Date.now();
    const reading = new SystemClock().now().getTime();
    expect(reading).toBeGreaterThanOrEqual(before);
    expect(reading).toBeLessThan(before + 5_000);
  });
});
