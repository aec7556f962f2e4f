import { useT } from '../i18n';
import { ESCALATED_URGENCIES } from '../../../../libs/events/src/vocabulary-values';
import { WordSelect } from '../choices';
import type { PanelForm } from './task-drafts';

/** Red flags or concern found: the task goes up to a higher urgency, with its reason (key `e`). */
export function EscalationForm({ form, onEscalate }: { form: PanelForm; onEscalate: () => void }) {
  const t = useT();
  const { drafts, update, busy } = form;
  return (
    <fieldset className="escalation" data-testid="escalation-panel" data-section="escalation">
      <legend>
        {t('escalation')} <kbd>e</kbd>
      </legend>
      <WordSelect name="escalateTo" label={t('urgency')} value={drafts.escalateTo} options={ESCALATED_URGENCIES} words={(level) => t(`urgency.${level}`)} onChange={(escalateTo) => update({ escalateTo })} />
      <label>
        {t('reason')}
        <input name="escalationReason" value={drafts.escalationReason} onChange={(event) => update({ escalationReason: event.target.value })} />
      </label>
      <button onClick={onEscalate} disabled={busy}>
        {t('escalate')}
      </button>
    </fieldset>
  );
}
