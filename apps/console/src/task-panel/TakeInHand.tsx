import { useState } from 'react';
import { api, ApiError, HistoryEvent, isPendingRecall, Session, TaskDetail } from '../api';
import { helsinkiTime } from '../format';
import { useLanguage, useT } from '../i18n';

/** No one holds it and the service takes a claim: a waiting task, or a decided one with a call back pending (the decider's claim). */
export function claimable(task: TaskDetail): boolean {
  if (task.owner) return false;
  const callBackPending = task.status === 'decided' && (task.followUp !== null || task.recalls.some(isPendingRecall));
  return task.status === 'waiting' || callBackPending;
}

/**
 * Taking the task in hand from its panel. Whoever opens a task no one holds may claim it. A task
 * another holds, a supervisor takes over (the service's release, then its claim) once she has
 * confirmed whose it is; a nurse only reads it: she never takes a task from a colleague.
 */
export function TakeInHand({
  task, session, unsaved, onTaken, onRefused,
}: { task: TaskDetail; session: Session; /** What this reader typed and has not saved. */ unsaved: string; onTaken: () => void; onRefused: (caught: unknown) => void }) {
  const t = useT();
  const language = useLanguage();
  // Whose task she confirms taking: should it change hands meanwhile, she is asked again, naming the new holder.
  const [confirming, setConfirming] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function take(fromHolder: boolean) {
    setBusy(true);
    try {
      if (fromHolder) await releaseUnlessLetGo(session, task.taskId);
      await api(session, 'POST', `/api/d-tasks/${task.taskId}/claim`, {});
      setConfirming(undefined);
      onTaken();
    } catch (caught) {
      onRefused(caught);
    } finally {
      setBusy(false);
    }
  }

  if (task.status === 'claimed' && task.owner !== session.sub) {
    const owner = task.owner ?? '';
    const taken = takenFrom(task.history, session.sub);
    const takenNotice = taken && (
      <div className="notice notice-severe" data-testid="taken-over">
        <p>{t('takenOverFromYou', { actor: taken.metadata.actor.id, time: helsinkiTime(taken.metadata.occurredAt, language) })}</p>
        {unsaved && (
          <div className="draft">
            <p>{t('takenOverUnsaved', { actor: taken.metadata.actor.id })}</p>
            <pre>{unsaved}</pre>
          </div>
        )}
      </div>
    );
    if (session.role !== 'supervisor') return takenNotice || <p className="note">{t('notYours')}</p>;
    return (
      <div className="take-over" data-testid="take-over">
        {takenNotice}
        <p className="note">{t('heldByAnother', { owner })}</p>
        {confirming === owner ? (
          <div className="notice" role="group" aria-label={t('takeOver')} data-testid="take-over-confirmation">
            <p>{t('takeOverConfirm', { owner })}</p>
            <button onClick={() => void take(true)} disabled={busy} autoFocus>
              {t('takeOverYes')}
            </button>{' '}
            <button className="secondary" onClick={() => setConfirming(undefined)} disabled={busy}>
              {t('takeOverCancel')}
            </button>
          </div>
        ) : (
          <button onClick={() => setConfirming(owner)}>{t('takeOver')}</button>
        )}
      </div>
    );
  }
  if (!claimable(task)) return null;
  return (
    <button onClick={() => void take(false)} disabled={busy} data-testid="claim-task">
      {t('claimTask')}
    </button>
  );
}

/** The release that took the task from `reader`, when the task's last change of hands is that release and the same other person's claim: a take-over. */
function takenFrom(history: readonly HistoryEvent[], reader: string): HistoryEvent | undefined {
  const handsChanged = history.filter((event) => event.type === 'DTaskReleased' || event.type === 'DTaskClaimed');
  const [release, claim] = handsChanged.slice(-2);
  if (release?.type !== 'DTaskReleased' || claim?.type !== 'DTaskClaimed') return undefined;
  const byAnother = release.data.nurseId === reader && release.metadata.actor.id !== reader;
  return byAnother && claim.metadata.actor.id === release.metadata.actor.id ? release : undefined;
}

/** The holder may have let the task go in the meantime: then there is nothing to release, and the claim follows. */
async function releaseUnlessLetGo(session: Session, taskId: string): Promise<void> {
  try {
    await api(session, 'POST', `/api/d-tasks/${taskId}/release`, {});
  } catch (caught) {
    if (!(caught instanceof ApiError && caught.body.reason === 'not-claimed')) throw caught;
  }
}
