import { useT } from '../i18n';
import { Choice, WordSelect } from '../choices';
import { CALLERS, Drafts, UpdateDrafts } from './task-drafts';

/** The languages offered first: the region's own, then those its patients most often speak. */
export const PATIENT_LANGUAGES = ['fi', 'sv', 'se', 'en', 'ru', 'uk', 'et', 'ar', 'so'] as const;

/**
 * Who is on the line and in which language, whether the nurse spoke with the patient, and how the
 * identity was checked (S9: an unverified identity gets a unit, like a red flag).
 */
export function CallerFields({ drafts, update }: { drafts: Drafts; update: UpdateDrafts }) {
  const t = useT();
  return (
    <fieldset className="caller-fields" data-testid="caller-fields">
      <legend>{t('onTheLine')}</legend>
      <div className="inline">
        <WordSelect name="language" label={t('patientLanguage')} value={drafts.language} options={PATIENT_LANGUAGES} words={(code) => t(`language.${code}`)} empty={t('notTold')} onChange={(language) => update({ language })} />
        <WordSelect name="caller" label={t('callerIs')} value={drafts.caller} options={CALLERS} words={(caller) => t(`caller.${caller}`)} empty={t('notTold')} onChange={(caller) => update({ caller })} />
      </div>
      <label>
        <input type="checkbox" name="interpreter" checked={drafts.interpreter} onChange={(event) => update({ interpreter: event.target.checked })} />
        {t('interpreterUsed')}
      </label>
      <Choice name="spokeWithPatient" legend={t('spokeWithPatient')} value={drafts.spokeWithPatient} options={['yes', 'no']} words={(option) => t(`answer.${option}`)} onChange={(value) => update({ spokeWithPatient: value })} />
      <Choice name="identity" legend={t('identityCheck')} value={drafts.identity} options={['verified', 'unverified']} words={(option) => t(`identity.${option}`)} onChange={(value) => update({ identity: value })} />
    </fieldset>
  );
}
