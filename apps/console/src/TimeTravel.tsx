import { FormEvent, useEffect, useMemo, useRef, useState } from 'react';
import uPlot from 'uplot';
import { ApiError, ReplayDay, ReplayLoad, Session } from './api';
import { addDays, formatDuration, formatNumber, HELSINKI, helsinkiDate, helsinkiDay, helsinkiMidnightIso, helsinkiTime } from './format';
import type { Language } from './i18n';
import { Plot, PlotOptions, verticalLine } from './Plot';
import { DateField } from './analyst/DateField';
import { areaName } from './wall/AlertTiles';

/** A replay's answer as the view shows it; 404 means the server has no replay routes (yet). */
export type Fetched<T> = { state: 'idle' } | { state: 'loading' } | { state: 'unavailable' } | { state: 'error'; message: string } | { state: 'ready'; value: T };

export async function fetched<T>(request: Promise<T>): Promise<Fetched<T>> {
  try {
    return { state: 'ready', value: await request };
  } catch (caught) {
    if (caught instanceof ApiError && caught.status === 404) return { state: 'unavailable' };
    return { state: 'error', message: (caught as Error).message };
  }
}

/** Shows what a fetch that is not ready has to say, or nothing once it is ready. */
export function FetchState({ of, loading, t }: { of: Fetched<unknown>; loading: string; t: (key: string) => string }) {
  if (of.state === 'loading') return <p role="status" aria-busy="true">{loading}</p>;
  if (of.state === 'unavailable') return <p role="alert">{t('notAvailable')}</p>;
  if (of.state === 'error') return <p role="alert">{of.message}</p>;
  return null;
}

const STEP_MINUTES = 15;
/** The queue at the slider's step is fetched once the slider has rested this long: not once per pixel. */
export const SLIDER_REST_MS = 300;

/** A GET that a newer one can cancel: an abandoned replay must not keep the server busy nor land in the view. */
async function getAbortable<T>(session: Session, path: string, signal: AbortSignal): Promise<T> {
  const response = await fetch(path, { headers: { authorization: `Bearer ${session.token}` }, signal });
  const payload = await response.json().catch(() => ({}));
  if (!response.ok) throw new ApiError(response.status, payload);
  return payload as T;
}

const FLAG_WORDS: Record<string, string> = {
  'second-contact': 'analyst.flag.second-contact',
  's2-alert': 'analyst.flag.s2-alert',
  'handoff-returned': 'analyst.flag.handoff-returned',
  'red-flags': 'analyst.flag.red-flags',
  escalated: 'analyst.flag.escalated',
  unreachable: 'analyst.flag.unreachable',
  'follow-up-pending': 'analyst.flag.follow-up-pending',
  'follow-up-due': 'analyst.flag.follow-up-due',
};

/**
 * A past day replayed from the events: queue length over the day, the figures at the slider's
 * step, and, once the slider rests, the queue as it stood then. A newer request supersedes (aborts)
 * one still in flight.
 */
export function TimeTravel({ session, language, t, initialDate }: { session: Session; language: Language; t: (key: string, values?: Record<string, string | number>) => string; initialDate?: string }) {
  const today = helsinkiDate(Date.now());
  const [date, setDate] = useState(() => (initialDate && initialDate < today ? initialDate : addDays(today, -1)));
  const [day, setDay] = useState<Fetched<ReplayDay>>({ state: 'idle' });
  const [index, setIndex] = useState(0);
  const [queue, setQueue] = useState<Fetched<ReplayLoad>>({ state: 'idle' });
  const plot = useRef<uPlot | undefined>(undefined);
  const shownIndex = useRef(0);
  shownIndex.current = index;
  const dayRequest = useRef<AbortController | undefined>(undefined);
  const queueRequest = useRef<AbortController | undefined>(undefined);
  const resting = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const cancelQueue = () => {
    clearTimeout(resting.current);
    queueRequest.current?.abort();
    queueRequest.current = undefined;
  };
  useEffect(
    () => () => {
      cancelQueue();
      dayRequest.current?.abort();
    },
    [],
  );

  async function showDay(event: FormEvent) {
    event.preventDefault();
    // No day to show until the field reads one.
    if (!date) return;
    dayRequest.current?.abort();
    cancelQueue();
    const controller = new AbortController();
    dayRequest.current = controller;
    setDay({ state: 'loading' });
    setQueue({ state: 'idle' });
    const result = await fetched(getAbortable<ReplayDay>(session, `/api/replay/day?date=${encodeURIComponent(date)}&stepMinutes=${STEP_MINUTES}`, controller.signal));
    if (controller.signal.aborted) return;
    const middle = result.state === 'ready' ? Math.floor(result.value.steps.length / 2) : 0;
    setIndex(middle);
    setDay(result);
  }

  async function showQueue(at: string) {
    queueRequest.current?.abort();
    const controller = new AbortController();
    queueRequest.current = controller;
    const request = fetched(getAbortable<ReplayLoad>(session, `/api/replay/load?at=${encodeURIComponent(at)}`, controller.signal));
    setQueue({ state: 'loading' });
    const result = await request;
    if (!controller.signal.aborted) setQueue(result);
  }

  /** The figures follow the slider at once; the queue, a heavier replay, waits until the slider rests. */
  function move(next: number) {
    setIndex(next);
    if (day.state !== 'ready') return;
    cancelQueue();
    const step = day.value.steps[next];
    if (step) resting.current = setTimeout(() => void showQueue(step.at), SLIDER_REST_MS);
  }

  useEffect(() => plot.current?.redraw(false), [index]);

  const chart = useMemo(() => {
    if (day.state !== 'ready') return undefined;
    const steps = day.value.steps;
    const options: PlotOptions = {
      height: 220,
      tzDate: (seconds) => uPlot.tzDate(new Date(seconds * 1000), HELSINKI),
      scales: { y: { range: (_u, _min, max) => [0, Math.max(1, max) * 1.1] } },
      // 24-hour ticks on the centre's clock, in every language.
      axes: [{ label: t('time'), values: (_u, splits) => splits.map((seconds) => helsinkiTime(new Date(seconds * 1000).toISOString(), language)) }, { label: t('queueLength') }],
      series: [
        { label: t('time'), value: (_u, seconds) => helsinkiTime(new Date(seconds * 1000).toISOString(), language) },
        { label: t('queueLength'), stroke: '#c0392b', width: 2 },
        { label: t('decisionsInStep'), stroke: '#2471a3', width: 1, dash: [4, 3] },
      ],
      hooks: {
        draw: [
          (u) => {
            const step = steps[shownIndex.current];
            if (step) verticalLine(u, Date.parse(step.at) / 1000, '#1c2833', '', []);
          },
        ],
      },
    };
    const data: uPlot.AlignedData = [steps.map((s) => Date.parse(s.at) / 1000), steps.map((s) => s.queueLength), steps.map((s) => s.decisions)];
    return { options, data };
  }, [day, language]); // `t` follows `language`

  const steps = day.state === 'ready' ? day.value.steps : [];
  const step = steps[index];
  return (
    <section className="card time-travel" aria-label={t('timeTravel')}>
      <h2>{t('timeTravel')}</h2>
      <form className="inline" onSubmit={showDay}>
        <DateField name="replay-date" label={t('pastDay')} value={date} max={today} onChange={setDate} />
        <button type="submit">{t('show')}</button>
      </form>
      <FetchState of={day} loading={t('replaying')} t={t} />
      {day.state === 'ready' && steps.length === 0 && <p>{t('noTasks')}</p>}
      {chart && step && (
        <>
          <Plot title={`${t('queueLength')} · ${day.state === 'ready' ? helsinkiDay(helsinkiMidnightIso(day.value.date), language) : ''}`} options={chart.options} data={chart.data} testId="chart-replay-day" plotRef={plot} />
          <label>
            {t('timeOfDay')}: <strong data-testid="replay-at">{helsinkiTime(step.at, language)}</strong>
            <input
              type="range"
              name="replay-time"
              min={0}
              max={steps.length - 1}
              step={1}
              value={index}
              aria-valuetext={helsinkiTime(step.at, language)}
              onChange={(event) => move(Number(event.target.value))}
            />
          </label>
          <dl className="figures" data-testid="replay-figures">
            <div><dt>{t('queueLength')}</dt><dd data-testid="replay-queue-length">{step.queueLength}</dd></div>
            {/* As the wall's figure: the wait of tasks awaiting a first decision, "–" when none does (never "0 s" beside an empty queue). */}
            <div><dt>{t('wall.oldestWaitNew')}</dt><dd data-testid="replay-oldest-wait">{step.oldestWaitSeconds === 0 ? '–' : formatDuration(step.oldestWaitSeconds)}</dd></div>
            <div><dt>{t('claimed')}</dt><dd data-testid="replay-claimed">{step.claimed}</dd></div>
            <div><dt>{t('awaitingHandoff')}</dt><dd data-testid="replay-awaiting-handoff">{step.awaitingHandoff}</dd></div>
            <div><dt>{t('nursesActive')}</dt><dd data-testid="replay-nurses-active">{step.nursesActive}</dd></div>
            <div><dt>{t('decisionsInStep')}</dt><dd data-testid="replay-decisions">{step.decisions}</dd></div>
          </dl>
          {queue.state === 'idle' && <p>{t('analyst.queueFollowsSlider')}</p>}
          <FetchState of={queue} loading={t('replaying')} t={t} />
          {queue.state === 'ready' && <ReplayQueue replay={queue.value} language={language} t={t} />}
        </>
      )}
    </section>
  );
}

/** The queue at one past instant: codes, areas and flags only, no personal data. */
function ReplayQueue({ replay, language, t }: { replay: ReplayLoad; language: Language; t: (key: string) => string }) {
  const tasks = replay.queue.tasks;
  return (
    <div data-testid="replay-queue">
      <h3>
        {t('queueThen')} · {helsinkiTime(replay.at, language)} · <span data-testid="replay-queue-count">{formatNumber(tasks.length, language)}</span>
      </h3>
      {tasks.length === 0 ? (
        <p>{t('noTasks')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>{t('code')}</th>
              <th>{t('area')}</th>
              <th>{t('urgency')}</th>
              <th>{t('waiting')}</th>
              <th>{t('flags')}</th>
            </tr>
          </thead>
          <tbody>
            {tasks.map((task) => (
              <tr key={task.taskId} data-task-id={task.taskId}>
                <td title={t(`code.${task.taskCode}`)}>{task.taskCode}</td>
                <td>{areaName(t, task.area)}</td>
                <td>{task.urgency}</td>
                <td className="timer">{formatDuration(task.waitingSeconds)}</td>
                <td>
                  {task.flags.map((flag) => (
                    <span key={flag} className={`flag flag-${flag}`}>
                      {FLAG_WORDS[flag] ? t(FLAG_WORDS[flag]) : flag}
                    </span>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
