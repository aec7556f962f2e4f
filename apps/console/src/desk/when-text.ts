import { helsinkiDate, helsinkiDateTime, helsinkiTime } from '../format';
import type { Language, Translate } from '../i18n';

/**
 * When something happened, as a list of tasks says it: today's by the clock alone ("klo 14.05"),
 * an earlier day's with its date ("30.11.2026 klo 14.05"), so yesterday's 14.05 is never taken for today's.
 */
export function whenText(iso: string, nowMs: number, language: Language, t: Translate): string {
  if (helsinkiDate(Date.parse(iso)) !== helsinkiDate(nowMs)) return helsinkiDateTime(iso, language);
  return t('clockTime', { time: helsinkiTime(iso, language) });
}
