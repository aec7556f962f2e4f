import { useState } from 'react';
import type { TaskDetail } from '../api';
import { ReleaseButton } from './CallbackButtons';
import { RecallAttempt, RecallList } from './RecallList';
import { RecallScheduleForm } from './RecallScheduleForm';
import { PanelForm, recallInstant } from './task-drafts';

/**
 * The task's recalls and what the nurse may do with them: record an attempt on a pending one (as its
 * holder) and book a new one at her choice. What is sent goes through the panel's one `send`.
 */
export function RecallSection({
  task, form, recallsMine, mayScheduleRecall, hideFollowUp, send, setError, onRelease,
}: {
  task: TaskDetail;
  form: PanelForm;
  recallsMine: boolean;
  mayScheduleRecall: boolean;
  hideFollowUp: boolean;
  send: (path: string, body: unknown, after?: () => void) => Promise<void>;
  /** Shows what is missing, by its words' key. */
  setError: (key: string) => void;
  /** Hands a task taken up for a recall back (key `r`), when the panel offers it. */
  onRelease?: () => void;
}) {
  const { drafts, update, busy } = form;
  const attempt = (recallId: string, body: RecallAttempt) => {
    if (body.outcome === 'reached' && !body.condition) return setError('conditionRequired');
    return void send(`recalls/${encodeURIComponent(recallId)}`, body, () => update({ recallReached: '', recallCondition: '', recallNotes: '' }));
  };
  // Said beside the time it is about, not at the top of a long panel.
  const [timeError, setTimeError] = useState<string>();
  const schedule = () => {
    const dueAt = recallInstant(drafts);
    const missing = dueAt === undefined ? 'recallTimeRequired' : dueAt === null ? 'recallTimeInvalid' : Date.parse(dueAt) <= Date.now() ? 'recallInPast' : undefined;
    setTimeError(missing);
    if (missing || !dueAt) return;
    return void send('recalls', { dueAt, reason: 'nurse' }, () => update({ recallIn: '', recallTime: '' }));
  };
  return (
    <>
      <RecallList task={task} form={form} recallsMine={recallsMine} hideFollowUp={hideFollowUp} onAttempt={attempt} />
      {mayScheduleRecall && <RecallScheduleForm form={form} error={timeError} onSchedule={schedule} />}
      {onRelease && <ReleaseButton busy={busy} onRelease={onRelease} />}
    </>
  );
}
