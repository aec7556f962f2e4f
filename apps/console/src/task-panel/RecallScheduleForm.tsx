import { useT } from '../i18n';
import { CallTimeChoice } from '../choices';
import type { PanelForm } from './task-drafts';

/** A call back to the patient at the nurse's choice: in some minutes, or at a wall time (reason `nurse`). */
export function RecallScheduleForm({ form, error, onSchedule }: { form: PanelForm; error?: string; onSchedule: () => void }) {
  const t = useT();
  const { drafts, update, busy } = form;
  return (
    <fieldset className="recall-schedule" data-testid="recall-schedule">
      <legend>{t('scheduleRecall')}</legend>
      <CallTimeChoice
        names={{ minutes: 'recallIn', time: 'recallTime' }}
        options={['30', '60', '120']}
        minutes={drafts.recallIn}
        time={drafts.recallTime}
        minutesWords={(minutes) => t('recallInMinutes', { minutes })}
        onMinutes={(recallIn) => update({ recallIn, recallTime: '' })}
        onTime={(recallTime) => update({ recallTime })}
      />
      {error && (
        <p role="alert" className="error" data-testid="recall-time-error">
          {t(error)}
        </p>
      )}
      <button onClick={onSchedule} disabled={busy} data-testid="schedule-recall">
        {t('scheduleRecallConfirm')}
      </button>
    </fieldset>
  );
}
