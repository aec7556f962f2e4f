import type { DeskState, TaskDetail } from './api';
import { helsinkiDateTime } from './format';
import { useLanguage, useT } from './i18n';
import { FlagChips, taskCodeText } from './words';

/** What the ERC sent, as `DTaskReceived` holds it: the only place with the patient's personal data. */
export interface Received {
  ercTaskId?: string;
  receivedAt?: string;
  taskCode?: string;
  urgency?: string;
  municipality?: string;
  address?: string;
  patient?: { ageYears?: number; sex?: string };
  callbackPhone?: string;
  ercNotes?: string;
}

export function receivedOf(task: TaskDetail): Received {
  return (task.history.find((event) => event.type === 'DTaskReceived')?.data ?? {}) as Received;
}

/** Whom to call and who they are: the first thing a nurse needs, before any form. */
export function PatientHeader({ task, limits }: { task: TaskDetail; limits: DeskState['limits'] }) {
  const t = useT();
  const language = useLanguage();
  const received = receivedOf(task);
  const age = received.patient?.ageYears;
  const sex = received.patient?.sex ?? 'unknown';
  return (
    <header className="patient-header" data-testid="patient-header">
      <div className="patient-call">
        {received.callbackPhone ? (
          <a className="tel" href={`tel:${received.callbackPhone.replace(/[^0-9+]/g, '')}`} data-testid="callback-phone">
            {t('callbackNumber')} {received.callbackPhone}
          </a>
        ) : (
          <span>{t('noCallbackNumber')}</span>
        )}
        <span className="failed-calls" data-testid="failed-calls">
          {t('failedCalls')} {task.failedAttempts}/{limits.s1FailedAttempts}
        </span>
      </div>
      <dl className="patient-facts">
        <div>
          <dt>{t('patient')}</dt>
          <dd data-testid="patient-who">
            {age === undefined ? t('unknownAge') : t('ageYears', { age })}, {t(`sex.${sex}`)}
          </dd>
        </div>
        <div>
          <dt>{t('address')}</dt>
          <dd>
            {received.address ?? '–'}, {received.municipality}
          </dd>
        </div>
        <div>
          <dt>{t('code')}</dt>
          <dd data-testid="task-code">
            {received.taskCode} {taskCodeText(t, received.taskCode)} · {task.urgency}
          </dd>
        </div>
        <div>
          <dt>{t('received')}</dt>
          <dd>{received.receivedAt ? helsinkiDateTime(received.receivedAt, language) : '–'}</dd>
        </div>
        <div>
          <dt>{t('ercTask')}</dt>
          <dd>{received.ercTaskId}</dd>
        </div>
      </dl>
      {received.ercNotes && (
        <p className="erc-notes">
          <strong>{t('ercNotes')}:</strong> {received.ercNotes}
        </p>
      )}
      <FlagChips flags={task.flags} />
      <details className="contacts" open={task.patientContacts.length > 0}>
        <summary>
          {t('earlierContacts')}: {task.patientContacts.length}
        </summary>
        {task.patientContacts.length === 0 ? (
          <p>{t('noEarlierContacts')}</p>
        ) : (
          <ul data-testid="earlier-contacts">
            {task.patientContacts.map((contact) => (
              <li key={contact.taskId}>
                {helsinkiDateTime(contact.receivedAt, language)} · {contact.taskCode} {taskCodeText(t, contact.taskCode)} ·{' '}
                {contact.closedOutcome ? t(`outcome.${contact.closedOutcome}`) : contact.decision ? t(`decision.${contact.decision}`) : t('status.waiting')}
              </li>
            ))}
          </ul>
        )}
      </details>
    </header>
  );
}
