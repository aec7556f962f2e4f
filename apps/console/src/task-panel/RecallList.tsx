import { isPendingRecall, RecallView, TaskDetail } from '../api';
import { formatDuration, formatNumber, helsinkiDate, helsinkiDateTime, helsinkiTime } from '../format';
import { useLanguage, useT } from '../i18n';
import { useNow } from '../partner/use-now';
import { CALLBACK_OUTCOMES } from '../../../../libs/events/src/vocabulary-values';
import type { PanelForm } from './task-drafts';

type CallbackOutcome = (typeof CALLBACK_OUTCOMES)[number];
export type RecallAttempt = { outcome: CallbackOutcome; condition?: 'same' | 'better' | 'worse'; notes?: string };

/**
 * The task's calls back to the patient: why each is due, when, how many attempts, and how it
 * ended. The holder records an attempt on a pending one; a reached patient's condition must be
 * told, and worse escalates. A v1 follow-up still open is worked on its own card, so it is left out.
 */
export function RecallList({
  task, form, recallsMine, hideFollowUp, onAttempt,
}: {
  task: TaskDetail;
  form: PanelForm;
  recallsMine: boolean;
  hideFollowUp: boolean;
  onAttempt: (recallId: string, attempt: RecallAttempt) => void;
}) {
  const t = useT();
  const recalls = task.recalls.filter((recall) => !(hideFollowUp && recall.recallId === 'follow-up'));
  if (recalls.length === 0) return null;
  return (
    <section className="recalls" data-testid="recalls" aria-labelledby="recalls-title">
      <h3 id="recalls-title">{t('recalls')}</h3>
      <ol>
        {recalls.map((recall) => (
          <li key={recall.recallId} data-recall-id={recall.recallId} data-recall-state={isPendingRecall(recall) ? 'pending' : 'done'}>
            <RecallLine recall={recall} />
            {recallsMine && isPendingRecall(recall) && <AttemptButtons recall={recall} form={form} onAttempt={onAttempt} />}
          </li>
        ))}
      </ol>
    </section>
  );
}

function RecallLine({ recall }: { recall: RecallView }) {
  const t = useT();
  const language = useLanguage();
  const now = useNow(15_000);
  const dueMs = Date.parse(recall.dueAt);
  const when = helsinkiDate(dueMs) === helsinkiDate(now) ? t('recallDueAt', { time: helsinkiTime(recall.dueAt, language) }) : t('recallDueOn', { time: helsinkiDateTime(recall.dueAt, language) });
  const pending = isPendingRecall(recall);
  const state = recall.completedAt
    ? recall.condition
      ? t('recallReachedAt', { time: helsinkiTime(recall.completedAt, language), condition: t(`condition.${recall.condition}`) })
      : t('recallEndedAt', { time: helsinkiTime(recall.completedAt, language) })
    : !pending
      ? t(`recallDone.${recall.done}`)
      : dueMs <= now
      ? t('recallOverdue', { duration: formatDuration((now - dueMs) / 1000) })
      : t('recallComing');
  return (
    <p className={pending && dueMs <= now ? 'recall-line recall-due' : 'recall-line'}>
      <strong>{t(`recallReason.${recall.reason}`)}</strong> · {when} · {state}
      {recall.attempts > 0 && ` · ${t('recallAttempts', { attempts: formatNumber(recall.attempts, language), failed: formatNumber(recall.failedAttempts, language) })}`}
      {recall.condition === 'worse' && <span className="flag flag-escalated"> ⚠ {t('condition.worse')}</span>}
    </p>
  );
}

function AttemptButtons({ recall, form, onAttempt }: { recall: RecallView; form: PanelForm; onAttempt: (recallId: string, attempt: RecallAttempt) => void }) {
  const t = useT();
  const { drafts, update, busy } = form;
  const telling = drafts.recallReached === recall.recallId;
  return (
    <div className="recall-attempt" role="group" aria-label={t('recallAttempt')}>
      {CALLBACK_OUTCOMES.map((outcome) => (
        <button
          key={outcome}
          disabled={busy}
          aria-pressed={outcome === 'reached' ? telling : undefined}
          data-recall-outcome={outcome}
          onClick={() => (outcome === 'reached' ? update({ recallReached: recall.recallId, recallCondition: '', recallNotes: '' }) : onAttempt(recall.recallId, { outcome }))}
        >
          {t(outcome)}
        </button>
      ))}
      {telling && (
        <fieldset className="recall-condition" data-testid="recall-condition">
          <legend>{t('recallConditionQuestion')}</legend>
          {(['same', 'better', 'worse'] as const).map((condition) => (
            <label key={condition} className="choice">
              <input type="radio" name={`condition-${recall.recallId}`} value={condition} checked={drafts.recallCondition === condition} onChange={() => update({ recallCondition: condition })} />
              {t(`condition.${condition}`)}
            </label>
          ))}
          {drafts.recallCondition === 'worse' && <p className="notice notice-severe">⚠ {t('recallWorseEscalates')}</p>}
          <label>
            {t('notes')}
            <textarea name="recallNotes" value={drafts.recallNotes} onChange={(event) => update({ recallNotes: event.target.value })} />
          </label>
          <button
            className="primary"
            disabled={busy}
            data-testid="save-recall"
            onClick={() => onAttempt(recall.recallId, { outcome: 'reached', ...(drafts.recallCondition ? { condition: drafts.recallCondition } : {}), ...(drafts.recallNotes.trim() ? { notes: drafts.recallNotes } : {}) })}
          >
            {t('saveRecall')}
          </button>
        </fieldset>
      )}
    </div>
  );
}
