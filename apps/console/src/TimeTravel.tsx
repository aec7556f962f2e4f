import { FormEvent, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import uPlot from 'uplot';
import { api, ApiError, ReplayDay, ReplayLoad, Session } from './api';
import { addDays, duration, HELSINKI, helsinkiDate, helsinkiTime } from './format';
import { Plot, PlotOptions, verticalLine } from './Plot';

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

/**
 * A past day replayed from the events: queue length over the day, the figures at the slider's
 * step, and, when the slider is released, the queue as it stood then.
 */
export function TimeTravel({ session, language, t }: { session: Session; language: string; t: (key: string) => string }) {
  const today = helsinkiDate(Date.now());
  const [date, setDate] = useState(() => addDays(today, -1));
  const [day, setDay] = useState<Fetched<ReplayDay>>({ state: 'idle' });
  const [index, setIndex] = useState(0);
  const [queue, setQueue] = useState<Fetched<ReplayLoad>>({ state: 'idle' });
  const slider = useRef<HTMLInputElement>(null);
  const plot = useRef<uPlot | undefined>(undefined);
  const shownIndex = useRef(0);
  shownIndex.current = index;
  // Only the latest request may update the view: replays of a year can finish out of order.
  const latestDay = useRef(0);
  const latestQueue = useRef(0);

  async function showDay(event: FormEvent) {
    event.preventDefault();
    const request = ++latestDay.current;
    latestQueue.current += 1;
    setDay({ state: 'loading' });
    setQueue({ state: 'idle' });
    const result = await fetched(api<ReplayDay>(session, 'GET', `/api/replay/day?date=${encodeURIComponent(date)}&stepMinutes=${STEP_MINUTES}`));
    if (request !== latestDay.current) return;
    setIndex(result.state === 'ready' ? Math.floor(result.value.steps.length / 2) : 0);
    setDay(result);
  }

  const showQueue = useCallback(
    async (at: string) => {
      const request = ++latestQueue.current;
      setQueue({ state: 'loading' });
      const result = await fetched(api<ReplayLoad>(session, 'GET', `/api/replay/load?at=${encodeURIComponent(at)}`));
      if (request === latestQueue.current) setQueue(result);
    },
    [session],
  );

  // A range input fires `input` while it moves and `change` once it is released: the queue, a heavier replay, waits for the release.
  useEffect(() => {
    const element = slider.current;
    if (!element || day.state !== 'ready') return;
    const release = () => {
      const step = day.value.steps[Number(element.value)];
      if (step) void showQueue(step.at);
    };
    element.addEventListener('change', release);
    return () => element.removeEventListener('change', release);
  }, [day, showQueue]);

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
        { label: t('time'), value: (_u, seconds) => (seconds === null ? '–' : helsinkiTime(new Date(seconds * 1000).toISOString(), language)) },
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
        <label>
          {t('pastDay')}
          <input type="date" name="replay-date" value={date} max={today} required onChange={(event) => setDate(event.target.value)} />
        </label>
        <button type="submit">{t('show')}</button>
      </form>
      <FetchState of={day} loading={t('replaying')} t={t} />
      {day.state === 'ready' && steps.length === 0 && <p>{t('noTasks')}</p>}
      {chart && step && (
        <>
          <Plot title={`${t('queueLength')} · ${day.state === 'ready' ? day.value.date : ''}`} options={chart.options} data={chart.data} testId="chart-replay-day" plotRef={plot} />
          <label>
            {t('timeOfDay')}: <strong data-testid="replay-at">{helsinkiTime(step.at, language)}</strong>
            <input
              ref={slider}
              type="range"
              name="replay-time"
              min={0}
              max={steps.length - 1}
              step={1}
              value={index}
              aria-valuetext={helsinkiTime(step.at, language)}
              onChange={(event) => setIndex(Number(event.target.value))}
            />
          </label>
          <dl className="figures" data-testid="replay-figures">
            <div><dt>{t('queueLength')}</dt><dd data-testid="replay-queue-length">{step.queueLength}</dd></div>
            <div><dt>{t('oldestWait')}</dt><dd data-testid="replay-oldest-wait">{duration(step.oldestWaitSeconds)}</dd></div>
            <div><dt>{t('claimed')}</dt><dd data-testid="replay-claimed">{step.claimed}</dd></div>
            <div><dt>{t('awaitingHandoff')}</dt><dd data-testid="replay-awaiting-handoff">{step.awaitingHandoff}</dd></div>
            <div><dt>{t('nursesActive')}</dt><dd data-testid="replay-nurses-active">{step.nursesActive}</dd></div>
            <div><dt>{t('decisionsInStep')}</dt><dd data-testid="replay-decisions">{step.decisions}</dd></div>
          </dl>
          {queue.state === 'idle' && <p>{t('releaseSlider')}</p>}
          <FetchState of={queue} loading={t('replaying')} t={t} />
          {queue.state === 'ready' && <ReplayQueue replay={queue.value} language={language} t={t} />}
        </>
      )}
    </section>
  );
}

/** The queue at one past instant: codes, areas and flags only, no personal data. */
function ReplayQueue({ replay, language, t }: { replay: ReplayLoad; language: string; t: (key: string) => string }) {
  const tasks = replay.queue.tasks;
  return (
    <div data-testid="replay-queue">
      <h3>
        {t('queueThen')} · {helsinkiTime(replay.at, language)} · <span data-testid="replay-queue-count">{tasks.length}</span>
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
                <td>{task.taskCode}</td>
                <td>{task.area}</td>
                <td>{task.urgency}</td>
                <td className="timer">{duration(task.waitingSeconds)}</td>
                <td>
                  {task.flags.map((flag) => (
                    <span key={flag} className={`flag flag-${flag}`}>
                      {flag}
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
