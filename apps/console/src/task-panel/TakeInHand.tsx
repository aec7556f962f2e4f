import { useState } from 'react';
import { api, ApiError, isPendingRecall, Session, TaskDetail } from '../api';
import { useT } from '../i18n';

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
export function TakeInHand({ task, session, onTaken, onRefused }: { task: TaskDetail; session: Session; onTaken: () => void; onRefused: (caught: unknown) => void }) {
  const t = useT();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);

  async function take(fromHolder: boolean) {
    setBusy(true);
    try {
      if (fromHolder) await releaseUnlessLetGo(session, task.taskId);
      await api(session, 'POST', `/api/d-tasks/${task.taskId}/claim`, {});
      setConfirming(false);
      onTaken();
    } catch (caught) {
      onRefused(caught);
    } finally {
      setBusy(false);
    }
  }

  if (task.status === 'claimed' && task.owner !== session.sub) {
    const owner = task.owner ?? '';
    if (session.role !== 'supervisor') return <p className="note">{t('notYours')}</p>;
    return (
      <div className="take-over" data-testid="take-over">
        <p className="note">{t('heldByAnother', { owner })}</p>
        {confirming ? (
          <div className="notice" role="group" aria-label={t('takeOver')} data-testid="take-over-confirmation">
            <p>{t('takeOverConfirm', { owner })}</p>
            <button onClick={() => void take(true)} disabled={busy} autoFocus>
              {t('takeOverYes')}
            </button>{' '}
            <button className="secondary" onClick={() => setConfirming(false)} disabled={busy}>
              {t('takeOverCancel')}
            </button>
          </div>
        ) : (
          <button onClick={() => setConfirming(true)}>{t('takeOver')}</button>
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

/** The holder may have let the task go in the meantime: then there is nothing to release, and the claim follows. */
async function releaseUnlessLetGo(session: Session, taskId: string): Promise<void> {
  try {
    await api(session, 'POST', `/api/d-tasks/${taskId}/release`, {});
  } catch (caught) {
    if (!(caught instanceof ApiError && caught.body.reason === 'not-claimed')) throw caught;
  }
}
