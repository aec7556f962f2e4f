import { addDays, helsinkiDate, helsinkiMidnightIso } from '../../apps/console/src/format';

/**
 * Where a test's hand-moved clock starts when the wall's "today" must hold all it does: now, unless
 * fewer than `minutes` are left before Helsinki midnight, then that much before it. Started at the
 * real time at 23.50, a test that moves its clock half an hour finds its first tasks in yesterday.
 */
export function startWithRoomToday(minutes: number, nowMs = Date.now()): Date {
  const nextMidnightMs = Date.parse(helsinkiMidnightIso(addDays(helsinkiDate(nowMs), 1)));
  return new Date(Math.min(nowMs, nextMidnightMs - (minutes + 1) * 60_000));
}
