import { SnapshotSchedule } from './snapshot-schedule';

describe('SnapshotSchedule', () => {
  let saves: number;
  let schedule: SnapshotSchedule;

  beforeEach(() => {
    jest.useFakeTimers({ now: 0 });
    saves = 0;
    schedule = new SnapshotSchedule(() => (saves += 1), { everyEvents: 3, quietMs: 1_000, latestMs: 10_000 });
  });
  afterEach(() => {
    schedule.reset();
    jest.useRealTimers();
  });

  const waitUntil = (ms: number) => jest.advanceTimersByTime(ms - Date.now());
  const eventAt = (ms: number) => {
    waitUntil(ms);
    schedule.onEvent();
  };

  it('is not due before enough events, however quiet', () => {
    eventAt(0);
    eventAt(10);
    waitUntil(60_000);
    expect(saves).toBe(0);
  });

  it('saves a due snapshot once the log has been quiet, not while events keep coming', () => {
    for (const ms of [0, 10, 20]) eventAt(ms); // due at 20
    for (let ms = 500; ms <= 4_500; ms += 500) eventAt(ms);
    expect(saves).toBe(0);
    waitUntil(6_600); // checked once a second: quiet for 1-2 s
    expect(saves).toBe(1);
    waitUntil(30_000);
    expect(saves).toBe(1);
  });

  it('saves at the latest bound under traffic that never pauses, then counts afresh', () => {
    for (let ms = 0; ms <= 10_200; ms += 100) eventAt(ms); // due at the third event (200 ms)
    expect(saves).toBe(1);
    eventAt(10_300); // the second event since the save
    waitUntil(20_000);
    expect(saves).toBe(1);
    eventAt(20_100);
    waitUntil(22_200);
    expect(saves).toBe(2);
  });
});
