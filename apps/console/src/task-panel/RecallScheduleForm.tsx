import { useT } from '../i18n';
import { CallTimeChoice } from '../choices';
import type { Drafts, UpdateDrafts } from './task-drafts';

/** A call back to the patient at the nurse's choice: in some minutes, or at a wall time (reason `nurse`). */
export function RecallScheduleForm({ drafts, update, busy, onSchedule }: { drafts: Drafts; update: UpdateDrafts; busy: boolean; onSchedule: () => void }) {
  const t = useT();
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
      <button onClick={onSchedule} disabled={busy} data-testid="schedule-recall">
        {t('scheduleRecallConfirm')}
      </button>
    </fieldset>
  );
}
