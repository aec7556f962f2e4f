import { useEffect, useState } from 'react';
import { api, Session } from '../api';
import { download } from '../download';
import { useLanguage, useT } from '../i18n';
import { refusalText } from '../words';

/** `GET /api/d-tasks/{id}/record` (contract v1.1): written by the service in the language asked for. */
interface ReadableRecord {
  taskId: string;
  summary: string;
  sections: { id: string; title: string; items: { label: string; text: string }[] }[];
}

/**
 * The record of care of a closed task, in the console's language: opened on demand, since every
 * read is logged as a read of the patient's data, and read again when the language changes. The
 * panel is keyed by task, so one task's record never shows on another.
 */
export function RecordOfCare({ session, taskId }: { session: Session; taskId: string }) {
  const t = useT();
  const language = useLanguage();
  const [open, setOpen] = useState(false);
  const [record, setRecord] = useState<ReadableRecord>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    if (!open) return;
    let live = true;
    setRecord(undefined);
    api<ReadableRecord>(session, 'GET', `/api/d-tasks/${taskId}/record`, undefined, { 'accept-language': language }).then(
      (answer) => live && (setRecord(answer), setError(undefined)),
      (caught) => live && setError(t('recordLoadFailed', { reason: refusalText(t, caught) })),
    );
    return () => {
      live = false;
    };
    // The words come with the language; `t` itself is new each render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open, session, taskId, language]);

  const fhir = () =>
    download(session, `/api/d-tasks/${taskId}/record.fhir`, `record-of-care-${taskId}.fhir.json`, { 'accept-language': language }).catch((caught) => setError(t('recordLoadFailed', { reason: refusalText(t, caught) })));

  return (
    <section className="record-of-care" data-testid="record-of-care" aria-labelledby={`record-${taskId}`}>
      <h3 id={`record-${taskId}`}>{t('recordTitle')}</h3>
      <p className="record-actions">
        <button onClick={() => setOpen(!open)} aria-expanded={open} data-testid="record-toggle">
          {t(open ? 'recordHide' : 'recordShow')}
        </button>
        <button onClick={() => void fhir()} data-testid="record-fhir">
          {t('recordFhir')}
        </button>
        <small className="hint">{t('recordLogged')}</small>
      </p>
      {error && <p role="alert">{error}</p>}
      {open && !record && !error && <p>{t('loading')}</p>}
      {open && record && (
        <div className="record-body" lang={language} data-testid="record-body">
          <p className="record-summary" data-testid="record-summary">
            {record.summary}
          </p>
          {record.sections.map((section) => (
            <section key={section.id} data-record-section={section.id}>
              <h4>{section.title}</h4>
              <dl>
                {section.items.map((item, index) => (
                  <div key={index}>
                    <dt>{item.label}</dt>
                    <dd>{item.text}</dd>
                  </div>
                ))}
              </dl>
            </section>
          ))}
        </div>
      )}
    </section>
  );
}
