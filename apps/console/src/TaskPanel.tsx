import type { EscalatedUrgency } from '@dtask/events';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { api, DeskState, Session, TaskDetail } from './api';
import { helsinkiTime, nextHelsinkiTime } from './format';
import { useLanguage, useT } from './i18n';
import { coalesce } from './live';
import { PatientHeader, receivedOf } from './PatientHeader';
import { FollowUpCard } from './FollowUpCard';
import { TaskOutcome } from './TaskOutcome';
import { History, RecordedAssessment, Shortcuts } from './TaskRecord';
import { refusalText } from './words';
import { CALLBACK_OUTCOMES, DTASK_STREAM_PREFIX, ESCALATED_URGENCIES, RED_FLAGS, UNIT_LEVELS } from '../../../libs/events/src/vocabulary-values';

type DecisionKind = 'send-unit' | 'phone-advice' | 'redirect';
/** What the nurse has typed for one task and not yet saved; the desk keeps it per task id. */
export interface Drafts {
  flags: string[];
  concern: boolean;
  symptoms: string;
  notes: string;
  kind: DecisionKind;
  unitLevel: string;
  urgency: 'D' | 'C';
  advice: string;
  safetyNet: string;
  /** Minutes from now of the follow-up call, or a Helsinki wall time `hh.mm` (the next one). */
  followUpIn: string;
  followUpTime: string;
  target: string;
  handoffNote: string;
  informed: boolean;
  escalateTo: EscalatedUrgency;
  escalationReason: string;
}
const EMPTY: Drafts = {
  flags: [], concern: false, symptoms: '', notes: '', kind: 'phone-advice', unitLevel: 'basic', urgency: 'D',
  advice: '', safetyNet: '', followUpIn: '', followUpTime: '', target: '', handoffNote: '', informed: false, escalateTo: 'B', escalationReason: '',
};

/** One opening of the panel is one logged read of the task's personal data, however often it refreshes. */
function newOpeningId(): string {
  if (globalThis.crypto?.randomUUID) return globalThis.crypto.randomUUID();
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * One task in hand. The desk mounts it with `key={taskId}`: every task opens with empty forms, and
 * nothing typed for one task can be sent for another.
 */
export function TaskPanel({
  session, taskId, limits, taskEvents, savedDrafts, onDrafts, onChanged, onClose,
}: {
  session: Session;
  taskId: string;
  limits: DeskState['limits'];
  taskEvents: EventTarget;
  /** This task's own unsaved text, kept by the desk while the nurse works on another task. */
  savedDrafts?: Drafts;
  onDrafts: (drafts: Drafts) => void;
  onChanged: () => void;
  onClose: () => void;
}) {
  const t = useT();
  const language = useLanguage();
  const [openingId] = useState(newOpeningId);
  const [task, setTask] = useState<TaskDetail>();
  const [error, setError] = useState<string>();
  const [services, setServices] = useState<{ id: string; name: string }[]>([]);
  const [drafts, setDrafts] = useState<Drafts>(() => savedDrafts ?? EMPTY);
  useEffect(() => {
    onDrafts(drafts);
  }, [drafts, onDrafts]);
  const [busy, setBusy] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const set = <K extends keyof Drafts>(key: K, value: Drafts[K]) => setDrafts((current) => ({ ...current, [key]: value }));

  const load = useCallback(async () => setTask(await api<TaskDetail>(session, 'GET', `/api/d-tasks/${taskId}?opening=${openingId}`)), [session, taskId, openingId]);
  const refresh = useMemo(() => coalesce(load, 100), [load]);
  useEffect(() => {
    load().catch((caught) => setError(refusalText(t, caught)));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [load]);
  // Refetch only when an event of this task's own stream arrives.
  useEffect(() => {
    const stream = `${DTASK_STREAM_PREFIX}${taskId}`;
    taskEvents.addEventListener(stream, refresh);
    return () => taskEvents.removeEventListener(stream, refresh);
  }, [taskEvents, taskId, refresh]);

  const municipality = task ? receivedOf(task).municipality : undefined;
  useEffect(() => {
    if (!municipality) return;
    api<{ services: { id: string; name: string }[] }>(session, 'GET', `/api/services?municipality=${encodeURIComponent(municipality)}`).then(
      (answer) => setServices(answer.services),
      () => undefined,
    );
  }, [session, municipality]);

  async function send(path: string, body: unknown = {}, after?: () => void): Promise<void> {
    if (busy) return;
    setBusy(true);
    try {
      await api(session, 'POST', `/api/d-tasks/${taskId}/${path}`, body);
      setError(undefined);
      after?.();
      await load();
      onChanged();
    } catch (caught) {
      setError(refusalText(t, caught));
    } finally {
      setBusy(false);
    }
  }

  if (!task) return <p data-testid="task-panel">{error ?? t('loading')}</p>;

  const mine = task.owner === session.sub;
  // A decided task whose follow-up call is due is worked on its own card, not as a new first call.
  const inFollowUp = task.followUp !== null && task.decision !== null;
  // Only the holder works the task, supervisors included: opening a nurse's task to look is never acting on it.
  const canAct = task.status === 'claimed' && mine && !inFollowUp;
  const recorded = task.history.filter((event) => event.type === 'AssessmentRecorded');
  const recordedFlags = [...new Set(recorded.flatMap((event) => (event.data.redFlags as string[]) ?? []))];
  const recordedConcern = recorded.some((event) => event.data.concern === true);
  const reached = task.history.some((event) => event.type === 'CallbackAttempted' && event.data.outcome === 'reached');
  const mustEscalate = drafts.flags.length > 0 || drafts.concern || recordedFlags.length > 0 || recordedConcern;
  const followUpOpen = inFollowUp && task.status !== 'closed';
  const holding = task.status === 'claimed' && mine;
  const followUpMine = followUpOpen && holding;
  const target = drafts.target;
  // Advice and redirects need a reached patient and a saved assessment; until then only a unit can be sent.
  const noUnitAllowed = reached && recorded.length > 0;
  // S4: on a second contact, phone advice waits for the supervisor's override; say so before the nurse types it.
  const adviceNeedsOverride = task.flags.includes('second-contact') && !task.overrides.includes('S4-second-contact');
  const allowed = (option: DecisionKind) => option === 'send-unit' || (noUnitAllowed && !(option === 'phone-advice' && adviceNeedsOverride));
  const kind: DecisionKind = allowed(drafts.kind) ? drafts.kind : noUnitAllowed ? 'redirect' : 'send-unit';
  // With a follow-up call pending, only the nurse who holds the task (or a supervisor) may close it.
  const mayClose = canClose(task) && (mine || session.role === 'supervisor' || (!task.owner && !followUpOpen));
  const draftText = [drafts.symptoms, drafts.notes, drafts.advice, drafts.safetyNet, drafts.handoffNote, drafts.escalationReason].filter((text) => text.trim()).join('\n');

  function onKey(event: React.KeyboardEvent) {
    if ((event.target as HTMLElement).closest('input, textarea, select') || event.altKey || event.ctrlKey || event.metaKey) return;
    const outcome = CALLBACK_OUTCOMES[Number(event.key) - 1];
    if (outcome && followUpMine) return void send('follow-up', { outcome });
    if (outcome && canAct) return void send('callbacks', { outcome });
    const focus = (selector: string) => root.current?.querySelector<HTMLElement>(selector)?.focus();
    if (event.key === 'a') focus('[data-section=assessment] input');
    if (event.key === 'd') focus('[data-section=decision] [role=tab][aria-selected=true]');
    if (event.key === 'e') focus('[data-section=escalation] select');
    if (event.key === 'r' && holding) void send('release');
    if (event.key === 'c' && mayClose) void send('close');
  }

  function decide() {
    if (kind === 'send-unit') return send('decision', { kind: 'send-unit', unitLevel: drafts.unitLevel, urgency: drafts.urgency }, () => setDrafts(EMPTY));
    if (kind === 'phone-advice') {
      if (!drafts.advice.trim() || !drafts.safetyNet.trim()) return setError(t('adviceRequired'));
      if (!drafts.informed) return setError(t('informedRequired'));
      const followUpAt = followUpInstant(drafts);
      if (followUpAt === null) return setError(t('followUpTimeInvalid'));
      if (followUpAt && Date.parse(followUpAt) <= Date.now()) return setError(t('followUpInPast'));
      return send(
        'decision',
        { kind: 'phone-advice', advice: drafts.advice, safetyNet: drafts.safetyNet, patientInformed: true, ...(followUpAt ? { followUpAt } : {}) },
        () => setDrafts(EMPTY),
      );
    }
    if (!target) return setError(t('targetRequired'));
    if (!drafts.informed) return setError(t('informedRequired'));
    return send('decision', { kind: 'redirect', target, handoffNote: drafts.handoffNote, patientInformed: true }, () => setDrafts(EMPTY));
  }

  async function escalate() {
    const reason = drafts.escalationReason.trim() || [...recordedFlags, ...drafts.flags].map((flag) => t(flag)).join(', ') || (recordedConcern || drafts.concern ? t('concern') : '');
    if (!reason) return setError(t('escalationReasonRequired'));
    // What the nurse found is part of the record: an unsaved assessment is saved before the escalation.
    const unsaved = drafts.flags.length > 0 || drafts.concern || drafts.symptoms.trim() || drafts.notes.trim();
    if (unsaved) {
      try {
        await api(session, 'POST', `/api/d-tasks/${taskId}/assessment`, { redFlags: drafts.flags, concern: drafts.concern, symptoms: drafts.symptoms, notes: drafts.notes, existingServices: [] });
      } catch (caught) {
        return setError(refusalText(t, caught));
      }
    }
    return send('escalation', { urgency: drafts.escalateTo, reason }, () => setDrafts(EMPTY));
  }

  return (
    <div onKeyDown={onKey} tabIndex={-1} ref={root} data-testid="task-panel" data-task-id={taskId} className="task-panel">
      <div className="panel-title">
        <h2>
          {t(`status.${task.status}`)}
          {task.owner && !mine ? ` · ${t('claimedBy', { owner: task.owner })}` : ''}
        </h2>
        <button onClick={onClose}>{t('closePanel')}</button>
      </div>
      <PatientHeader task={task} limits={limits} />
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <TaskOutcome task={task} limits={limits} draftText={draftText} serviceName={(id) => services.find((service) => service.id === id)?.name ?? id} />
      {!mine && task.status === 'claimed' && <p className="note">{t('notYours')}</p>}
      <RecordedAssessment history={task.history} />

      {canAct && (
        <fieldset data-section="callback">
          <legend>
            {t('callback')} <kbd>1</kbd>–<kbd>4</kbd>
          </legend>
          {CALLBACK_OUTCOMES.map((outcome, index) => (
            <button key={outcome} onClick={() => void send('callbacks', { outcome })} data-outcome={outcome} disabled={busy}>
              <kbd>{index + 1}</kbd> {t(outcome)}
            </button>
          ))}
          {mine && (
            <button className="secondary" onClick={() => void send('release')} data-testid="release" disabled={busy}>
              <kbd>r</kbd> {t('releaseTask')}
            </button>
          )}
        </fieldset>
      )}

      {canAct && reached && (
        <fieldset data-section="assessment">
          <legend>
            {t('assessment')} <kbd>a</kbd>
          </legend>
          {recordedFlags.length > 0 && (
            <p className="recorded-flags">
              {t('recordedRedFlags')}: {recordedFlags.map((flag) => t(flag)).join(', ')}
            </p>
          )}
          <div className="red-flags" role="group" aria-label={t('redFlags')}>
            {RED_FLAGS.map((flag) => (
              <label key={flag}>
                <input
                  type="checkbox"
                  name={flag}
                  checked={drafts.flags.includes(flag) || recordedFlags.includes(flag)}
                  disabled={recordedFlags.includes(flag)}
                  onChange={(event) => set('flags', event.target.checked ? [...drafts.flags, flag] : drafts.flags.filter((f) => f !== flag))}
                />
                {t(flag)}
              </label>
            ))}
            <label>
              <input type="checkbox" name="concern" checked={drafts.concern || recordedConcern} disabled={recordedConcern} onChange={(event) => set('concern', event.target.checked)} />
              {t('concern')}
            </label>
          </div>
          <label>
            {t('symptoms')}
            <textarea name="symptoms" value={drafts.symptoms} onChange={(event) => set('symptoms', event.target.value)} />
          </label>
          <label>
            {t('notes')}
            <textarea name="notes" value={drafts.notes} onChange={(event) => set('notes', event.target.value)} />
          </label>
          <button
            disabled={busy}
            onClick={() =>
              void send('assessment', { redFlags: drafts.flags, concern: drafts.concern, symptoms: drafts.symptoms, notes: drafts.notes, existingServices: [] }, () =>
                setDrafts((current) => ({ ...current, flags: [], concern: false, symptoms: '', notes: '' })),
              )
            }
          >
            {t('saveAssessment')}
          </button>
          {recorded.length > 0 && <p className="note">{t('savedAssessment', { time: helsinkiTime(recorded[recorded.length - 1]!.metadata.occurredAt, language) })}</p>}
        </fieldset>
      )}

      {canAct && reached && mustEscalate && (
        <fieldset className="escalation" data-testid="escalation-panel" data-section="escalation">
          <legend>
            {t('escalation')} <kbd>e</kbd>
          </legend>
          <label>
            {t('urgency')}
            <select name="escalateTo" value={drafts.escalateTo} onChange={(event) => set('escalateTo', event.target.value as Drafts['escalateTo'])}>
              {ESCALATED_URGENCIES.map((level) => (
                <option key={level} value={level}>
                  {t(`urgency.${level}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('reason')}
            <input name="escalationReason" value={drafts.escalationReason} onChange={(event) => set('escalationReason', event.target.value)} />
          </label>
          <button onClick={() => void escalate()} disabled={busy}>
            {t('escalate')}
          </button>
        </fieldset>
      )}

      {canAct && !mustEscalate && (
        <fieldset data-testid="decision-panel" data-section="decision">
          <legend>
            {t('decision')} <kbd>d</kbd>
          </legend>
          {task.overrides.includes('S4-second-contact') && <p className="note">{t('secondContactOverridden')}</p>}
          {adviceNeedsOverride && <p className="notice notice-severe">⚠ {t('second-contact-needs-override')}</p>}
          <div role="tablist">
            {(['send-unit', 'phone-advice', 'redirect'] as const).map((option) => (
              <button key={option} role="tab" aria-selected={kind === option} disabled={!allowed(option)} onClick={() => set('kind', option)}>
                {t(option === 'send-unit' ? 'sendUnit' : option === 'phone-advice' ? 'phoneAdvice' : 'redirect')}
              </button>
            ))}
          </div>
          {kind === 'send-unit' && (
            <>
              <label>
                {t('unitLevel')}
                <select name="unitLevel" value={drafts.unitLevel} onChange={(event) => set('unitLevel', event.target.value)}>
                  {UNIT_LEVELS.map((level) => (
                    <option key={level} value={level}>
                      {t(`unit.${level}`)}
                    </option>
                  ))}
                </select>
              </label>
              <label>
                {t('urgency')}
                <select name="urgency" value={drafts.urgency} onChange={(event) => set('urgency', event.target.value as 'D' | 'C')}>
                  <option value="D">{t('urgency.D')}</option>
                  <option value="C">{t('urgency.C')}</option>
                </select>
              </label>
            </>
          )}
          {kind === 'phone-advice' && (
            <>
              <label>
                {t('advice')}
                <textarea name="advice" value={drafts.advice} onChange={(event) => set('advice', event.target.value)} />
              </label>
              <label>
                {t('safetyNet')}
                <textarea name="safetyNet" value={drafts.safetyNet} onChange={(event) => set('safetyNet', event.target.value)} />
              </label>
              <fieldset className="follow-up-when">
                <legend>{t('followUpAt')}</legend>
                {['', '60', '120', '240', '480'].map((minutes) => (
                  <label key={minutes} className="choice">
                    <input type="radio" name="followUpIn" value={minutes} checked={drafts.followUpIn === minutes && !drafts.followUpTime} onChange={() => setDrafts((current) => ({ ...current, followUpIn: minutes, followUpTime: '' }))} />
                    {minutes ? t('inHours', { hours: Number(minutes) / 60 }) : t('noFollowUp')}
                  </label>
                ))}
                <label className="choice">
                  {t('atTime')}
                  <input name="followUpTime" inputMode="numeric" placeholder="14.30" size={5} value={drafts.followUpTime} onChange={(event) => set('followUpTime', event.target.value)} />
                </label>
              </fieldset>
            </>
          )}
          {kind === 'redirect' && (
            <>
              <label>
                {t('target')}
                <select name="target" value={target} required onChange={(event) => set('target', event.target.value)}>
                  <option value="">{t('chooseService')}</option>
                  {services.map((service) => (
                    <option key={service.id} value={service.id}>
                      {service.name}
                    </option>
                  ))}
                </select>
              </label>
              <label>
                {t('handoffNote')}
                <textarea name="handoffNote" value={drafts.handoffNote} onChange={(event) => set('handoffNote', event.target.value)} />
              </label>
            </>
          )}
          {kind !== 'send-unit' && (
            <label>
              <input type="checkbox" name="patientInformed" checked={drafts.informed} onChange={(event) => set('informed', event.target.checked)} />
              {t('patientInformed')}
            </label>
          )}
          <button className="primary" onClick={() => void decide()} disabled={busy}>
            {t('confirm')}
          </button>
        </fieldset>
      )}

      {followUpOpen && (
        <FollowUpCard task={task} limits={limits}>
          {followUpMine &&
            CALLBACK_OUTCOMES.map((outcome, index) => (
              <button key={outcome} onClick={() => void send('follow-up', { outcome })} data-follow-up-outcome={outcome} disabled={busy}>
                <kbd>{index + 1}</kbd> {t(outcome)}
              </button>
            ))}
          {followUpMine && (
            <button className="secondary" onClick={() => void send('release')} data-testid="release" disabled={busy}>
              <kbd>r</kbd> {t('releaseTask')}
            </button>
          )}
        </FollowUpCard>
      )}

      {mayClose && (
        <button className="secondary" onClick={() => void send('close')} data-testid="close-task" disabled={busy}>
          <kbd>c</kbd> {t('closeTask')}
        </button>
      )}

      <Shortcuts />
      <History history={task.history} />
    </div>
  );
}

/** The follow-up call's time as an ISO instant; undefined for none, null when the time typed is no time. */
function followUpInstant(drafts: Drafts): string | undefined | null {
  if (drafts.followUpTime.trim()) {
    const at = nextHelsinkiTime(drafts.followUpTime, Date.now());
    return at === undefined ? null : new Date(at).toISOString();
  }
  return drafts.followUpIn ? new Date(Date.now() + Number(drafts.followUpIn) * 60_000).toISOString() : undefined;
}

/** A task may be closed by hand once its unit is sent, or when its advice follow-up is no longer needed. */
function canClose(task: TaskDetail): boolean {
  return task.status === 'decided' && (task.unitRequested !== null || task.decision === 'phone-advice');
}
