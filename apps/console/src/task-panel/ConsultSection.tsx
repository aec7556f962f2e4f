import { CONSULTANTS } from '../../../../libs/events/src/vocabulary-values';
import { WordSelect } from '../choices';
import { consultantWord } from '../disposition-words';
import { helsinkiTime } from '../format';
import { useLanguage, useT } from '../i18n';
import type { RecordedConsult } from './consults';
import type { PanelForm } from './task-drafts';

/** The consults recorded on the task, each with its time, whom, the question and the advice. */
export function ConsultList({ consults }: { consults: RecordedConsult[] }) {
  const t = useT();
  const language = useLanguage();
  if (consults.length === 0) return null;
  return (
    <section className="consults" data-testid="consults">
      <h3>{t('consults')}</h3>
      <ul>
        {consults.map((consult) => (
          <li key={consult.consultId} data-consult-id={consult.consultId}>
            <strong>{t('consultAt', { time: helsinkiTime(consult.at, language), consultant: consultantWord(consult.consultant, t), nurse: consult.nurse })}</strong>
            <dl>
              <dt>{t('consultQuestion')}</dt>
              <dd>{consult.question}</dd>
              <dt>{t('consultAdvice')}</dt>
              <dd>{consult.advice}</dd>
            </dl>
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * A consult with the EMS physician, an on-call doctor or the field commander, written as it
 * happens: the panel's drafts hold it, so it stays with its own task when the nurse switches.
 */
/** `decided`: taken up again after the decision (a recall, a follow-up), the consult no longer comes before it. */
export function ConsultForm({ form, decided, onRecord }: { form: PanelForm; decided: boolean; onRecord: () => void }) {
  const t = useT();
  const { drafts, update, busy } = form;
  return (
    <details className="consult-form" data-testid="consult-form" open={Boolean(drafts.consultant || drafts.consultQuestion || drafts.consultAdvice) || undefined}>
      <summary>{decided ? t('consultTitleDecided') : t('consultTitle')}</summary>
      <WordSelect
        name="consultant"
        label={t('consultant')}
        value={drafts.consultant}
        options={CONSULTANTS}
        words={(consultant) => consultantWord(consultant, t)}
        empty={t('dispositionChoose')}
        onChange={(consultant) => update({ consultant })}
      />
      <label>
        {t('consultQuestion')}
        <textarea name="consultQuestion" maxLength={2000} value={drafts.consultQuestion} onChange={(event) => update({ consultQuestion: event.target.value })} />
      </label>
      <label>
        {t('consultAdvice')}
        <textarea name="consultAdvice" maxLength={4000} value={drafts.consultAdvice} onChange={(event) => update({ consultAdvice: event.target.value })} />
      </label>
      <button onClick={onRecord} disabled={busy} data-testid="record-consult">
        {t('recordConsult')}
      </button>
    </details>
  );
}
