import { EventStore } from '@dtask/event-store';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { EVENT_STORE } from '../apps/dispatch-api/src/event-store/event-store.module';
import { TaskFactsReadModel } from '../apps/dispatch-api/src/reports/task-facts.read-model';
import { cast } from './support/dtask-api';
import { startTestApp } from './support/test-app';

const waitUntil = async (condition: () => Promise<boolean>, timeoutMs = 10_000) => {
  const started = Date.now();
  while (!(await condition())) {
    if (Date.now() - started > timeoutMs) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
};

describe('the $all follower that feeds the read models', () => {
  it('reports its position, the head and its lag when ready', async () => {
    const app = await startTestApp();
    try {
      await (await cast(app)).intake();
      const ready = await app.http.get('/health/ready').expect(200);
      expect(ready.body.details.follower).toMatchObject({ status: 'up', state: 'up', lag: 0, halted: [], caughtUp: true });
      expect(ready.body.details.follower.position).toBe(ready.body.details.follower.head);
    } finally {
      await app.close();
    }
  });

  it('resubscribes from where it was after the store fails a read, and is not ready meanwhile', async () => {
    const app = await startTestApp();
    try {
      const api = await cast(app);
      const before = await api.intake();
      // The file answers reads with an I/O error for a while (a failing disk, a lost mount), then recovers.
      const store = app.app.get<symbol, EventStore>(EVENT_STORE) as unknown as { readFollowing: unknown };
      const read = Object.getPrototypeOf(store).readFollowing;
      store.readFollowing = () => {
        throw Object.assign(new Error('disk I/O error'), { code: 'SQLITE_IOERR_READ' });
      };
      await waitUntil(async () => (await app.http.get('/health/ready')).status === 503);
      const down = await app.http.get('/health/ready');
      expect(down.body.details.follower).toMatchObject({ status: 'down', state: 'down' });
      expect(down.body.details.follower.failure.error).toContain('SQLITE_IOERR');
      const during = await api.intake(); // appends do not use the failing reads
      store.readFollowing = read;

      await waitUntil(async () => (await app.http.get('/health/ready')).status === 200);
      const after = await api.intake();
      const waiting = (await api.get(api.tokens.nurse, '/api/d-tasks').expect(200)).body.tasks.map((task: { taskId: string }) => task.taskId);
      expect(waiting.sort()).toEqual([before, during, after].sort());
      const report = (await api.get(api.tokens.supervisor, '/api/reports/load-reduction').expect(200)).body.totals;
      expect(report.tasks).toBe(3); // each event folded exactly once
    } finally {
      await app.close();
    }
  }, 30_000);

  it('halts a read model whose listener throws, says which in readiness, and never snapshots it', async () => {
    const app = await startTestApp();
    const api = await cast(app);
    await api.intake();
    const facts = app.app.get(TaskFactsReadModel) as unknown as { fold: { apply(event: { type: string; data: { ercTaskId?: string } }): void } };
    const apply = facts.fold.apply.bind(facts.fold);
    facts.fold.apply = (event) => {
      if (event.type === 'DTaskReceived' && event.data.ercTaskId === 'ERC-poison') throw new TypeError('a fold bug');
      apply(event);
    };
    const poisoned = await api.intake({ ercTaskId: 'ERC-poison' });
    const later = await api.intake();

    const ready = await app.http.get('/health/ready');
    expect(ready.status).toBe(503);
    expect(ready.body.details.follower.halted).toEqual([expect.objectContaining({ readModel: 'task-facts', eventType: 'DTaskReceived' })]);
    expect(JSON.stringify(ready.body)).not.toContain('a fold bug'); // the error is in the log, not on the public probe
    // The halted model took nothing after the event it failed on; the others go on.
    const report = (await api.get(api.tokens.supervisor, '/api/reports/load-reduction').expect(200)).body.totals;
    expect(report.tasks).toBe(1);
    const waiting = (await api.get(api.tokens.nurse, '/api/d-tasks').expect(200)).body.tasks.map((task: { taskId: string }) => task.taskId);
    expect(waiting).toEqual(expect.arrayContaining([poisoned, later]));
    await app.stop();
    expect(existsSync(join(app.dataDir, 'read-models', 'snapshot.json'))).toBe(false);

    // Started again (the fault fixed), every model holds every task.
    const again = await startTestApp({}, app.dataDir);
    try {
      const next = await cast(again);
      expect((await next.get(next.tokens.supervisor, '/api/reports/load-reduction').expect(200)).body.totals.tasks).toBe(3);
      await again.http.get('/health/ready').expect(200);
    } finally {
      await again.stop();
      rmSync(app.dataDir, { recursive: true, force: true });
    }
  }, 30_000);
});
