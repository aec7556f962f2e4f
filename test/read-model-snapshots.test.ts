import { openEventStore } from '@dtask/event-store';
import { toEventToAppend } from '@dtask/events';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { taskIdForErcTask } from '@dtask/dtask-service';
import { adviceDecision, cast } from './support/dtask-api';
import { startTestApp } from './support/test-app';

describe('read models are checkpointed and rebuildable', () => {
  it('resumes from the snapshot, catches up, and equals a rebuild from $all', async () => {
    const first = await startTestApp();
    const api = await cast(first);
    await api.intake();
    const claimed = await api.assessed();
    const advised = await api.assessed();
    await api.post(api.tokens.nurse, `/api/d-tasks/${advised}/decision`, adviceDecision()).expect(200);
    expect(claimed).toBeDefined();
    await first.stop();
    const snapshotFile = join(first.dataDir, 'read-models', 'snapshot.json');
    expect(existsSync(snapshotFile)).toBe(true);

    // While the service is down, another writer appends a task: the restart must catch it up.
    const store = await openEventStore({ dataDir: first.dataDir });
    const taskId = taskIdForErcTask('ERC-written-while-down');
    const received = toEventToAppend(
      { type: 'DTaskReceived', data: { taskId, ercTaskId: 'ERC-written-while-down', receivedAt: new Date().toISOString(), taskCode: '703', urgency: 'D', municipality: 'Raahe', area: 'Raahe', address: 'Rantakatu 2', patient: { ageYears: 91 }, callbackPhone: '+358409876543' } },
      { actor: { id: 'erc', role: 'erc' }, occurredAt: new Date().toISOString(), correlationId: taskId, causationId: taskId },
    );
    await store.append(`dtask-${taskId}`, [received], { expectedRevision: 'no-stream' });
    await store.close();

    const views = async (dataDir: string) => {
      const app = await startTestApp({}, dataDir);
      try {
        const viewer = await cast(app);
        const queue = (await viewer.get(viewer.tokens.supervisor, '/api/d-tasks?status=claimed').expect(200)).body.tasks.map((t: { taskId: string }) => t.taskId);
        const waiting = (await viewer.get(viewer.tokens.supervisor, '/api/d-tasks').expect(200)).body.tasks.map((t: { taskId: string }) => t.taskId);
        const report = (await viewer.get(viewer.tokens.supervisor, '/api/reports/load-reduction').expect(200)).body.totals;
        return { queue, waiting, report };
      } finally {
        await app.stop();
      }
    };
    const fromSnapshot = await views(first.dataDir);
    expect(fromSnapshot.waiting).toContain(taskId);
    expect(fromSnapshot.report.tasks).toBe(4);
    rmSync(snapshotFile);
    const rebuilt = await views(first.dataDir);
    expect(rebuilt).toEqual(fromSnapshot);
    rmSync(first.dataDir, { recursive: true, force: true });
  });
});
