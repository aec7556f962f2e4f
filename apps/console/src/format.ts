export const HELSINKI = 'Europe/Helsinki';
const helsinkiParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: HELSINKI, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
});

/** The centre's wall clock at an instant, whatever the browser's own time zone. */
function helsinkiWallClock(epochMs: number): { date: string; offsetMinutes: number } {
  const part = Object.fromEntries(helsinkiParts.formatToParts(epochMs).map((p) => [p.type, p.value]));
  const wallAsUtc = Date.UTC(Number(part.year), Number(part.month) - 1, Number(part.day), Number(part.hour), Number(part.minute), Number(part.second));
  return { date: `${part.year}-${part.month}-${part.day}`, offsetMinutes: Math.round((wallAsUtc - Math.floor(epochMs / 1000) * 1000) / 60_000) };
}

/** Calendar date (YYYY-MM-DD) in Helsinki. */
export function helsinkiDate(epochMs: number): string {
  return helsinkiWallClock(epochMs).date;
}

/** Midnight starting a Helsinki calendar date, as ISO with its offset: what the report routes take. */
export function helsinkiMidnightIso(date: string): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  // Clocks change at 03:00/04:00, never near midnight, so the offset two hours before is the one in force.
  const { offsetMinutes } = helsinkiWallClock(Date.UTC(year, month - 1, day) - 2 * 3_600_000);
  return `${date}T00:00:00+${String(offsetMinutes / 60).padStart(2, '0')}:00`;
}

/** The calendar date `days` after `date` (both YYYY-MM-DD). */
export function addDays(date: string, days: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

/** Hours and minutes on the centre's wall clock. */
export function helsinkiTime(iso: string, language: string): string {
  const locale = (LOCALES as Record<string, string>)[language] ?? language;
  return new Date(iso).toLocaleTimeString(locale, { timeZone: HELSINKI, hourCycle: 'h23', hour: '2-digit', minute: '2-digit' });
}

/** The instant at which Helsinki's wall clock shows `hour:minute` on `date` (YYYY-MM-DD). */
export function helsinkiInstant(date: string, hour: number, minute: number): number {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  // Helsinki is UTC+2 or UTC+3: take the offset that puts the wall clock where it was asked.
  for (const offsetHours of [2, 3]) {
    const candidate = wall - offsetHours * 3_600_000;
    if (helsinkiWallClock(candidate).offsetMinutes === offsetHours * 60) return candidate;
  }
  return wall - 2 * 3_600_000;
}

/**
 * A Helsinki wall-clock time (`YYYY-MM-DDTHH:mm`) as an instant with its offset: the offset in
 * force at that time, which on the two days the clocks change is not midnight's.
 */
export function helsinkiWallTimeIso(local: string): string | undefined {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!match || Number.isNaN(Date.parse(`${match[1]}T00:00:00Z`))) return undefined;
  const { offsetMinutes } = helsinkiWallClock(helsinkiInstant(match[1]!, Number(match[2]), Number(match[3])));
  const iso = `${match[1]}T${match[2]}:${match[3]}:00+${String(offsetMinutes / 60).padStart(2, '0')}:00`;
  return Number.isNaN(Date.parse(iso)) ? undefined : iso;
}

/** The next time, from `nowMs` on, that Helsinki's wall clock shows `hh.mm` (or `hh:mm`); undefined when it is no time. */
export function nextHelsinkiTime(text: string, nowMs: number): number | undefined {
  const match = /^(\d{1,2})[.:](\d{2})$/.exec(text.trim());
  if (!match) return undefined;
  const [hour, minute] = [Number(match[1]), Number(match[2])];
  if (hour > 23 || minute > 59) return undefined;
  const today = helsinkiDate(nowMs);
  const at = helsinkiInstant(today, hour, minute);
  return at > nowMs ? at : helsinkiInstant(addDays(today, 1), hour, minute);
}

/** The instant a typed `hh.mm` stands for when it has passed today and so falls tomorrow; undefined when it is today's, or no time. */
export function typedTimeTomorrow(text: string, nowMs: number): number | undefined {
  const at = nextHelsinkiTime(text, nowMs);
  return at !== undefined && helsinkiDate(at) !== helsinkiDate(nowMs) ? at : undefined;
}

const LOCALES = { fi: 'fi-FI', sv: 'sv-FI', en: 'en-GB' } as const;
type LanguageCode = keyof typeof LOCALES;

/** A number as the language writes it: `2 543,1` in Finnish and Swedish, `2,543.1` in English. */
export function formatNumber(value: number, language: LanguageCode, fractionDigits = 0): string {
  return new Intl.NumberFormat(LOCALES[language], { minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits }).format(value);
}

/** A share (0–1) as a percentage: `42 %`. */
export function formatPercent(share: number, language: LanguageCode, fractionDigits = 0): string {
  return new Intl.NumberFormat(LOCALES[language], { style: 'percent', minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits }).format(share);
}

/** A length of time as staff say it: `45 s`, `11 min`, `2 h 05 min`. */
export function formatDuration(seconds: number): string {
  const whole = Math.max(0, Math.round(seconds));
  if (whole < 60) return `${whole} s`;
  const minutes = Math.floor(whole / 60);
  if (minutes < 60) return `${minutes} min`;
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min`;
}

/** The word between date and time: the locales leave Swedish's "kl." out (`1.12.2026 14.05`). */
const AT_CLOCK: Partial<Record<LanguageCode, string>> = { fi: 'klo', sv: 'kl.' };

/** Date and time on the centre's wall clock, 24-hour: `1.12.2026 klo 10.37`, `1.12.2026 kl. 10.37`. */
export function helsinkiDateTime(iso: string, language: LanguageCode): string {
  const at = AT_CLOCK[language];
  if (at) return `${helsinkiDay(iso, language)} ${at} ${helsinkiTime(iso, language)}`;
  return new Date(iso).toLocaleString(LOCALES[language], { timeZone: HELSINKI, hourCycle: 'h23', day: 'numeric', month: 'numeric', year: 'numeric', hour: '2-digit', minute: '2-digit' });
}

/** The calendar date on the centre's wall clock, as the language writes it: `13.3.2025`. */
export function helsinkiDay(iso: string, language: LanguageCode): string {
  return new Date(iso).toLocaleDateString(LOCALES[language], { timeZone: HELSINKI, day: 'numeric', month: 'numeric', year: 'numeric' });
}
