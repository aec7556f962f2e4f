import { useEffect, useRef, useState } from 'react';
import { api, DeskState, Session } from './api';
import type { RepeatCallNotice as Notice } from './desk/repeat-call-notices';
import { useLanguage, useT } from './i18n';
import { serviceNameIn } from './i18n/place-names';
import { PatientHeader } from './PatientHeader';
import { FollowUpCard } from './FollowUpCard';
import { TaskOutcome } from './TaskOutcome';
import { History, RecordedAssessment, Shortcuts } from './TaskRecord';
import { refusalText } from './words';
import { AssessmentForm } from './task-panel/AssessmentForm';
import { CallbackSection, OutcomeButtons, ReleaseButton } from './task-panel/CallbackButtons';
import { DecisionForm } from './task-panel/DecisionForm';
import { EscalationForm, UnitEscalationForm } from './task-panel/EscalationForm';
import { LinkedTasks } from './task-panel/LinkedTasks';
import { RecallSection } from './task-panel/RecallSection';
import { RecordOfCare } from './task-panel/RecordOfCare';
import { RepeatCallNotice } from './task-panel/RepeatCallNotice';
import { TakeInHand } from './task-panel/TakeInHand';
import { ConsultForm, ConsultList } from './task-panel/ConsultSection';
import { consultsOf } from './task-panel/consults';
import { decisionBody } from './task-panel/decision-body';
import { AFTER_ASSESSMENT_SAVED, assessmentBody, Drafts, EMPTY_DRAFTS, PanelForm, unsavedText } from './task-panel/task-drafts';
import { taskRules } from './task-panel/task-rules';
import { useTaskDetail } from './task-panel/use-task-detail';
import { usePanelKeys } from './task-panel/use-panel-keys';
import { useNewestConsult } from './task-panel/use-newest-consult';
import { helplineEvents, stageKey } from './task-panel/stage-words';
import './task-panel/task-panel.css';

/**
 * One task in hand. The desk mounts it with `key={taskId}`: every task opens with empty forms, and
 * nothing typed for one task can be sent for another. The drafts live here, in this one keyed
 * component; the forms it renders hold no state of their own.
 */
export function TaskPanel({
  session, taskId, limits, taskEvents, savedDrafts, onDrafts, repeatCall, onRepeatCall, onAcknowledgeRepeatCall, onOpenTask, onChanged, onClose,
}: {
  session: Session;
  taskId: string;
  limits: DeskState['limits'];
  taskEvents: EventTarget;
  /** This task's own unsaved text, kept by the desk while the nurse works on another task. */
  savedDrafts?: Drafts;
  onDrafts: (drafts: Drafts) => void;
  /** This task's own repeat-call notice, until the nurse acknowledges it. */
  repeatCall?: Notice;
  onRepeatCall: (notice: Notice) => void;
  onAcknowledgeRepeatCall: (taskId: string) => void;
  /** Opens another task (the same patient's linked one) in the panel. */
  onOpenTask: (taskId: string) => void;
  onChanged: () => void;
  onClose: () => void;
}) {
  const t = useT();
  const language = useLanguage();
  // What went wrong, put in words where it shows, so a change of language changes it too; a
  // decision's refusal shows beside its Confirm button (`at`), every other one above the forms.
  type Failure = ({ key: string; values?: Record<string, number> } | { caught: unknown }) & { at?: 'decision' };
  const [failure, setFailure] = useState<Failure>();
  const error = failure && ('key' in failure ? t(failure.key, failure.values) : refusalText(t, failure.caught));
  const setError = (key: string | undefined) => setFailure(key === undefined ? undefined : { key });
  const refused = (caught: unknown, at?: 'decision') => setFailure({ caught, at });
  const { task, load, services, municipality } = useTaskDetail(session, taskId, taskEvents, refused);
  const [drafts, setDrafts] = useState<Drafts>(() => savedDrafts ?? EMPTY_DRAFTS);
  useEffect(() => {
    onDrafts(drafts);
  }, [drafts, onDrafts]);
  const [busy, setBusy] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const update = (patch: Partial<Drafts>) => setDrafts((current) => ({ ...current, ...patch }));

  async function send(path: string, body: unknown = {}, after?: () => void, at?: 'decision'): Promise<void> {
    if (busy) return;
    setBusy(true);
    try {
      await api(session, 'POST', `/api/d-tasks/${taskId}/${path}`, body);
      setError(undefined);
      after?.();
      await load();
      onChanged();
    } catch (caught) {
      refused(caught, at);
    } finally {
      setBusy(false);
    }
  }

  usePanelKeys(root, task, session, drafts, send, busy);
  useNewestConsult(task, drafts, update);

  if (!task) return <p data-testid="task-panel">{error ?? t('loading')}</p>;

  const rules = taskRules(task, session, drafts);
  const { mine, canAct, recorded, recordedFlags, recordedConcern, reached, mustEscalate, followUpOpen, followUpMine, kind, mayClose } = rules;
  const form: PanelForm = { drafts, update, busy };
  const release = () => void send('release');
  // Claimed or taken over from the panel: the panel and the desk read the task as it now stands.
  const taken = () => {
    setError(undefined);
    void load();
    onChanged();
  };
  const consults = consultsOf(task.history);
  const helpline = helplineEvents(services);

  function decide() {
    const decision = decisionBody(drafts, kind, Date.now(), limits.handoffVisitHours);
    if ('missing' in decision) return setFailure({ key: decision.missing, values: decision.values, at: 'decision' });
    return send('decision', decision.body, () => setDrafts(EMPTY_DRAFTS), 'decision');
  }

  function recordConsult() {
    const question = drafts.consultQuestion.trim();
    const advice = drafts.consultAdvice.trim();
    if (!drafts.consultant || !question || !advice) return setError('consultRequired');
    return send('consult', { consultant: drafts.consultant, question, advice }, () => update({ consultant: '', consultQuestion: '', consultAdvice: '' }));
  }

  async function escalate() {
    const reason = drafts.escalationReason.trim() || [...recordedFlags, ...drafts.flags].map((flag) => t(flag)).join(', ') || (recordedConcern || drafts.concern ? t('concern') : '');
    if (!reason) return setError('escalationReasonRequired');
    // What the nurse found is part of the record: an unsaved assessment is saved before the escalation.
    const unsaved = drafts.flags.length > 0 || drafts.concern || drafts.symptoms.trim() || drafts.notes.trim();
    if (unsaved) {
      try {
        await api(session, 'POST', `/api/d-tasks/${taskId}/assessment`, assessmentBody(drafts));
      } catch (caught) {
        return refused(caught);
      }
    }
    return send('escalation', { urgency: drafts.escalateTo, reason }, () => setDrafts(EMPTY_DRAFTS));
  }

  return (
    <div tabIndex={-1} ref={root} data-testid="task-panel" data-task-id={taskId} className="task-panel">
      <div className="panel-title">
        <h2>
          {t(stageKey(task, services))}
          {task.owner && !mine ? ` · ${t('claimedBy', { owner: task.owner })}` : ''}
        </h2>
        <button onClick={onClose}>{t('closePanel')}</button>
      </div>
      <PatientHeader task={task} limits={limits} />
      <RepeatCallNotice task={task} mine={mine} notice={repeatCall} onHeard={onRepeatCall} onAcknowledge={onAcknowledgeRepeatCall} />
      <LinkedTasks task={task} onOpenTask={onOpenTask} />
      {error && failure?.at !== 'decision' && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <TaskOutcome task={task} limits={limits} draftText={unsavedText(drafts)} serviceName={(id) => nameOfService(services, id, language)} helpline={helpline} />
      {task.status === 'closed' && <RecordOfCare session={session} taskId={taskId} />}
      <TakeInHand task={task} session={session} unsaved={unsavedText(drafts)} onTaken={taken} onRefused={refused} />
      <RecordedAssessment history={task.history} />

      {canAct && rules.recontactNeeded && (
        <p className="notice notice-severe" data-testid="recontact-needed">
          ⚠ {t(rules.recontactNeeded === 'repeat-call' ? 'recontactAfterRepeatCall' : 'recontactNeeded', { count: limits.s1FailedAttempts })}
        </p>
      )}
      {canAct && rules.reassessNeeded && (
        <p className="notice" data-testid="reassess-needed">
          {t('reassessNeeded')}
        </p>
      )}
      {canAct && <CallbackSection busy={busy} mine={mine} onOutcome={(outcome) => void send('callbacks', { outcome })} onRelease={release} />}

      {canAct && reached && (
        <AssessmentForm
          form={form}
          recordedFlags={recordedFlags}
          recordedConcern={recordedConcern}
          savedAt={recorded.at(-1)?.metadata.occurredAt}
          onSave={() => void send('assessment', assessmentBody(drafts), () => update(AFTER_ASSESSMENT_SAVED))}
        />
      )}

      <ConsultList consults={consults} />
      {rules.mayConsult && <ConsultForm form={form} decided={rules.decidedBefore} onRecord={() => void recordConsult()} />}

      {canAct && reached && mustEscalate && <EscalationForm form={form} onEscalate={() => void escalate()} />}

      {canAct && !mustEscalate && (
        <DecisionForm
          form={form}
          rules={rules}
          overridden={task.overrides.includes('S4-second-contact')}
          services={services}
          municipality={municipality ?? ''}
          consults={consults}
          visitHours={limits.handoffVisitHours}
          refusal={failure?.at === 'decision' && error ? { text: error, of: failure } : undefined}
          onConfirm={() => void decide()}
        />
      )}

      {followUpOpen && (
        <FollowUpCard task={task} limits={limits}>
          {followUpMine && <OutcomeButtons busy={busy} followUp onOutcome={(outcome) => void send('follow-up', { outcome })} />}
          {followUpMine && <ReleaseButton busy={busy} onRelease={release} />}
        </FollowUpCard>
      )}

      <RecallSection
        task={task}
        form={form}
        recallsMine={rules.recallsMine}
        mayScheduleRecall={rules.mayScheduleRecall}
        hideFollowUp={followUpOpen}
        send={send}
        setError={setError}
        onRelease={rules.releaseAfterRecall ? release : undefined}
      />
      <UnitEscalationForm task={task} session={session} form={form} send={send} setError={setError} onRefused={refused} />

      {mayClose && (
        <button className="secondary" onClick={() => void send('close')} data-testid="close-task" disabled={busy}>
          <kbd>c</kbd> {t('closeTask')}
        </button>
      )}

      {rules.holding && <Shortcuts active={{ callback: canAct || followUpMine, assessment: canAct && reached, decision: canAct && !mustEscalate, escalation: canAct && reached && mustEscalate, close: mayClose }} />}
      <History history={task.history} helpline={helpline} />
    </div>
  );
}

/** A service of the directory by its id, named as the language names it; its id if the directory has none. */
function nameOfService(services: { id: string; name: string; nameSv?: string }[] | undefined, id: string, language: ReturnType<typeof useLanguage>): string {
  const service = services?.find((candidate) => candidate.id === id);
  return service ? serviceNameIn(service, language) : id;
}
