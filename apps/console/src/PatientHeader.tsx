import { useEffect, useRef } from 'react';
import type { DeskState, TaskDetail } from './api';
import { helsinkiDateTime, helsinkiTime } from './format';
import { useLanguage, useT } from './i18n';
import { placeName } from './i18n/place-names';
import { phoneDisplay, telHref } from './phone-display';
import { ErcUpdates, lastChange } from './task-panel/ErcUpdates';
import { ContactCounts, PatientLine } from './task-panel/PatientLine';
import { flagsWithUnit } from './task-panel/settled-flags';
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
  // The newest number and address: the ERC may have changed them since the intake.
  const callbackPhone = task.callbackPhone ?? received.callbackPhone;
  const address = task.address ?? received.address;
  const header = useStickyClearance();
  const flags = flagsWithUnit(task.flags, task.unitRequested !== null);
  const changedAt = (field: 'callbackPhone' | 'address') => {
    const change = lastChange(task, field);
    return change ? ` ${t('changedAt', { time: helsinkiTime(change.metadata.occurredAt, language) })}` : '';
  };
  return (
    <header className="patient-header" data-testid="patient-header" ref={header}>
      <div className="patient-call">
        {callbackPhone ? (
          <a className="tel" href={telHref(callbackPhone)} data-testid="callback-phone">
            {t('callbackNumber')} {phoneDisplay(callbackPhone)}
          </a>
        ) : (
          <span>{t('noCallbackNumber')}</span>
        )}
        {callbackPhone && <small className="changed-at">{changedAt('callbackPhone')}</small>}
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
          <dd data-testid="patient-address">
            {address ?? '–'}, {received.municipality && placeName(received.municipality, language)}
            <small className="changed-at">{changedAt('address')}</small>
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
      <ErcUpdates task={task} />
      <PatientLine task={task} />
      <FlagChips flags={flags.urgent} />
      <FlagChips flags={flags.answered} calm />
      <details className="contacts" open={task.patientContacts.length > 0}>
        <summary data-testid="contact-counts">
          <ContactCounts task={task} />
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

/**
 * The header sticks to the top of the panel as it scrolls: a form scrolled or focused into view
 * (a key, a refusal) stops below it, never under it, however tall the header is.
 */
function useStickyClearance() {
  const header = useRef<HTMLElement>(null);
  useEffect(() => {
    const element = header.current;
    const scroller = element?.closest<HTMLElement>('.desk > .task');
    if (!element || !scroller) return;
    // The header sticks below the panel's own padding; what scrolls into view keeps 8 px clear of it.
    const clear = () => void (scroller.style.scrollPaddingTop = `${parseFloat(getComputedStyle(scroller).paddingTop) + element.offsetHeight + 8}px`);
    const observer = new ResizeObserver(clear);
    observer.observe(element);
    return () => {
      observer.disconnect();
      scroller.style.scrollPaddingTop = '';
    };
  }, []);
  return header;
}
