import type { TaskDetail } from '../api';
import { formatNumber } from '../format';
import { useLanguage, useT } from '../i18n';

const DAY_MS = 86_400_000;

/** The last told value of an assessment field: a later assessment that does not tell it leaves it as it was. */
function lastTold<T>(task: TaskDetail, field: string): T | undefined {
  const told = [...task.history].reverse().find((event) => event.type === 'AssessmentRecorded' && event.data[field] !== undefined);
  return told?.data[field] as T | undefined;
}

/**
 * Who the nurse is dealing with, as the assessments told it: the language (a Swedish-speaking patient
 * is shown as such), an interpreter, the caller, whether she spoke with the patient, and the identity check.
 */
export function PatientLine({ task }: { task: TaskDetail }) {
  const t = useT();
  const language = lastTold<string>(task, 'language');
  const interpreter = lastTold<boolean>(task, 'interpreter');
  const caller = lastTold<string>(task, 'caller');
  const spoke = lastTold<boolean>(task, 'spokeWithPatient');
  const identity = task.identity === 'unverified' ? 'unverified' : lastTold<string>(task, 'identity');
  // A code the list does not name is shown as it is rather than hidden.
  const languageName = (code: string) => (t(`language.${code}`) === `language.${code}` ? code.toUpperCase() : t(`language.${code}`));
  const parts = [
    language ? t('speaksLanguage', { language: languageName(language) }) : '',
    interpreter ? t('withInterpreter') : '',
    caller ? t('callerWas', { caller: t(`caller.${caller}`) }) : '',
    spoke === false ? t('notSpokenWithPatient') : '',
  ].filter(Boolean);
  // An unverified identity is the task's flag, shown beside this line; a verified one is said here.
  if (identity === 'verified') parts.push(t('identity.verified'));
  if (parts.length === 0) return null;
  return (
    <p className="patient-line" data-testid="patient-line">
      {parts.join(' · ')}
    </p>
  );
}

/** How often the patient has been in touch: tasks in the last 7 and 30 days, besides this one. */
export function ContactCounts({ task }: { task: TaskDetail }) {
  const t = useT();
  const language = useLanguage();
  const now = Date.now();
  const within = (days: number) => task.patientContacts.filter((contact) => now - Date.parse(contact.receivedAt) <= days * DAY_MS).length;
  return <>{t('contactCounts', { week: formatNumber(within(7), language), month: formatNumber(within(30), language) })}</>;
}
