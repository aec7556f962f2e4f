import { useState } from 'react';
import { api, Session, TaskDetail } from '../api';
import { useT } from '../i18n';
import { ESCALATED_URGENCIES } from '../../../../libs/events/src/vocabulary-values';
import type { EscalatedUrgency } from '@dtask/events';
import { WordSelect } from '../choices';
import type { PanelForm } from './task-drafts';
import { claimable } from './TakeInHand';

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

/**
 * Who may raise a requested unit's urgency from the panel, and to which levels (most urgent first),
 * as the decider takes it: on an open task, upwards only, by the holder or a supervisor. A nurse
 * takes a task no one holds in hand first, where the service lets her (a call back pending); once
 * the unit is on scene its crew is with the patient, and there is nothing to raise from here.
 */
export function unitEscalation(task: TaskDetail, session: Session): { levels: EscalatedUrgency[]; claimFirst: boolean } | undefined {
  const onScene = task.history.some((event) => event.type === 'MissionUpdated' && event.data.stage !== 'unit-assigned');
  const below = (ESCALATED_URGENCIES as readonly string[]).indexOf(task.urgency);
  const levels = below < 0 ? [...ESCALATED_URGENCIES] : ESCALATED_URGENCIES.slice(0, below);
  if (task.status === 'closed' || task.unitRequested === null || onScene || levels.length === 0) return undefined;
  if (task.owner === session.sub) return { levels, claimFirst: false };
  if (task.owner) return undefined;
  if (session.role === 'supervisor') return { levels, claimFirst: false };
  return session.role === 'nurse' && claimable(task) ? { levels, claimFirst: true } : undefined;
}

/** QA6 item 6: the unit on its way goes up again when a later call finds the patient worse (after S8's recall raised it to C, to B or A). */
export function UnitEscalationForm({
  task, session, form, send, setError, onRefused,
}: {
  task: TaskDetail;
  session: Session;
  form: PanelForm;
  send: (path: string, body: unknown, after?: () => void) => Promise<void>;
  setError: (key: string) => void;
  onRefused: (caught: unknown) => void;
}) {
  const t = useT();
  const { drafts, update, busy } = form;
  const [claiming, setClaiming] = useState(false);
  const allowed = unitEscalation(task, session);
  if (!allowed) return null;
  // The level shown is one the service takes: the typed one if still above, else the next one up.
  const to = allowed.levels.includes(drafts.escalateTo) ? drafts.escalateTo : allowed.levels.at(-1)!;

  async function raise() {
    const reason = drafts.escalationReason.trim();
    if (!reason) return setError('escalationReasonRequired');
    if (allowed!.claimFirst) {
      setClaiming(true);
      try {
        await api(session, 'POST', `/api/d-tasks/${task.taskId}/claim`, {});
      } catch (caught) {
        return onRefused(caught);
      } finally {
        setClaiming(false);
      }
    }
    return send('escalation', { urgency: to, reason }, () => update({ escalationReason: '' }));
  }

  return (
    <fieldset className="escalation" data-testid="unit-escalation" data-section="escalation">
      <legend>
        {/* The panel's keys act for the task's holder only. */}
        {t('escalation')} {task.status === 'claimed' && task.owner === session.sub && <kbd>e</kbd>}
      </legend>
      <p className="note">{t('unitEscalationNote', { urgency: task.urgency })}</p>
      <WordSelect name="escalateTo" label={t('urgency')} value={to} options={allowed.levels} words={(level) => t(`urgency.${level}`)} onChange={(escalateTo) => update({ escalateTo })} />
      <label>
        {t('reason')}
        <input name="escalationReason" value={drafts.escalationReason} onChange={(event) => update({ escalationReason: event.target.value })} />
      </label>
      <button onClick={() => void raise()} disabled={busy || claiming}>
        {t('escalate')}
      </button>
    </fieldset>
  );
}
