import { helsinkiTime } from '../format';
import { useLanguage, useT } from '../i18n';
import { RED_FLAGS } from '../../../../libs/events/src/vocabulary-values';
import { CallerFields } from './CallerFields';
import type { PanelForm } from './task-drafts';

/** The nurse's assessment of a reached patient: red flags, concern, symptoms and notes; flags already recorded stay ticked. */
export function AssessmentForm({
  form, recordedFlags, recordedConcern, savedAt, onSave,
}: {
  form: PanelForm;
  recordedFlags: string[];
  recordedConcern: boolean;
  /** When the last assessment of this task was saved, if one was. */
  savedAt?: string;
  onSave: () => void;
}) {
  const t = useT();
  const language = useLanguage();
  const { drafts, update, busy } = form;
  return (
    <fieldset data-section="assessment">
      <legend>
        {t('assessment')} <kbd>a</kbd>
      </legend>
      {recordedFlags.length > 0 && (
        <p className="recorded-flags">
          {t('recordedRedFlags')}: {recordedFlags.map((flag) => t(flag)).join(', ')}
        </p>
      )}
      <CallerFields drafts={drafts} update={update} />
      <div className="red-flags" role="group" aria-label={t('redFlags')}>
        {RED_FLAGS.map((flag) => (
          <label key={flag}>
            <input
              type="checkbox"
              name={flag}
              checked={drafts.flags.includes(flag) || recordedFlags.includes(flag)}
              disabled={recordedFlags.includes(flag)}
              onChange={(event) => update({ flags: event.target.checked ? [...drafts.flags, flag] : drafts.flags.filter((f) => f !== flag) })}
            />
            {t(flag)}
          </label>
        ))}
        <label>
          <input type="checkbox" name="concern" checked={drafts.concern || recordedConcern} disabled={recordedConcern} onChange={(event) => update({ concern: event.target.checked })} />
          {t('concern')}
        </label>
      </div>
      <label>
        {t('symptoms')}
        <textarea name="symptoms" value={drafts.symptoms} onChange={(event) => update({ symptoms: event.target.value })} />
      </label>
      <label>
        {t('notes')}
        <textarea name="notes" value={drafts.notes} onChange={(event) => update({ notes: event.target.value })} />
      </label>
      <button disabled={busy} onClick={onSave}>
        {t('saveAssessment')}
      </button>
      {savedAt && <p className="note">{t('savedAssessment', { time: helsinkiTime(savedAt, language) })}</p>}
    </fieldset>
  );
}
