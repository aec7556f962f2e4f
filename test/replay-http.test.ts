import { openEventStore } from '@dtask/event-store';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { ManualClock } from '../apps/dispatch-api/src/clock/clock';
import { DeadlineScheduler } from '../apps/dispatch-api/src/d-tasks/deadline-scheduler';
import { adviceDecision, cast } from './support/dtask-api';
import { startTestApp, TestApp } from './support/test-app';

const MINUTE = 60_000;
const T0 = Date.parse('2026-11-22T08:00:00.000Z'); // 10:00 in Helsinki
const iso = (minutes: number) => new Date(T0 + minutes * MINUTE).toISOString();
const q = (value: string) => encodeURIComponent(value);
const assessment = { redFlags: [], concern: false, symptoms: 'dizziness', existingServices: [], notes: '' };

/**
 * A morning through the real API, with a clock moved by hand and the scheduler ticked by hand:
 * A advised at 1 min; B failed at 2 and sent a unit by S1's time rule at 18; C never reached,
 * S2 alert at 21 and a unit at 61; D failed at 2, reached at 5 and advised.
 */
describe('replay, time travel and what-if over HTTP', () => {
  let app: TestApp;
  let api: Awaited<ReturnType<typeof cast>>;
  const ids: Record<string, string> = {};
  const clock = new ManualClock(new Date(T0));
  const at = async (minutes: number) => {
    clock.set(new Date(T0 + minutes * MINUTE));
  };

  beforeAll(async () => {
    app = await startTestApp({ SCHEDULER_INTERVAL_MS: '3600000' }, undefined, clock);
    api = await cast(app);
    const { post, tokens } = api;
    const tick = () => app.app.get(DeadlineScheduler).tick();
    for (const name of ['A', 'B', 'C', 'D']) ids[name] = await api.intake({ receivedAt: iso(0) });
    await at(1);
    await post(tokens.nurse, `/api/d-tasks/${ids.A}/claim`).expect(200);
    await post(tokens.nurse, `/api/d-tasks/${ids.A}/callbacks`, { outcome: 'reached' }).expect(200);
    await post(tokens.nurse, `/api/d-tasks/${ids.A}/assessment`, assessment).expect(200);
    await post(tokens.nurse, `/api/d-tasks/${ids.A}/decision`, adviceDecision()).expect(200);
    await at(2);
    await post(tokens.nurse, `/api/d-tasks/${ids.B}/claim`).expect(200);
    await post(tokens.nurse, `/api/d-tasks/${ids.B}/callbacks`, { outcome: 'no-answer' }).expect(200);
    await post(tokens.nurse2, `/api/d-tasks/${ids.D}/claim`).expect(200);
    await post(tokens.nurse2, `/api/d-tasks/${ids.D}/callbacks`, { outcome: 'no-answer' }).expect(200);
    await at(5);
    await post(tokens.nurse2, `/api/d-tasks/${ids.D}/callbacks`, { outcome: 'reached' }).expect(200);
    await post(tokens.nurse2, `/api/d-tasks/${ids.D}/assessment`, assessment).expect(200);
    await post(tokens.nurse2, `/api/d-tasks/${ids.D}/decision`, adviceDecision()).expect(200);
    for (const minute of [18, 21, 61]) {
      await at(minute);
      await tick();
    }
    await at(120);
  }, 60_000);
  afterAll(() => app.close());

  it('replays the load-reduction report from the event log to exactly the live numbers', async () => {
    const window = `from=${q(iso(-60))}&to=${q(iso(600))}&groupBy=area`;
    const live = (await api.get(api.tokens.analyst, `/api/reports/load-reduction?${window}`).expect(200)).body;
    const replayed = (await api.get(api.tokens.analyst, `/api/replay/load-reduction?${window}`).expect(200)).body;
    expect(replayed.totals).toEqual(live.totals);
    expect(replayed.groups).toEqual(live.groups);
    expect(replayed.totals).toMatchObject({ tasks: 4, resolvedWithoutUnit: 2, unitRequested: 2, autoDispatch: { unreachable: 1, waitingLimit: 1 } });
  });

  it('travels back to the queue and load at chosen instants', async () => {
    const at3 = (await api.get(api.tokens.analyst, `/api/replay/load?at=${q(iso(3))}`).expect(200)).body;
    // A closed at 1; B and D claimed by two nurses; C waiting 3 min.
    expect(at3.queue.tasks.map((task: { taskId: string }) => task.taskId)).toEqual([ids.C]);
    expect(at3.load).toMatchObject({ queueLength: 1, oldestWaitSeconds: 180, claimed: 2, nursesActive: 2 });

    const at30 = (await api.get(api.tokens.analyst, `/api/replay/load?at=${q(iso(30))}`).expect(200)).body;
    // B sent a unit at 18, D advised at 5; C still waiting, flagged by S2 at 21.
    expect(at30.queue.tasks).toEqual([expect.objectContaining({ taskId: ids.C, waitingSeconds: 1800, flags: expect.arrayContaining(['s2-alert']) })]);
    expect(at30.load).toMatchObject({ queueLength: 1, claimed: 0, alerts: { s2WaitingLimit: [ids.C] } });
    expect(at30.load.decisionMixToday).toMatchObject({ phoneAdvice: 2, unitRequested: 1 });

    const at90 = (await api.get(api.tokens.analyst, `/api/replay/load?at=${q(iso(90))}`).expect(200)).body;
    // B's D unit is not on scene: its S8 welfare recall, due at 48, brings it back (C's falls due at 91).
    expect(at90.queue.tasks).toEqual([expect.objectContaining({ taskId: ids.B, recall: { recallId: 'waiting-for-unit-1', reason: 'waiting-for-unit', dueAt: iso(48) } })]);
    expect(at90.load).toMatchObject({ queueLength: 1, decisionMixToday: { unitRequested: 2, autoDispatch: { unreachable: 1, waitingLimit: 1 } } });
  });

  it('steps through the Helsinki day for the time slider', async () => {
    const day = (await api.get(api.tokens.analyst, '/api/replay/day?date=2026-11-22&stepMinutes=15').expect(200)).body;
    expect(day.from).toBe('2026-11-21T22:00:00.000Z');
    expect(day.steps).toHaveLength(97);
    const step = (minutes: number) => day.steps.find((s: { at: string }) => s.at === iso(minutes));
    expect(step(0)).toMatchObject({ queueLength: 4, claimed: 0 });
    expect(step(15)).toMatchObject({ queueLength: 1, oldestWaitSeconds: 900, claimed: 1, nursesActive: 1, decisions: 2 });
    expect(step(30)).toMatchObject({ queueLength: 1, claimed: 0, decisions: 1 });
    // B back for its S8 recall, due at 48.
    expect(step(75)).toMatchObject({ queueLength: 1, decisions: 1 });
  });

  it('what-if with the configured limits reproduces what happened; a stricter S1 sends units to exactly B and D', async () => {
    const store = await openEventStore({ dataDir: app.dataDir });
    const headBefore = await store.headPosition();
    const window = `from=${q(iso(-60))}&to=${q(iso(600))}`;
    const same = (await api.get(api.tokens.analyst, `/api/replay/what-if?${window}`).expect(200)).body;
    expect(same.whatIf).toEqual(same.actual);
    expect(same.actual.firings).toEqual({ s1UnreachableDispatches: 1, s2Alerts: 1, s2WaitingLimitDispatches: 1, s4SecondContactsFlagged: 0, s6HandoffTimeouts: 0, s8RecallsFailed: 0, s8UnitOverdue: 0, handoffVisitsOverdue: 0 });
    expect(same.tasksChanged).toBe(0);

    const strict = (await api.get(api.tokens.analyst, `/api/replay/what-if?${window}&s1FailedAttempts=1`).expect(200)).body;
    expect(strict.whatIf.rules.s1FailedAttempts).toBe(1);
    expect(strict.actual.rules.s1FailedAttempts).toBe(2);
    expect(strict.whatIf.firings.s1UnreachableDispatches).toBe(2); // B and D, at their first failed call
    expect(strict.whatIf.measures.resolvedWithoutUnit).toBe(1); // only A
    expect(strict.tasksChanged).toBe(1); // D
    expect(strict.actual.measures).toEqual(same.actual.measures);

    const slowS2 = (await api.get(api.tokens.analyst, `/api/replay/what-if?${window}&s2DispatchMinutes=90`).expect(200)).body;
    expect(slowS2.whatIf.measures.timeToDecision.p90Seconds).toBeGreaterThan(slowS2.actual.measures.timeToDecision.p90Seconds);

    // A what-if never writes: the store's head is where it was.
    expect(await store.headPosition()).toBe(headBefore);
    await store.close();
  });

  it('gives the same answers through the replay CLI', async () => {
    const cli = (...args: string[]) =>
      execFileSync(process.execPath, ['-r', join(__dirname, '..', 'libs', 'event-store', 'src', 'testing', 'ts-child-loader.js'), join(__dirname, 'support', 'run-replay-cli.js'), ...args, '--data-dir', app.dataDir], { encoding: 'utf8' });
    const window = ['--from', iso(-60), '--to', iso(600)];
    const http = (await api.get(api.tokens.analyst, `/api/replay/what-if?from=${q(iso(-60))}&to=${q(iso(600))}&s1FailedAttempts=1`).expect(200)).body;
    const fromCli = JSON.parse(cli('--projection', 'what-if', ...window, '--s1-failed-attempts', '1', '--format', 'json'));
    expect(fromCli.whatIf.firings).toEqual(http.whatIf.firings);
    expect(fromCli.whatIf.measures).toEqual(http.whatIf.measures);
    expect(cli('--projection', 'what-if', ...window, '--s1-failed-attempts', '1')).toMatch(/s1FailedAttempts 2 → 1; 1 tasks change outcome/);

    const pastLoad = (await api.get(api.tokens.analyst, `/api/replay/load?at=${q(iso(30))}`).expect(200)).body;
    expect(JSON.parse(cli('--projection', 'load', '--at', iso(30), '--format', 'json')).queue).toEqual(pastLoad.queue);
    const steps = cli('--projection', 'day', '--date', '2026-11-22', '--step-minutes', '60', '--format', 'csv').trim().split('\r\n');
    expect(steps).toHaveLength(1 + 25); // a header, midnight to midnight hourly
    expect(steps[0]).toBe('at,queueLength,oldestWaitSeconds,claimed,awaitingHandoff,awaitingVisit,nursesActive,decisions');
  }, 60_000);

  it('answers a bad query with 400 naming the field, and keeps nurses out', async () => {
    expect((await api.get(api.tokens.analyst, '/api/replay/load?at=yesterday').expect(400)).body.issues[0].path).toBe('at');
    expect((await api.get(api.tokens.analyst, '/api/replay/what-if?s2AlertMinutes=90&s2DispatchMinutes=60').expect(400)).body.issues[0].path).toBe('s2AlertMinutes');
    expect((await api.get(api.tokens.analyst, '/api/replay/what-if?s1FailedAttempts=0').expect(400)).body.issues[0].path).toBe('s1FailedAttempts');
    expect((await api.get(api.tokens.analyst, '/api/replay/day?date=2026-13-01').expect(400)).body.issues[0].path).toBe('date');
    await api.get(api.tokens.nurse, `/api/replay/load?at=${q(iso(3))}`).expect(403);
  });
});
