import { useEffect, useRef, useState } from 'react';
import { useLanguage, useT } from '../i18n';
import type { Language } from '../i18n';
import '../measures/measures.css';

const LOCALES: Record<Language, string> = { fi: 'fi-FI', sv: 'sv-FI', en: 'en-GB' };

/** `2024-07-01` as the language writes a date: `1.7.2024` in Finnish and Swedish, `01/07/2024` in English. */
export function dateText(iso: string, language: Language): string {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day)).toLocaleDateString(LOCALES[language], { timeZone: 'UTC', day: language === 'en' ? '2-digit' : 'numeric', month: language === 'en' ? '2-digit' : 'numeric', year: 'numeric' });
}

/** A typed date, day first (`1.7.2024`, `1/7/2024`) or as ISO (`2024-07-01`), as `YYYY-MM-DD`; undefined when it is no date. */
export function parseDate(text: string): string | undefined {
  const typed = text.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(typed);
  const dayFirst = /^(\d{1,2})[./](\d{1,2})[./](\d{4})$/.exec(typed);
  const [year, month, day] = iso ? [iso[1], iso[2], iso[3]] : dayFirst ? [dayFirst[3], dayFirst[2], dayFirst[1]] : [];
  if (!year) return undefined;
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  // 31.2. rolls over to March: not a date.
  if (date.getUTCDate() !== Number(day) || date.getUTCMonth() !== Number(month) - 1) return undefined;
  return date.toISOString().slice(0, 10);
}

/**
 * A date field in the language's own format. Chromium's date input shows the browser's locale
 * (mm/dd/yyyy on an English system) whatever the page's language, so this is a text field that
 * reads day first, says the format, and says when what is typed is no date.
 */
export function DateField({ name, label, value, max, onChange }: { name: string; label: string; value: string; max?: string; onChange: (iso: string) => void }) {
  const t = useT();
  const language = useLanguage();
  const [text, setText] = useState(() => (value ? dateText(value, language) : ''));
  // A date set from outside (the data's period), or a new language: shown afresh; what is being typed stays.
  const shownIn = useRef(language);
  useEffect(() => {
    const relanguaged = shownIn.current !== language;
    shownIn.current = language;
    if (value) setText((typed) => (parseDate(typed) === value && !relanguaged ? typed : dateText(value, language)));
  }, [value, language]);
  const parsed = parseDate(text);
  const problem = text.trim() === '' ? undefined : !parsed ? t('analyst.dateInvalid') : max && parsed > max ? t('analyst.dateLate', { max: dateText(max, language) }) : undefined;
  return (
    <label>
      {label}
      <input
        type="text"
        name={name}
        className="date-field"
        lang={language}
        inputMode="numeric"
        autoComplete="off"
        size={10}
        placeholder={t('analyst.datePlaceholder')}
        value={text}
        required
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? `${name}-problem` : undefined}
        onChange={(event) => {
          setText(event.target.value);
          const iso = parseDate(event.target.value);
          onChange(iso && (!max || iso <= max) ? iso : '');
        }}
      />
      {problem && (
        <span role="alert" id={`${name}-problem`} className="date-problem">
          {problem}
        </span>
      )}
    </label>
  );
}
