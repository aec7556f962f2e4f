import { intakeBody } from '../support/dtask-api';
import { Balanced, call, startBalanced, tokenFor } from './support/instances';
import { until } from './support/wait';

jest.setTimeout(120_000);

const S2 = { S2_ALERT_MINUTES: '1', S2_DISPATCH_MINUTES: '3', SCHEDULER_INTERVAL_MS: '100' };
/** How far ahead S2's dispatch falls due: time to let every instance see the task and freeze them all. */
const DUE_IN_MS = 12_000;

/**
 * Every instance runs the deadline scheduler over its own board. Here three instances all hold the
 * same waiting task when S2's dispatch falls due, frozen (SIGSTOP) until it has, then thawed
 * together: each fires the same deadline at once. The store's expected revision lets one append
 * through; the others decide again on the stream as it now is, and find nothing to do.
 */
describe('S2 fired by three instances at once', () => {
  let balanced: Balanced;
  beforeAll(async () => (balanced = await startBalanced(3, S2)));
  afterAll(() => balanced?.close());

  it('dispatches one unit, and raises one alert', async () => {
    const { url, instances, store } = balanced;
    const erc = await tokenFor(url, 'erc', 'erica');
    const nurse = await tokenFor(url, 'nurse', 'nurse-anna');
    const dueAt = Date.now() + DUE_IN_MS;
    const receivedAt = new Date(dueAt - Number(S2.S2_DISPATCH_MINUTES) * 60_000).toISOString();
    const intake = await call(url, erc, 'POST', '/api/d-tasks', { body: intakeBody({ receivedAt }) });
    expect(intake.status).toBe(201);
    const taskId = intake.body.taskId as string;
    const history = async () => ((await call(url, nurse, 'GET', `/api/d-tasks/${taskId}`)).body.history as { position: string; type: string; data: { level?: string } }[]);
    // The alert was due at intake: once it is written, the dispatch is the deadline left.
    await until(async () => (await history()).some((event) => event.type === 'WaitingLimitReached'), 'the S2 alert');
    const position = (await history()).at(-1)!.position;
    for (const instance of instances) {
      const queue = await call(instance.url, nurse, 'GET', '/api/d-tasks?status=waiting', { position });
      expect((queue.body.tasks as { taskId: string }[]).map((task) => task.taskId)).toContain(taskId);
    }
    for (const instance of instances) instance.child.kill('SIGSTOP');
    const early = dueAt - Date.now();
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, early) + 500));
    for (const instance of instances) instance.child.kill('SIGCONT');
    await until(async () => (await history()).some((event) => event.type === 'UnitRequested'), 'the S2 dispatch');
    // A stop waits for the deadline tick under way: after it, every instance's attempt is over.
    await Promise.all(instances.map((instance) => instance.stop()));

    const events = await store.readStream(`dtask-${taskId}`);
    const count = (type: string, level?: string) => events.filter((event) => event.type === type && (level === undefined || (event.data as { level?: string }).level === level)).length;
    expect(count('UnitRequested')).toBe(1);
    expect(count('WaitingLimitReached', 'dispatch')).toBe(1);
    expect(count('WaitingLimitReached', 'alert')).toBe(1);
    // The instances were frozen before the dispatch fell due (else the race was not run as meant).
    expect(early).toBeGreaterThan(0);
  });
});
