import { Duration, RecordLanguage } from './record-words';

const HELSINKI = 'Europe/Helsinki';
const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const wallClock = new Intl.DateTimeFormat('en-GB', {
  timeZone: HELSINKI,
  hourCycle: 'h23',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

/** The date and the 24-hour time on Helsinki's wall clock, as the language writes them. */
export function helsinkiDateAndTime(iso: string, language: RecordLanguage): { date: string; time: string } {
  const part = Object.fromEntries(wallClock.formatToParts(new Date(iso)).map((p) => [p.type, p.value]));
  const [day, month, year, hour, minute] = [Number(part.day), Number(part.month), part.year, part.hour, part.minute];
  if (language === 'en') return { date: `${day} ${MONTHS_EN[month - 1]} ${year}`, time: `${hour}:${minute}` };
  // Finnish and Swedish in Finland: 1.12.2026, 14.05.
  return { date: `${day}.${month}.${year}`, time: `${hour}.${minute}` };
}

/** A disposition's timeframe (vocabulary.ts `Timeframe`: days, hours and minutes) taken apart. */
export function durationOf(timeframe: string): Duration | undefined {
  const match = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?)?$/.exec(timeframe);
  if (!match) return undefined;
  const [days, hours, minutes] = [match[1], match[2], match[3]].map((value) => Number(value ?? 0)) as [number, number, number];
  return days + hours + minutes > 0 ? { days, hours, minutes } : undefined;
}

/** The instant `timeframe` after `fromIso` (a day is 24 hours here: a timeframe is a span, not a calendar day). */
export function afterTimeframe(fromIso: string, timeframe: string): string | undefined {
  const duration = durationOf(timeframe);
  if (!duration) return undefined;
  const ms = ((duration.days * 24 + duration.hours) * 60 + duration.minutes) * 60_000;
  return new Date(Date.parse(fromIso) + ms).toISOString();
}
