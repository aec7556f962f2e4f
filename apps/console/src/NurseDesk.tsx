import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { api, DeskState, QueueItem, Session } from './api';
import { ClosedTasks } from './desk/ClosedTasks';
import { MyTasks } from './desk/MyTasks';
import { QueueRow } from './desk/QueueRow';
import { useDocumentKeys } from './desk/use-document-keys';
import { useHeldTaskRepeatCalls } from './desk/use-held-task-repeat-calls';
import { useQueueCursor } from './desk/use-queue-cursor';
import { useLanguage, useT } from './i18n';
import { placeName } from './i18n/place-names';
import { TaskPanel } from './TaskPanel';
import type { Drafts } from './task-panel/task-drafts';
import { refusalText, taskCodeText } from './words';

/**
 * The live queue and the task in hand. Keys, from the moment the desk loads: j/k move the cursor,
 * Enter (on the queue, or with nothing focused) claims the task under it, and the panel's own keys
 * work the task (shown in the panel).
 */
export function NurseDesk({
  session, desk, taskEvents, selected, onSelect, onChanged,
}: { session: Session; desk: DeskState; taskEvents: EventTarget; selected?: string; onSelect: (taskId: string | undefined) => void; onChanged: () => void }) {
  const t = useT();
  const language = useLanguage();
  const [now, setNow] = useState(Date.now());
  const [error, setError] = useState<string>();
  // The task last announced, put in words where it is read out, so it follows the chosen language.
  const [announced, setAnnounced] = useState<QueueItem>();
  const known = useRef<Set<string> | undefined>(undefined);
  // Unsaved text per task: switching to another patient and back loses nothing, and never mixes them.
  const drafts = useRef(new Map<string, Drafts>());
  const keepDrafts = useCallback((taskId: string, value: Drafts) => void drafts.current.set(taskId, value), []);
  const queue = desk.queue;
  const mine = desk.claimed.filter((task) => task.owner === session.sub);
  const repeatCalls = useHeldTaskRepeatCalls(session.sub, taskEvents, mine, selected);

  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);

  const cursor = useQueueCursor(queue, desk.claimed, session.sub);
  const { cursorTask, cursorIndex } = cursor;

  // New tasks are announced to screen readers, not only painted; one back from a service as returned.
  useEffect(() => {
    const ids = new Set(queue.map((task) => task.taskId));
    if (known.current) {
      const fresh = queue.find((task) => !known.current!.has(task.taskId));
      if (fresh) setAnnounced(fresh);
    }
    known.current = ids;
  }, [queue]);
  // Said only while the task is still in the queue: one S2 or another nurse has taken is no news to act on.
  const announcement = announced && queue.some((task) => task.taskId === announced.taskId)
    ? t(announced.flags.includes('handoff-returned') ? 'returnedTaskAnnounced' : 'newTaskAnnounced', {
        code: `${announced.taskCode} ${taskCodeText(t, announced.taskCode)}`.trim(),
        area: placeName(announced.municipality, language),
      })
    : '';

  // A task opened from the wall or "my tasks" comes into view, wherever the desk was scrolled.
  const panel = useRef<HTMLElement>(null);
  useEffect(() => {
    const element = panel.current;
    if (!selected || !element) return;
    // Only when the panel is out of sight (one column, zoomed in): beside the queue it already is in view.
    const { top } = element.getBoundingClientRect();
    if (top < 0 || top > window.innerHeight - 120) element.scrollIntoView({ block: 'start' });
  }, [selected]);

  async function claim(taskId: string) {
    cursor.claiming(taskId);
    try {
      await api(session, 'POST', `/api/d-tasks/${taskId}/claim`, {});
      setError(undefined);
      onSelect(taskId);
      onChanged();
    } catch (caught) {
      setError(refusalText(t, caught));
    }
  }

  useDocumentKeys((event, target) => {
    if (event.key === 'j') cursor.move(1);
    if (event.key === 'k') cursor.move(-1);
    // Enter claims only from the queue itself, or from nowhere while no task is open (focus lost
    // with a task in hand is no claim): a focused button, link or task entry does its own thing.
    const fromQueue = target.closest('[data-queue]') || (target === document.body && !selected);
    if (event.key === 'Enter' && fromQueue && !target.closest('button, a, summary')) {
      const task = queue[cursorIndex];
      if (task) {
        event.preventDefault();
        if (cursor.enterClaims()) void claim(task.taskId);
      }
    }
  });

  return (
    <div className="desk">
      <section className="card queue" aria-label={t('queue')}>
        <h2>
          {t('queue')} <span data-testid="queue-length">{queue.length}</span>
        </h2>
        <p className="visually-hidden" aria-live="polite">
          {announcement}
        </p>
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        {cursor.moved && (
          <p role="status" className="notice" data-testid="cursor-moved">
            {t(cursor.moved.taken ? 'cursorTaskTaken' : 'cursorTaskLeft')} {t('cursorOnNextTask')}
          </p>
        )}
        <MyTasks mine={mine} selected={selected} now={now} notices={repeatCalls.notices} onSelect={onSelect} />
        {queue.length === 0 ? (
          <p>{t('queueEmptyLive')}</p>
        ) : (
          <table data-queue tabIndex={0} role="grid" aria-label={t('queueAria')} aria-activedescendant={cursorTask ? `queue-${cursorTask}` : undefined}>
            <thead>
              <tr>
                <th>{t('waiting')}</th>
                <th>{t('flags')}</th>
                <th>{t('code')}</th>
                <th>{t('area')}</th>
                <th>{t('patient')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {queue.map((task, index) => (
                <QueueRow key={task.taskId} task={task} now={now} cursor={index === cursorIndex} onClaim={() => void claim(task.taskId)} language={language} />
              ))}
            </tbody>
          </table>
        )}
        <ClosedTasks session={session} selected={selected} onSelect={onSelect} />
      </section>
      <section className="card task" aria-label={t('decision')} ref={panel}>
        {selected ? (
          <SelectedTask
            key={selected}
            taskId={selected}
            session={session}
            limits={desk.limits}
            taskEvents={taskEvents}
            savedDrafts={drafts.current.get(selected)}
            keepDrafts={keepDrafts}
            repeatCall={repeatCalls.notices.get(selected)}
            onRepeatCall={repeatCalls.heard}
            onAcknowledgeRepeatCall={repeatCalls.acknowledge}
            onOpenTask={onSelect}
            onChanged={onChanged}
            onClose={() => onSelect(undefined)}
          />
        ) : (
          <p>{t('select')}</p>
        )}
      </section>
    </div>
  );
}

/** The task in hand, with its own unsaved text handed back and forth with the desk. */
function SelectedTask({
  taskId, keepDrafts, ...panel
}: Omit<React.ComponentProps<typeof TaskPanel>, 'onDrafts'> & { keepDrafts: (taskId: string, drafts: Drafts) => void }) {
  const onDrafts = useMemo(() => (value: Drafts) => keepDrafts(taskId, value), [keepDrafts, taskId]);
  return <TaskPanel taskId={taskId} onDrafts={onDrafts} {...panel} />;
}
