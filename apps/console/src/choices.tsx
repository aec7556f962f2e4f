import { helsinkiDateTime, typedTimeTomorrow } from './format';
import { useLanguage, useT } from './i18n';

/** A labelled select of coded options, each shown in words; `empty` names the choice of none. */
export function WordSelect<V extends string>({ name, label, value, options, words, onChange, empty }: { name: string; label: string; value: '' | V; options: readonly V[]; words: (option: V) => string; onChange: (value: V) => void; empty?: string }) {
  return (
    <label>
      {label}
      <select name={name} value={value} onChange={(event) => onChange(event.target.value as V)}>
        {empty !== undefined && <option value="">{empty}</option>}
        {options.map((option) => (
          <option key={option} value={option}>
            {words(option)}
          </option>
        ))}
      </select>
    </label>
  );
}

/** A question answered by one of a few options, as radio buttons on one line. */
export function Choice<V extends string>({ name, legend, value, options, words, onChange }: { name: string; legend: string; value: '' | V; options: readonly V[]; words: (option: V) => string; onChange: (value: V) => void }) {
  return (
    <fieldset className="follow-up-when" role="radiogroup">
      <legend>{legend}</legend>
      {options.map((option) => (
        <label key={option} className="choice">
          <input type="radio" name={name} value={option} checked={value === option} onChange={() => onChange(option)} />
          {words(option)}
        </label>
      ))}
    </fieldset>
  );
}

/**
 * When to call the patient: in some minutes (one of `minutes`, '' for no call), or at a Helsinki wall
 * time `hh.mm`, the next one to come. `names` are the fields' names, `minutesWords` the options' words.
 */
export function CallTimeChoice({
  names, legend, minutes, options, time, minutesWords, onMinutes, onTime,
}: {
  names: { minutes: string; time: string };
  legend?: string;
  minutes: string;
  options: readonly string[];
  time: string;
  minutesWords: (minutes: string) => string;
  onMinutes: (minutes: string) => void;
  onTime: (time: string) => void;
}) {
  const t = useT();
  const language = useLanguage();
  // A time already gone today is tomorrow's: said before it is booked, never found out the next day.
  const tomorrow = time.trim() ? typedTimeTomorrow(time, Date.now()) : undefined;
  return (
    <fieldset className="follow-up-when">
      {legend && <legend>{legend}</legend>}
      {options.map((option) => (
        <label key={option} className="choice">
          <input type="radio" name={names.minutes} value={option} checked={minutes === option && !time} onChange={() => onMinutes(option)} />
          {minutesWords(option)}
        </label>
      ))}
      <label className="choice">
        {t('atTime')}
        <input name={names.time} className="call-time" inputMode="numeric" placeholder="14.30" size={5} value={time} onChange={(event) => onTime(event.target.value)} />
      </label>
      {tomorrow !== undefined && (
        <p className="notice" role="status" data-testid="call-time-tomorrow">
          {t('callTimeTomorrow', { time: time.trim(), at: helsinkiDateTime(new Date(tomorrow).toISOString(), language) })}
        </p>
      )}
    </fieldset>
  );
}
